/**
 * Keeps the LAN announcement of a running competition server up to date: player count and state
 * changes are passed on (the announcer debounces them), and stop() withdraws the room. Used by
 * the headless host and the desktop app alike.
 */
import { hostname } from 'node:os';
import { PROTOCOL_VERSION } from '../../shared/protocol';
import type { HealthInfo, ServerEvent } from '../server/quiz-server';
import { startAnnouncer } from './announcer';
import type { Announcer, DiscoveryLog } from './room-info';

/** The part of QuizServer this needs. */
export interface AnnouncedServer {
  readonly port: number;
  health(): HealthInfo;
  readonly events: { on(event: 'event', listener: (e: ServerEvent) => void): unknown };
}

export function announceServer(server: AnnouncedServer, roomName: string, log?: DiscoveryLog): Announcer {
  const health = server.health();
  const announcer = startAnnouncer(
    {
      roomName,
      hostName: hostname(),
      port: server.port,
      protocol: PROTOCOL_VERSION,
      players: health.players,
      status: health.state,
      pinRequired: health.pinRequired,
    },
    log ? { log } : {},
  );
  server.events.on('event', (event) => {
    if (event.kind === 'joined' || event.kind === 'kicked' || event.kind === 'phase') {
      const h = server.health();
      announcer.update({ players: h.players, status: h.state });
    }
  });
  return announcer;
}
