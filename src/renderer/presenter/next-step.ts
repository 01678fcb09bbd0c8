/**
 * What "next" means in each phase, for the host's main button and the presenter keys: start the
 * game from the lobby, cut the countdown short, close the question now (answers so far are
 * scored: the protocol's `next`, not `skip`), then leaderboard, next question, final results.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { MessageId } from '../i18n/catalog';

export interface NextStep {
  /** The button's words, from the catalog. */
  label: MessageId;
  command: 'start' | 'next';
}

export function nextStep(game: ClientView): NextStep | null {
  switch (game.phase) {
    case 'lobby':
      return game.players.length > 0 ? { label: 'host.startGame', command: 'start' } : null;
    case 'countdown':
      return { label: 'host.startNow', command: 'next' };
    case 'question':
      return { label: 'host.showAnswer', command: 'next' };
    case 'reveal': {
      const q = game.question;
      const last = !!q && q.index + 1 >= q.count;
      return { label: last ? 'host.showFinal' : 'host.showLeaderboard', command: 'next' };
    }
    case 'leaderboard':
      return { label: 'host.nextQuestion', command: 'next' };
    case 'finished':
      return null;
  }
}

/** End is possible while a game runs (not in the lobby, not once finished). */
export function canEnd(game: ClientView): boolean {
  return game.phase !== 'lobby' && game.phase !== 'finished';
}
