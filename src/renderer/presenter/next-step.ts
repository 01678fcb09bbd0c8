/**
 * What "next" means in each phase, for the host's main button and the presenter keys: start the
 * game from the lobby, cut the countdown short, close the question now (answers so far are
 * scored: the protocol's `next`, not `skip`), then leaderboard, next question, final results.
 */
import type { ClientView } from '../../shared/client/client-view';

export interface NextStep {
  /** The button's words. */
  label: string;
  command: 'start' | 'next';
}

export function nextStep(game: ClientView): NextStep | null {
  switch (game.phase) {
    case 'lobby':
      return game.players.length > 0 ? { label: 'Start game', command: 'start' } : null;
    case 'countdown':
      return { label: 'Start now', command: 'next' };
    case 'question':
      return { label: 'Show answer now', command: 'next' };
    case 'reveal': {
      const q = game.question;
      const last = !!q && q.index + 1 >= q.count;
      return { label: last ? 'Show final results' : 'Show leaderboard', command: 'next' };
    }
    case 'leaderboard':
      return { label: 'Next question', command: 'next' };
    case 'finished':
      return null;
  }
}

/** End is possible while a game runs (not in the lobby, not once finished). */
export function canEnd(game: ClientView): boolean {
  return game.phase !== 'lobby' && game.phase !== 'finished';
}
