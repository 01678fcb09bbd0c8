/**
 * The host's control bar, fixed at the bottom of the projector whatever the phase: what is
 * happening (answers in, and who: a grid of ticks on request), the next step (also Space, → or a clicker's Page Down; in a question
 * "Show answer now"), Pause or Resume of the question's timer (P), Skip and End,
 * then sound, full screen and the keys. The stage above it never scrolls, so the way forward is
 * always on screen. Only the host's screen loads this (and the sound that comes with it).
 */
import { useCallback, useState } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { AppState } from '../../shared/api/quiz-api';
import { desktopOf, useApi } from '../api/api-context';
import { EndGameButton } from '../components/end-game-button';
import { MediaWaitStatus } from '../media/media-wait-status';
import { SoundControls } from '../sound/sound-controls';
import { LanguageSwitch } from '../components/language-switch';
import { useHostSound } from '../sound/use-host-sound';
import { AnsweredTicks } from './answered-ticks';
import { FinalActions } from './final-actions';
import { KeysHelp } from './keys-help';
import { RemoteDialog } from './remote-dialog';
import { canEnd, nextStep } from './next-step';
import { useConfirmStep } from '../components/use-confirm-step';
import { useFullscreen } from './use-fullscreen';
import { usePresenterKeys } from './use-presenter-keys';
import { Message, useT } from '../i18n';
import './host-bar.css';

export function HostBar({ state, game }: { state: AppState; game: ClientView }) {
  const api = useApi();
  const t = useT();
  const sound = useHostSound(game, state.clockOffset);
  const fullscreen = useFullscreen();
  const end = useConfirmStep(useCallback(() => api.end(), [api]));
  const [help, setHelp] = useState(false);
  const [ticks, setTicks] = useState(false);
  const [remote, setRemote] = useState(false);
  const step = nextStep(game);
  const runNext = step ? () => (step.command === 'start' ? api.start() : api.next()) : null;
  const question = game.phase === 'question';
  const paused = !!game.paused;
  const togglePause = () => api.pause(!paused);
  const endable = canEnd(game);
  // The desktop app's own host screen can show the room on a projector window (never a remote phone).
  const desktop = desktopOf(api, state);
  const projector = desktop?.state.hosting && game.remoteId === null ? desktop : null;
  const toggleProjector = projector ? () => void projector.api.toggleProjector() : null;

  usePresenterKeys({
    next: runNext,
    skip: question ? () => api.skip() : null,
    pause: question ? togglePause : null,
    end: endable ? end.press : null,
    fullscreen: fullscreen.supported ? fullscreen.toggle : null,
    projector: toggleProjector,
    mute: () => sound.update({ muted: !sound.settings.muted }),
    help: () => setHelp((open) => !open),
  });

  return (
    <section className="host-bar" aria-label={t('host.controls')}>
      <div className="host-bar__status">
        {question ? (
          <div className="host-bar__answered">
            <p>
              <Message
                id="host.answered"
                values={{
                  answered: game.answered,
                  count: game.connectedCount,
                  n: (chunks) => <span className="big-number">{chunks}</span>,
                }}
              />
            </p>
            <button
              type="button"
              className="btn btn--ghost btn--small"
              aria-expanded={ticks}
              aria-controls="answered-ticks"
              onClick={() => setTicks((open) => !open)}
            >
              {t('extraTime.whoAnswered')}
            </button>
          </div>
        ) : game.mediaWait ? (
          <MediaWaitStatus wait={game.mediaWait} clockOffset={state.clockOffset} />
        ) : null}
        {question && ticks ? <AnsweredTicks game={game} id="answered-ticks" /> : null}
      </div>
      <div className="host-bar__actions">
        {game.phase === 'finished' ? (
          <FinalActions state={state} game={game} />
        ) : (
          <>
            {/* The lobby has its own Start button, next to the players and the start rule. */}
            {step && runNext && game.phase !== 'lobby' ? (
              <button
                type="button"
                className="btn btn--primary btn--large"
                aria-keyshortcuts="Space ArrowRight PageDown"
                onClick={runNext}
              >
                {t(step.label)}
              </button>
            ) : null}
            {question ? (
              <button
                type="button"
                className="btn btn--secondary"
                aria-keyshortcuts="P"
                onClick={togglePause}
              >
                {paused ? t('host.resumeTimer') : t('host.pauseTimer')}
              </button>
            ) : null}
            {question ? (
              <button
                type="button"
                className="btn btn--secondary"
                aria-keyshortcuts="S"
                onClick={() => api.skip()}
              >
                {t('host.skipQuestion')}
              </button>
            ) : null}
            {endable ? <EndGameButton asking={end.asking} onPress={end.press} /> : null}
          </>
        )}
      </div>
      <div className="host-bar__tools">
        {/* Only the host's own screen hands its controls to a phone. */}
        {game.remoteId === null ? (
          <button
            type="button"
            className="icon-button"
            aria-label={t('remote.open')}
            title={t('remote.open')}
            aria-haspopup="dialog"
            onClick={() => setRemote(true)}
          >
            <PhoneIcon />
          </button>
        ) : null}
        {toggleProjector ? (
          <button
            type="button"
            className="icon-button"
            aria-label={t('host.openProjector')}
            aria-keyshortcuts="W"
            aria-pressed={!!projector?.state.hosting?.projector}
            title={t('host.projectorHint')}
            onClick={toggleProjector}
          >
            <ProjectorIcon />
          </button>
        ) : null}
        <SoundControls engine={sound} />
        <LanguageSwitch id="host-bar-language" compact />
        {fullscreen.supported ? (
          <button
            type="button"
            className="icon-button"
            aria-label={fullscreen.active ? t('host.exitFullScreen') : t('host.fullScreen')}
            aria-keyshortcuts="F"
            title={fullscreen.active ? t('host.exitFullScreenKey') : t('host.fullScreenKey')}
            onClick={fullscreen.toggle}
          >
            <FullscreenIcon active={fullscreen.active} />
          </button>
        ) : null}
        <button
          type="button"
          className="icon-button"
          aria-label={t('host.keys')}
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          title={t('host.keysKey')}
          onClick={() => setHelp(true)}
        >
          <span aria-hidden="true">?</span>
        </button>
      </div>
      <KeysHelp open={help} onClose={() => setHelp(false)} without={toggleProjector ? [] : ['projector']} />
      {remote ? (
        <RemoteDialog
          open={remote}
          onClose={() => setRemote(false)}
          game={game}
          clockOffset={state.clockOffset}
        />
      ) : null}
    </section>
  );
}

function FullscreenIcon({ active }: { active: boolean }) {
  const d = active ? 'M9 4v5H4M15 4v5h5M9 20v-5H4M15 20v-5h5' : 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5';
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

/** A phone: the host's controls handed to one. */
function PhoneIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="7" y="2.5" width="10" height="19" rx="2" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path d="M11 18h2" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}

/** A second screen on a stand: the projector window. */
function ProjectorIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <rect x="3" y="4" width="18" height="12" rx="1.5" fill="none" stroke="currentColor" strokeWidth="2.2" />
      <path d="M12 16v4M8 20h8" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
    </svg>
  );
}
