/**
 * Choice, true/false and poll questions: one option picked by index. A choice or true/false is
 * right (credit 1) or wrong (0); a poll has no right answer and gives no credit.
 */
import type { AnswerFields } from '../../../shared/protocol';
import type { ChoiceQuestion, PollQuestion, TrueFalseQuestion } from '../../../shared/quiz/quiz-schema';
import { TRUE_FALSE_OPTIONS } from '../../../shared/quiz/quiz-schema';
import { wrongShape, type KindGrader } from './kind-grader';

export function invalidOption(count: number, r: AnswerFields): string | null {
  if (r.option === undefined) return wrongShape('one option');
  if (!Number.isInteger(r.option) || r.option < 0 || r.option >= count)
    return `Option ${r.option + 1} does not exist; this question has ${count} options.`;
  return null;
}

export const choiceGrader: KindGrader<ChoiceQuestion> = {
  invalid: (q, r) => invalidOption(q.options.length, r),
  credit: (q, r) => (r.option === q.correct ? 1 : 0),
};

export const trueFalseGrader: KindGrader<TrueFalseQuestion> = {
  invalid: (_q, r) => invalidOption(TRUE_FALSE_OPTIONS.length, r),
  credit: (q, r) => ((r.option === 0) === q.correct ? 1 : 0),
};

export const pollGrader: KindGrader<PollQuestion> = {
  invalid: (q, r) => invalidOption(q.options.length, r),
  credit: () => 0,
};
