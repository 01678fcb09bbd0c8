/**
 * The engine's inputs (named events the server feeds in) and effects (what the server must carry
 * out: messages, the phase timer, binding or dropping a player's connection). Effects are data,
 * never changed once returned: the server may serialize a message later.
 */
import type { AnswerFields, HostCommand, ServerMessage } from '../../shared/protocol';
import type { GameRecord } from './game-record';

/** A connection id, given by the server; replies to a connection go back on it. */
export type ConnId = number;

export type Input =
  /**
   * `address`: where the join came from (the server's view of the socket), for the per-address
   * cap; absent in journals written before it was recorded, and then not counted.
   */
  | { kind: 'join'; conn: ConnId; name: string; address?: string; identity?: string }
  /** A joined player gives their identity (identity.ts) after joining. */
  | { kind: 'identity'; conn: ConnId; playerId: string; identity: string }
  /** A player gives up their seat (a latecomer their place in the next game). */
  | { kind: 'leave'; conn: ConnId; playerId: string }
  | { kind: 'connected'; playerId: string }
  | { kind: 'disconnected'; playerId: string }
  /** The answer itself is one of `AnswerFields` (see answer-response.ts), checked by the referee. */
  | ({
      kind: 'answer';
      conn: ConnId;
      playerId: string;
      question: number;
      /** Extra time allowed past the deadline for this player's measured network delay. */
      graceMs?: number;
    } & AnswerFields)
  | { kind: 'host'; conn: ConnId; command: HostCommand }
  /** A player picks a team (teams.ts). */
  | { kind: 'team'; conn: ConnId; playerId: string; team: number }
  /** A player's phone has the pictures of question `question` (see media-gate.ts). */
  | { kind: 'media_ready'; playerId: string; question: number }
  | { kind: 'timer' }
  /**
   * The host process restarted after being down for `pausedMs`: nobody is connected to it, and
   * the phase that was running (a question above all) goes on with the time it had left.
   */
  | { kind: 'resumed'; pausedMs: number };

/**
 * Who a broadcast goes to: `everyone` (players, guests and hosts), `hosts`, or `guests` (the
 * connections that have not joined: the ones choosing a name from a class list).
 */
export type Audience = 'everyone' | 'hosts' | 'guests';

export type Effect =
  | { kind: 'send'; to: string; msg: ServerMessage }
  | { kind: 'reply'; conn: ConnId; msg: ServerMessage }
  /**
   * `coalesce`: only the latest message with this key needs to arrive, so the server may batch.
   * `personal`: each player (by id) in the audience also gets their own message, right after.
   */
  | {
      kind: 'broadcast';
      audience: Audience;
      msg: ServerMessage;
      coalesce?: string;
      personal?: ReadonlyMap<string, ServerMessage>;
    }
  /** A join was accepted: the connection now plays as this player. */
  | { kind: 'bind'; conn: ConnId; playerId: string }
  /** The host removed this player: forget their token, cut their connection. */
  | { kind: 'kick'; playerId: string }
  /** This player's seat is gone (they left, or stayed away from the lobby): forget their token; a connection still bound becomes a guest. */
  | { kind: 'release'; playerId: string }
  /** Every client needs a fresh snapshot (a new game began). */
  | { kind: 'resync' }
  /** Arm the single phase timer for this time, or clear it with null. */
  | { kind: 'timer'; at: number | null }
  /** A game ended: its record, a copy that the next game does not change. */
  | { kind: 'game_over'; record: GameRecord };

export interface StepResult<S> {
  state: S;
  effects: Effect[];
}
