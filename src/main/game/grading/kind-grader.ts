/**
 * What every kind of question gives the referee: whether a response answers it at all (an answer
 * that does not is refused and the player may answer again), and the credit a valid one earns,
 * from 0 (wrong) to 1 (right). Points are the scoring function's business, given the credit.
 */
import type { AnswerFields } from '../../../shared/protocol';

export interface KindGrader<Q> {
  /** Why `response` does not answer `question` (a sentence for the player), or null when it does. */
  invalid(question: Q, response: AnswerFields): string | null;
  /** Credit for a response `invalid` accepted: 0 to 1; 1 is a right answer. */
  credit(question: Q, response: AnswerFields): number;
}

export function wrongShape(expected: string): string {
  return `This question takes ${expected}.`;
}
