/** Typed answers: right (1) when the text matches an accepted answer (see answer-text.ts), else 0. */
import type { TypedQuestion } from '../../../shared/quiz/quiz-schema';
import { MAX_TYPED_ANSWER } from '../../../shared/quiz/quiz-schema';
import { matchesAccepted } from './answer-text';
import { wrongShape, type KindGrader } from './kind-grader';

export const typedAnswerGrader: KindGrader<TypedQuestion> = {
  invalid(_q, r) {
    if (r.text === undefined) return wrongShape('a typed answer');
    if (r.text.length > MAX_TYPED_ANSWER) return `An answer may be at most ${MAX_TYPED_ANSWER} characters.`;
    return null;
  },
  credit: (q, r) => (matchesAccepted(r.text ?? '', q.accepted, q.typos) ? 1 : 0),
};
