/**
 * Tests that play the built-in pack or other one-answer quizzes read options and the right answer
 * straight from a question: `choice` says so, and fails loudly on a question of another kind.
 */
import type { ChoiceQuestion, Question } from '../../src/shared/quiz/quiz-schema';

export function choice(q: Question | undefined): ChoiceQuestion {
  if (!q || q.kind !== 'choice') throw new Error(`expected a choice question, got ${q ? q.kind : 'none'}`);
  return q;
}
