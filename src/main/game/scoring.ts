/**
 * Points for an answer, as Kahoot! scores them: full points within half a second, then falling
 * linearly to half the points at the deadline; a wrong or missing answer scores nothing. A streak
 * of correct answers adds 100 per answer after the first, at most 500.
 */
export const FULL_POINTS_WITHIN_MS = 500;
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;

export function answerPoints(points: number, elapsedMs: number, timeLimitMs: number): number {
  if (elapsedMs <= FULL_POINTS_WITHIN_MS) return points;
  const t = Math.min(elapsedMs, timeLimitMs);
  return Math.round(points * (1 - t / timeLimitMs / 2));
}

/** The bonus for a correct answer that makes a streak of `streak` (1 for the first correct). */
export function streakBonus(streak: number): number {
  return Math.min(Math.max(streak - 1, 0) * STREAK_STEP, STREAK_CAP);
}
