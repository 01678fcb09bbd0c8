/**
 * Running totals (`runningTotals`): a room's session is every game played in it, and each player
 * keeps the sum of their scores over the games that finished while they were in. Totals are kept
 * whether the setting is on or not (so that turning it on mid-session counts the games already
 * played); the setting decides whether they are shown. The session's table ranks by total, then by
 * more games played, then by join order. A player removed from the room leaves the table.
 */
import type { ServerMessage, SessionRow } from '../../shared/protocol';
import type { GameState, Player } from './state';

/** A game finished: every player's score of it goes into their session total. */
export function addGameToSession(state: GameState): void {
  for (const p of state.players.values()) {
    p.sessionScore = (p.sessionScore ?? 0) + p.score;
    p.sessionGames = (p.sessionGames ?? 0) + 1;
  }
}

function compareTotals(a: Player, b: Player): number {
  return (
    (b.sessionScore ?? 0) - (a.sessionScore ?? 0) ||
    (b.sessionGames ?? 0) - (a.sessionGames ?? 0) ||
    a.seq - b.seq
  );
}

/** The session's table, best first: every player who has finished a game in this session. */
export function sessionRows(state: GameState): SessionRow[] {
  return [...state.players.values()]
    .filter((p) => (p.sessionGames ?? 0) > 0)
    .sort(compareTotals)
    .map((p, i) => ({
      rank: i + 1,
      id: p.id,
      name: p.name,
      total: p.sessionScore ?? 0,
      games: p.sessionGames ?? 0,
    }));
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
