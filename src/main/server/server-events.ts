/**
 * What the server tells the process that hosts it: readable events (for logs, reports and the
 * LAN announcement), derived from each engine step, and the health answer of `/health`.
 */
import { PROTOCOL_VERSION, statusOf, type ErrorCode, type HealthInfo } from '../../shared/protocol';
import { quizIndexAt, seatOf, type GameState, type Input } from '../game';
import type { GameReport } from '../reports/game-report';

/** Readable happenings, for logs and for the LAN announcement. */
export type ServerEvent =
  /** `identity`: the player's class-list name or identifier (settings `identity`), if any. */
  | { kind: 'joined'; playerId: string; name: string; identity?: string }
  | { kind: 'connected'; playerId: string; name: string }
  | { kind: 'disconnected'; playerId: string; name: string }
  | { kind: 'kicked'; playerId: string; name: string }
  | { kind: 'answered'; playerId: string; name: string; question: number }
  /** `voided`: the question that just closed (phase "reveal") was skipped by the host. */
  | { kind: 'phase'; phase: GameState['phase']; question: number; voided: boolean }
  /** A game ended: its report, built in the server from the engine's record (plain data). */
  | { kind: 'game_over'; report: GameReport }
  | { kind: 'rejected'; address: string; code: ErrorCode; message: string }
  /** A burst of wrong PINs: `count` from `addresses` addresses within `windowMs` (the host is told too). */
  | { kind: 'pin_failures'; count: number; addresses: number; windowMs: number };

export type { HealthInfo };

/** The answer of GET /health (its schema, for readers on the network: shared/protocol/health-schema.ts). */
export function healthOf(state: GameState, roomName: string, pin: string | null): HealthInfo {
  return {
    room: roomName,
    state: statusOf(state.phase),
    players: state.players.size,
    protocol: PROTOCOL_VERSION,
    pinRequired: !!pin,
  };
}

/** What a step's events need to know of the state before it (a kicked player is gone after). */
export interface BeforeStep {
  phase: GameState['phase'];
  kickedName: string | undefined;
}

export function beforeStep(state: GameState, input: Input): BeforeStep {
  const kicked =
    input.kind === 'host' && input.command.type === 'kick'
      ? seatOf(state, input.command.playerId)
      : undefined;
  return { phase: state.phase, kickedName: kicked?.name };
}

/** Emits the events of one step: `input` took the game from `before` to `state`. */
export function reportStep(
  input: Input,
  before: BeforeStep,
  state: GameState,
  emit: (event: ServerEvent) => void,
): void {
  if (input.kind === 'connected' || input.kind === 'disconnected') {
    const name = seatOf(state, input.playerId)?.name ?? input.playerId;
    emit({ kind: input.kind, playerId: input.playerId, name });
  } else if (input.kind === 'answer') {
    const p = state.players.get(input.playerId);
    if (p?.pending || p?.answers[quizIndexAt(state, input.question)])
      emit({ kind: 'answered', playerId: p.id, name: p.name, question: input.question });
  } else if (input.kind === 'host' && input.command.type === 'kick' && before.kickedName !== undefined) {
    emit({ kind: 'kicked', playerId: input.command.playerId, name: before.kickedName });
  }
  if (state.phase !== before.phase)
    emit({
      kind: 'phase',
      phase: state.phase,
      question: state.questionIndex,
      voided: state.phase === 'reveal' && !!state.round?.voided,
    });
}
