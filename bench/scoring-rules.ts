/**
 * The scoring and ranking rules as docs/protocol.md (section 11) states them, written again here
 * on purpose: the benchmark checks the host's arithmetic against the documented rules, so it must
 * not reuse the engine's own functions.
 */

/** Points for one answer, bonus included. */
export function expectedPoints(
  question: { points: number; timeLimitMs: number },
  answer: { correct: boolean; elapsedMs: number } | null,
  streakAfter: number,
  voided: boolean,
): number {
  if (!answer || !answer.correct || voided || question.points === 0) return 0;
  const t = Math.min(answer.elapsedMs, question.timeLimitMs);
  const base = t <= 500 ? question.points : Math.round(question.points * (1 - t / question.timeLimitMs / 2));
  const bonus = Math.min(100 * Math.max(streakAfter - 1, 0), 500);
  return base + bonus;
}

/** The streak after a question: +1 when right, 0 when wrong or unanswered, unchanged when voided or 0 points. */
export function nextStreak(streak: number, correct: boolean, voided: boolean, points: number): number {
  if (voided || points === 0) return streak;
  return correct ? streak + 1 : 0;
}

/** What a player knows of their own game, and what the final ranking is made of. */
export interface OwnRecord {
  id: string;
  /** Join order: the number in the player id ("p17" -> 17). */
  seq: number;
  score: number;
  correct: number;
  totalTimeMs: number;
}

/** Ranking: score, then more correct answers, then less total time, then earlier join. */
export function compareRecords(a: OwnRecord, b: OwnRecord): number {
  return b.score - a.score || b.correct - a.correct || a.totalTimeMs - b.totalTimeMs || a.seq - b.seq;
}
