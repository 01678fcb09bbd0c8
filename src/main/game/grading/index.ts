/**
 * Grading by kind of question: one grader per kind, each in its own module. `gradeResponse`
 * checks a response and gives its credit (0 to 1); the round turns credit into points.
 */
import type { AnswerFields } from '../../../shared/protocol';
import type { Question } from '../../../shared/quiz/quiz-schema';
import { choiceGrader, pollGrader, trueFalseGrader } from './choice';
import { multiSelectGrader } from './multi-select';
import { numberGrader } from './number-answer';
import { orderingGrader } from './ordering';
import { typedAnswerGrader } from './typed-answer';

export { editDistance, matchesAccepted, normaliseAnswer } from './answer-text';
export { toleranceOf } from './number-answer';
export { canonicalOrder, shownOrder } from './ordering';
export { clampCredit } from './multi-select';

export type Graded = { ok: true; credit: number } | { ok: false; reason: string };

/** `index`: the question's place in the quiz (it seeds the ordering shuffle). */
export function gradeResponse(q: Question, index: number, r: AnswerFields): Graded {
  const outcome = (reason: string | null, credit: () => number): Graded =>
    reason === null ? { ok: true, credit: credit() } : { ok: false, reason };
  switch (q.kind) {
    case 'choice':
      return outcome(choiceGrader.invalid(q, r), () => choiceGrader.credit(q, r));
    case 'true_false':
      return outcome(trueFalseGrader.invalid(q, r), () => trueFalseGrader.credit(q, r));
    case 'poll':
      return outcome(pollGrader.invalid(q, r), () => pollGrader.credit(q, r));
    case 'multi_select':
      return outcome(multiSelectGrader.invalid(q, r), () => multiSelectGrader.credit(q, r));
    case 'typed':
      return outcome(typedAnswerGrader.invalid(q, r), () => typedAnswerGrader.credit(q, r));
    case 'number':
      return outcome(numberGrader.invalid(q, r), () => numberGrader.credit(q, r));
    case 'ordering': {
      const grader = orderingGrader(index);
      return outcome(grader.invalid(q, r), () => grader.credit(q, r));
    }
    case 'slide':
      return { ok: false, reason: 'This is a slide: there is nothing to answer.' };
  }
}

/** Whether a kind has right and wrong answers at all (polls and slides do not). */
export function isScored(q: Question): boolean {
  return q.kind !== 'poll' && q.kind !== 'slide';
}
