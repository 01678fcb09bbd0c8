/**
 * Multi-select: the player picks any set of options. The partial-credit rule: each right option
 * picked earns 1/(right options), each wrong option picked costs 1/(wrong options), and the credit
 * never goes below 0. So all right and nothing else is 1; picking every option is 0 (never better
 * than picking nothing); half the right ones and no wrong one is 0.5.
 */
import type { MultiSelectQuestion } from '../../../shared/quiz/quiz-schema';
import { wrongShape, type KindGrader } from './kind-grader';

export const multiSelectGrader: KindGrader<MultiSelectQuestion> = {
  invalid(q, r) {
    if (r.options === undefined) return wrongShape('a list of options');
    const seen = new Set<number>();
    for (const o of r.options) {
      if (!Number.isInteger(o) || o < 0 || o >= q.options.length)
        return `Option ${o + 1} does not exist; this question has ${q.options.length} options.`;
      if (seen.has(o)) return `Option ${o + 1} is picked twice.`;
      seen.add(o);
    }
    return null;
  },
  credit(q, r) {
    const right = new Set(q.correct);
    const wrongCount = q.options.length - right.size;
    let credit = 0;
    for (const o of r.options ?? [])
      credit += right.has(o) ? 1 / right.size : wrongCount > 0 ? -1 / wrongCount : 0;
    return clampCredit(credit);
  },
};

/** Into 0..1, with float dust (0.9999999) rounded away. */
export function clampCredit(credit: number): number {
  const rounded = Math.round(credit * 1e9) / 1e9;
  return Math.min(Math.max(rounded, 0), 1);
}
