/**
 * The shapes of LAN discovery: what a host announces, what a browser lists, and the two small
 * interfaces (Announcer, Discovery) that the app, the UI and the tests code against.
 */
import type { GameStatus } from '../../shared/protocol/server-messages';

export type { GameStatus };
export { GAME_STATUSES } from '../../shared/protocol/health';

/** What a host tells the network about its room (carried in the DNS-SD TXT record). */
export interface RoomAnnouncement {
  roomName: string;
  hostName: string;
  port: number;
  protocol: number;
  players: number;
  status: GameStatus;
  pinRequired: boolean;
}

/** A room as a browser lists it. */
export interface DiscoveredRoom {
  /** The DNS-SD instance name (fully qualified); stable while the host keeps announcing. */
  id: string;
  name: string;
  host: string;
  /** IPv4 first; the address the /health check succeeded on comes first of all. */
  addresses: string[];
  port: number;
  protocol: number;
  players: number;
  status: GameStatus;
  pinRequired: boolean;
  /** When an mDNS answer for this room last arrived (ms, from the injected clock). */
  lastSeen: number;
  /** True once GET /health on one of the announced addresses answered well. */
  joinable: boolean;
}

export interface Discovery {
  start(): void;
  stop(): Promise<void>;
  /** Query the network now (a Refresh button) and re-check rooms that are not joinable. */
  refresh(): void;
  rooms(): DiscoveredRoom[];
  /** Called with the whole list on every change; returns an unsubscribe function. */
  subscribe(listener: (rooms: DiscoveredRoom[]) => void): () => void;
}

export interface Announcer {
  /** Merge a change; the TXT record is re-announced at most once per update interval. */
  update(change: Partial<RoomAnnouncement>): void;
  /** Send goodbyes (unpublishAll) then close the sockets; resolves within a bounded time. */
  stop(): Promise<void>;
}

/** Where discovery reports problems that must not crash the host (bad packets, socket errors). */
export type DiscoveryLog = (line: string) => void;

export const consoleLog: DiscoveryLog = (line) => console.warn(`[discovery] ${line}`);

/** `error` as one line for a log. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
