/**
 * Points for one player's answer to one question: the one place where the room's scoring rules
 * live (docs/protocol.md, section 11). A pure function of the answer's credit (how right it was,
 * 0 to 1: every question kind grades to a credit), its time, the question's points and time
 * limit, the player's streak and score so far, and the room's scoring settings.
 *
 * - `speed` (the default, as Kahoot! scores): full points within half a second, then falling
 *   linearly to half the points at the deadline, times the credit.
 * - `accuracy`: the question's points times the credit, however long the answer took.
 * - `survey`: nothing is scored and there are no streaks.
 * A full-credit answer (credit 1) extends the streak, and with `streakBonus` adds 100 per answer
 * after the first in a row, at most 500; anything less breaks it. A wrong answer (credit 0; not a
 * missing one) loses `wrongAnswerPenalty` percent of the question's points, but never takes the
 * score below 0. A question worth 0 points scores nothing and leaves the streak alone.
 */
import type { GameSettings } from '../../shared/protocol';

export const FULL_POINTS_WITHIN_MS = 500;
export const STREAK_STEP = 100;
export const STREAK_CAP = 500;

export type ScoringRules = Pick<GameSettings, 'scoringMode' | 'streakBonus' | 'wrongAnswerPenalty'>;

export interface AnswerToScore {
  /** How right the answer was, from 0 (wrong) to 1 (right); null when the player did not answer. */
  credit: number | null;
  /** From the question opening to the answer; capped at the time limit. */
  elapsedMs: number;
  timeLimitMs: number;
  /** The question's points (0, 1000 or 2000). */
  points: number;
  /** Full-credit answers in a row before this one. */
  streak: number;
  /** The player's score before this question. */
  score: number;
}

export interface AnswerScore {
  /** Points for this answer: negative only for a penalty, and never more than `score`. */
  points: number;
  /** The streak after this answer. */
  streak: number;
  /** Full credit: counts as a right answer (for the tie-break and the streak). */
  correct: boolean;
}

/** The speed-scored points of a fully right answer. */
export function answerPoints(points: number, elapsedMs: number, timeLimitMs: number): number {
  if (elapsedMs <= FULL_POINTS_WITHIN_MS) return points;
  const t = Math.min(elapsedMs, timeLimitMs);
  return Math.round(points * (1 - t / timeLimitMs / 2));
}

/** The bonus for a correct answer that makes a streak of `streak` (1 for the first correct). */
export function streakBonus(streak: number): number {
  return Math.min(Math.max(streak - 1, 0) * STREAK_STEP, STREAK_CAP);
}

function clampCredit(credit: number): number {
  return Number.isFinite(credit) ? Math.min(Math.max(credit, 0), 1) : 0;
}

export function scoreAnswer(answer: AnswerToScore, rules: ScoringRules): AnswerScore {
  const credit = answer.credit === null ? null : clampCredit(answer.credit);
  const correct = credit === 1;
  if (rules.scoringMode === 'survey') return { points: 0, streak: answer.streak, correct };
  if (answer.points <= 0) return { points: 0, streak: answer.streak, correct };
  if (credit === null) return { points: 0, streak: 0, correct: false };
  if (credit === 0) {
    const penalty = Math.min(Math.round((answer.points * rules.wrongAnswerPenalty) / 100), answer.score);
    // `0 - x`, not `-x`: no penalty is 0, never -0 (which JSON and deep equality tell apart).
    return { points: penalty > 0 ? 0 - penalty : 0, streak: 0, correct: false };
  }
  const full =
    rules.scoringMode === 'accuracy'
      ? answer.points
      : answerPoints(answer.points, answer.elapsedMs, answer.timeLimitMs);
  const streak = correct ? answer.streak + 1 : 0;
  const bonus = correct && rules.streakBonus ? streakBonus(streak) : 0;
  return { points: Math.round(full * credit) + bonus, streak, correct };
}
