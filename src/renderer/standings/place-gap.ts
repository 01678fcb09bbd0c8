/**
 * How far a player is from the next place up (or ahead of the one below, when first), from the top
 * of the table the player has. Beyond the rows a player is sent (the top five), the gap is not
 * known, and the phone does not guess.
 */
import type { LeaderRow } from '../../shared/protocol';

export type PlaceGap =
  | { kind: 'behind'; points: number; name: string; rank: number }
  | { kind: 'ahead'; points: number; name: string }
  | { kind: 'alone' };

export function placeGap(top: LeaderRow[], rank: number, score: number): PlaceGap | null {
  if (rank === 1) {
    const second = top.find((r) => r.rank === 2);
    return second ? { kind: 'ahead', points: score - second.score, name: second.name } : { kind: 'alone' };
  }
  const above = top.find((r) => r.rank === rank - 1);
  return above ? { kind: 'behind', points: above.score - score, name: above.name, rank: above.rank } : null;
}
