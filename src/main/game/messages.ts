/** Small builders for engine messages that several modules send. */
import type { ErrorCode, ServerMessage } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import type { GameState, Player } from './state';

export function error(code: ErrorCode, message: string, ref?: string): ServerMessage {
  return ref === undefined ? { type: 'error', code, message } : { type: 'error', code, message, ref };
}

/** Tells connection `conn` why its `ref` message was refused; returns false, for `return refuse(…)`. */
export function refuse(out: Effect[], conn: ConnId, ref: string, code: ErrorCode, message: string): false {
  out.push({ kind: 'reply', conn, msg: error(code, message, ref) });
  return false;
}

/** The player or latecomer a host command names, or null after telling the host there is none. */
export function namedSeat(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  playerId: string,
  ref: string,
): Player | null {
  const seat = state.players.get(playerId) ?? state.waiting.get(playerId);
  if (seat) return seat;
  refuse(out, conn, ref, 'unknown_player', `No player has id "${playerId}".`);
  return null;
}
