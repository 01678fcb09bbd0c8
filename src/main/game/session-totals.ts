/**
 * Running totals (`runningTotals`): a room's session is every game played in it, and each player
 * keeps the sum of their scores over the games that finished while they were in. Totals are kept
 * whether the setting is on or not (so that turning it on mid-session counts the games already
 * played); the setting decides whether they are shown. The session's table ranks by total, then by
 * more games played, then by join order. A player removed from the room leaves the table.
 */
import type { ServerMessage, SessionRow } from '../../shared/protocol';
import type { GameState, Player } from './state';

/**
 * A game finished: every player's score of it goes into their session total, and the session is
 * ranked once (a snapshot then reads the ranking; thousands of players coming back after a host
 * restart do not sort it each).
 */
export function addGameToSession(state: GameState): void {
  for (const p of state.players.values()) {
    p.sessionScore = (p.sessionScore ?? 0) + p.score;
    p.sessionGames = (p.sessionGames ?? 0) + 1;
  }
  state.sessionRanking = [...state.players.values()].sort(compareTotals).map((p) => p.id);
}

function compareTotals(a: Player, b: Player): number {
  return (
    (b.sessionScore ?? 0) - (a.sessionScore ?? 0) ||
    (b.sessionGames ?? 0) - (a.sessionGames ?? 0) ||
    a.seq - b.seq
  );
}

/**
 * The session's table, best first, as ranked when the last game finished: every player still in
 * the room who has finished a game in this session (players removed since are left out).
 */
export function sessionRows(state: GameState): SessionRow[] {
  const rows: SessionRow[] = [];
  for (const id of state.sessionRanking ?? []) {
    const p = state.players.get(id);
    if (!p || !p.sessionGames) continue;
    rows.push({ rank: rows.length + 1, id, name: p.name, total: p.sessionScore ?? 0, games: p.sessionGames });
  }
  return rows;
}

/** Whether the session's table is shown now: the setting is on and a game of it has just finished. */
export function showsSession(state: GameState): boolean {
  return state.settings.runningTotals && state.phase === 'finished';
}

/** Each player's own line of the session's table, as the personal messages of `finished`. */
export function sessionPlaces(rows: readonly SessionRow[]): Map<string, ServerMessage> {
  return new Map(
    rows.map((r) => [r.id, { type: 'session_total', total: r.total, rank: r.rank, games: r.games }]),
  );
}
