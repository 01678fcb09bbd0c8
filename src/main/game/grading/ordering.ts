/**
 * Ordering: the player puts the items in order. Players are shown the items in a fixed shuffle
 * that is never the right order (`shownOrder`), and answer with shown indexes; the credit is the
 * share of items in their right place (all in place is 1).
 */
import type { OrderingQuestion } from '../../../shared/quiz/quiz-schema';
import { seededOrder } from '../../../shared/quiz/seeded-order';
import { wrongShape, type KindGrader } from './kind-grader';

/**
 * The order the items are shown in: `shown[i]` is the right position of the item shown at i.
 * Seeded by the question's index so that it is the same for everybody and after a restart.
 */
export function shownOrder(count: number, seed: number): number[] {
  const order = seededOrder(count, seed);
  // Shown in the right order, the question would answer itself: rotate by one.
  if (order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}

/** The right position of each item as the player ordered them (shown indexes → canonical). */
export function canonicalOrder(q: OrderingQuestion, seed: number, order: readonly number[]): number[] {
  const shown = shownOrder(q.items.length, seed);
  return order.map((i) => shown[i]!);
}

export function orderingGrader(seed: number): KindGrader<OrderingQuestion> {
  return {
    invalid(q, r) {
      if (r.order === undefined) return wrongShape('the items in an order');
      const n = q.items.length;
      if (
        r.order.length !== n ||
        new Set(r.order).size !== n ||
        r.order.some((i) => !Number.isInteger(i) || i < 0 || i >= n)
      )
        return `Put each of the ${n} items in the order exactly once.`;
      return null;
    },
    credit(q, r) {
      const placed = canonicalOrder(q, seed, r.order ?? []);
      return placed.filter((item, position) => item === position).length / q.items.length;
    },
  };
}
