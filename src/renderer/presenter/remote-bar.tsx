/**
 * A phone that holds the host's controls (remote controls, see docs/protocol.md): the host bar at
 * phone size, on one screen without scrolling: the current phase, players answered, and the
 * game's steps (next / show answer, pause or resume, skip, end with a second press). Nothing else
 * of the host's: the PIN, kicks, settings and the codes stay on the host's own screen.
 */
import { useCallback } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { EndGameButton } from '../components/end-game-button';
import { useConfirmStep } from '../components/use-confirm-step';
import { Message, useT, type Translate } from '../i18n';
import { canEnd, nextStep } from './next-step';
import './remote-bar.css';

function phaseText(game: ClientView, t: Translate): string {
  const q = game.question;
  switch (game.phase) {
    case 'lobby':
      return t('remote.phaseLobby');
    case 'countdown':
      return t('remote.phaseCountdown');
    case 'question':
      return t('remote.phaseQuestion', { n: (q?.index ?? 0) + 1, count: q?.count ?? 0 });
    case 'reveal':
      return t('remote.phaseReveal', { n: (q?.index ?? 0) + 1 });
    case 'leaderboard':
      return t('remote.phaseLeaderboard');
    case 'finished':
      return t('remote.phaseFinished');
  }
}

export function RemoteBar({ game }: { game: ClientView }) {
  const api = useApi();
  const t = useT();
  const end = useConfirmStep(useCallback(() => api.end(), [api]));
  const step = nextStep(game);
  const question = game.phase === 'question';
  const paused = !!game.paused;
  return (
    <section className="remote-bar" aria-label={t('remote.barLabel')}>
      <header className="remote-bar__status">
        <p className="remote-bar__room">{game.room?.name}</p>
        <p className="remote-bar__phase" data-phase={game.phase}>
          {t('remote.phase', { phase: phaseText(game, t) })}
        </p>
        <p className="remote-bar__count">
          {question ? (
            <Message
              id="host.answered"
              values={{
                answered: game.answered,
                count: game.connectedCount,
                n: (chunks) => <strong>{chunks}</strong>,
              }}
            />
          ) : (
            t('remote.players', { count: game.playerCount })
          )}
        </p>
      </header>
      <div className="remote-bar__actions">
        {step ? (
          <button
            type="button"
            className="btn btn--primary btn--large remote-bar__next"
            onClick={() => (step.command === 'start' ? api.start() : api.next())}
          >
            {t(step.label)}
          </button>
        ) : null}
        {question ? (
          <button type="button" className="btn btn--secondary" onClick={() => api.pause(!paused)}>
            {paused ? t('host.resumeTimer') : t('host.pauseTimer')}
          </button>
        ) : null}
        {question ? (
          <button type="button" className="btn btn--secondary" onClick={() => api.skip()}>
            {t('host.skipQuestion')}
          </button>
        ) : null}
        {canEnd(game) ? <EndGameButton asking={end.asking} onPress={end.press} /> : null}
      </div>
    </section>
  );
}
