/**
 * Seeded shuffles, the same on every machine: the order an ordering question shows its items in
 * (seeded by the question's index, the same for everybody), and the order a phone shows a
 * question's options in when the question shuffles them (seeded by the player and the question,
 * so each player's order differs but stays put across a reload). A shuffle only moves things on
 * the screen: answers name options by their place in the quiz, so the host grades as ever.
 */

/** FNV-1a of a text: a seed from a player id and a question index. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A permutation of 0..count-1 from `seed` (Fisher–Yates over a small integer hash). */
export function seededOrder(count: number, seed: number): number[] {
  const order = Array.from({ length: count }, (_, i) => i);
  let s = (Math.imul(seed, 2_654_435_761) + 0x9e3779b9) >>> 0;
  for (let i = count - 1; i > 0; i--) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    const j = s % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The order a player's phone shows a shuffled question's options in: shown place → option index. */
export function playerOptionOrder(count: number, playerId: string, questionIndex: number): number[] {
  return seededOrder(count, seedOf(`${playerId}:${questionIndex}`));
}
