/**
 * The host's sound controls: mute (also the M key), volume, and "Sound on" while the browser still
 * holds the audio back (before the first click or key press on this page).
 */
import { useT } from '../i18n';
import type { SoundEngine } from './sound-engine';

export function SoundControls({ engine }: { engine: SoundEngine }) {
  const t = useT();
  const status = engine.status;
  if (status === 'unavailable') return null;
  const { muted, volume } = engine.settings;
  return (
    <div className="sound-controls">
      {status === 'suspended' && !muted ? (
        <button type="button" className="btn btn--primary btn--small" onClick={() => engine.unlock()}>
          <SpeakerIcon muted={false} /> {t('host.soundOn')}
        </button>
      ) : null}
      <button
        type="button"
        className="icon-button"
        aria-label={t('host.mute')}
        aria-pressed={muted}
        aria-keyshortcuts="M"
        title={muted ? t('host.soundOffKey') : t('host.muteKey')}
        onClick={() => engine.update({ muted: !muted })}
      >
        <SpeakerIcon muted={muted} />
      </button>
      <input
        type="range"
        className="sound-controls__volume"
        aria-label={t('host.volume')}
        min={0}
        max={100}
        step={5}
        value={Math.round(volume * 100)}
        onChange={(e) => engine.update({ volume: Number(e.target.value) / 100, muted: false })}
      />
    </div>
  );
}

function SpeakerIcon({ muted }: { muted: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {muted ? (
        <path d="M16 9l5 6M21 9l-5 6" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" />
      ) : (
        <path
          d="M16 8.5a5 5 0 0 1 0 7M18.5 6a8.5 8.5 0 0 1 0 12"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      )}
    </svg>
  );
}
