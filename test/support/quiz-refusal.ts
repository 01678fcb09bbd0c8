/** The message of the QuizError a promise is refused with (the test fails when it is not one). */
import { expect } from 'vitest';
import { QuizError } from '../../src/shared/quiz/load-quiz';

export async function quizRefusal(p: Promise<unknown>): Promise<string> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(QuizError);
  return (e as QuizError).message;
}
