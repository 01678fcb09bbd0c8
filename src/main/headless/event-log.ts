/** Readable log lines for the headless host's console. */
import type { ServerEvent } from '../server/quiz-server';

export function describeEvent(event: ServerEvent): string | null {
  switch (event.kind) {
    case 'joined':
      return `+ ${event.name}${event.identity !== undefined ? ` (${event.identity})` : ''} joined`;
    case 'connected':
      return `  ${event.name} is back`;
    case 'disconnected':
      return `  ${event.name} lost connection (keeps their place)`;
    case 'kicked':
      return `- ${event.name} was removed by the host`;
    case 'answered':
      return null;
    case 'phase':
      switch (event.phase) {
        case 'countdown':
          return 'Game starting...';
        case 'question':
          return `Question ${event.question + 1} is open`;
        case 'reveal':
          return `Question ${event.question + 1} closed`;
        case 'lobby':
          return 'New game: waiting for players';
        default:
          return null;
      }
    case 'game_over': {
      const rows = event.report.players.slice(0, 10);
      const lines = rows.map(
        (p) =>
          `  ${String(p.rank).padStart(3)}. ${p.name}${p.identity !== undefined ? ` (${p.identity})` : ''}  ${p.score}`,
      );
      return ['Game over. Leaderboard:', ...lines].join('\n');
    }
    case 'rejected':
      return `  refused a connection from ${event.address}: ${event.message}`;
    case 'pin_failures':
      return `! ${event.count} wrong PINs in the last ${Math.round(event.windowMs / 1000)} s from ${event.addresses} address${event.addresses === 1 ? '' : 'es'}: someone may be guessing the PIN`;
  }
}
