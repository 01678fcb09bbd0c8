/**
 * Ranking: score first; ties broken by more correct answers, then less total answer time, then
 * earlier join. Ranked once when a question closes, never per answer.
 */
import type { LeaderRow } from '../../shared/protocol';
import type { GameState, Player } from './state';

export const TOP_ROWS = 5;
export const FINAL_TOP_ROWS = 10;

export function comparePlayers(a: Player, b: Player): number {
  return (
    b.score - a.score || b.correctCount - a.correctCount || a.totalTimeMs - b.totalTimeMs || a.seq - b.seq
  );
}

/** Sorts the players, stores each one's rank and the order in the state; returns them best first. */
export function rankPlayers(state: GameState): Player[] {
  const sorted = Array.from(state.players.values()).sort(comparePlayers);
  const ids = new Array<string>(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    p.rank = i + 1;
    ids[i] = p.id;
  }
  state.ranking = ids;
  return sorted;
}

export function leaderRow(p: Player): LeaderRow {
  return {
    rank: p.rank ?? 0,
    id: p.id,
    name: p.name,
    score: p.score,
    correct: p.correctCount,
    connected: p.connected,
    ...(p.team !== undefined ? { team: p.team } : {}),
  };
}

/** A row of the hosts' standings: with the player's identity, which phones never get. */
export function hostRow(p: Player): LeaderRow {
  const row = leaderRow(p);
  if (p.identity !== undefined) row.identity = p.identity;
  return row;
}

/** The first `n` rows of the last ranking (players kicked since are left out). */
export function topRows(state: GameState, n: number): LeaderRow[] {
  const rows: LeaderRow[] = [];
  for (const id of state.ranking) {
    if (rows.length >= n) break;
    const p = state.players.get(id);
    if (p) rows.push(leaderRow(p));
  }
  return rows;
}
