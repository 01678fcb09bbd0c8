/**
 * Number / slider answers: a value in the question's range, on its step. Credit by closeness:
 * 1 on the right value (within half a step), falling in a straight line to 0 at `tolerance` from
 * it (default a tenth of the range); with a tolerance of 0 only the right value scores.
 */
import type { NumberQuestion } from '../../../shared/quiz/quiz-schema';
import { clampCredit } from './multi-select';
import { wrongShape, type KindGrader } from './kind-grader';

export function toleranceOf(q: NumberQuestion): number {
  return q.tolerance ?? (q.max - q.min) / 10;
}

export const numberGrader: KindGrader<NumberQuestion> = {
  invalid(q, r) {
    if (r.value === undefined) return wrongShape('a number');
    if (!Number.isFinite(r.value) || r.value < q.min || r.value > q.max)
      return `${r.value} is outside the range ${q.min} to ${q.max}.`;
    const steps = (r.value - q.min) / q.step;
    if (Math.abs(steps - Math.round(steps)) > 1e-6)
      return `${r.value} is not on a step of ${q.step} from ${q.min}.`;
    return null;
  },
  credit(q, r) {
    const off = Math.abs((r.value ?? Number.NaN) - q.correct);
    if (!(off >= 0)) return 0;
    if (off <= q.step / 2 + 1e-9) return 1;
    const tolerance = toleranceOf(q);
    if (tolerance <= 0) return 0;
    return clampCredit(1 - off / tolerance);
  },
};
