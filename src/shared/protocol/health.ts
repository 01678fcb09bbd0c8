/**
 * What a host answers at GET /health: the room's name and state, how many players it has, the
 * protocol it speaks and whether it wants a PIN. Browsers ask before listing a room as joinable,
 * the desktop app before connecting to an address. Types and constants only; the schema that
 * checks an answer from the network is in health-schema.ts.
 */
import type { GameStatus } from './server-messages';

export const GAME_STATUSES = ['NOT_STARTED', 'STARTED', 'FINISHED'] as const satisfies readonly GameStatus[];

export interface HealthInfo {
  room: string;
  state: GameStatus;
  players: number;
  protocol: number;
  pinRequired: boolean;
}
