/**
 * The order a game asks the quiz's questions in. In quiz order unless the room shuffles them;
 * a shuffle is drawn when the game leaves the lobby from a seed made of that moment and the game's
 * number, both in the journal, so that replaying the journal draws the same order, and the order
 * itself is kept in the state (and so in every snapshot). Players see positions ("question 3 of
 * 10"); what a game records (answers, played questions, reports) is keyed by the quiz's own
 * question index, so a report reads the same whatever order the questions were asked in.
 */
import type { Question } from '../../shared/quiz/quiz-schema';
import { seededRandom } from './seeded-random';
import type { GameState } from './state';

/** 0..count-1 in a Fisher–Yates shuffle drawn from `seed`. */
export function shuffledOrder(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The order for a game leaving the lobby at `now`: shuffled when the room says so. */
export function orderForGame(state: Readonly<GameState>, now: number): number[] {
  const count = state.quiz.questions.length;
  if (!state.settings.shuffleQuestions) return Array.from({ length: count }, (_, i) => i);
  const seed = (Math.floor(now) ^ Math.imul(state.gameNo, 0x9e3779b9)) >>> 0;
  return shuffledOrder(count, seed);
}

/** The quiz's index of the question asked at `position` (quiz order when no order was drawn). */
export function quizIndexAt(state: Readonly<GameState>, position: number): number {
  return state.order[position] ?? position;
}

export function questionAt(state: Readonly<GameState>, position: number): Question | undefined {
  return state.quiz.questions[quizIndexAt(state, position)];
}

/** Whether `order` asks each of `count` questions exactly once (or is empty: quiz order). */
export function isQuestionOrder(order: readonly number[], count: number): boolean {
  if (order.length === 0) return true;
  if (order.length !== count) return false;
  const seen = new Set(order);
  return seen.size === count && order.every((i) => Number.isInteger(i) && i >= 0 && i < count);
}
