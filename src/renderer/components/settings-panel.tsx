/**
 * The host's game settings, changed while the room waits. A change is sent when a field holds a
 * valid value; the host's answer (the settings message) is what the fields then show.
 */
import { useState } from 'react';
import type { GameSettings, SettingsPatch } from '../../shared/protocol';
import { useApi } from '../api/api-context';
import { RoomRuleSettings } from './room-rule-settings';

type NumberKey =
  | 'minPlayers'
  | 'questionSeconds'
  | 'countdownSeconds'
  | 'revealSeconds'
  | 'leaderboardSeconds'
  | 'maxPlayersPerAddress';

const NUMBER_FIELDS: { key: NumberKey; label: string; min: number; max: number; hint?: string }[] = [
  {
    key: 'minPlayers',
    label: 'Players needed to start',
    min: 0,
    max: 10_000,
    hint: '0 = you start the game yourself.',
  },
  { key: 'questionSeconds', label: 'Seconds per question', min: 5, max: 240 },
  { key: 'countdownSeconds', label: 'Countdown before the first question', min: 0, max: 30 },
  { key: 'revealSeconds', label: 'Seconds to show each answer', min: 1, max: 120 },
  { key: 'leaderboardSeconds', label: 'Seconds to show the leaderboard', min: 1, max: 120 },
  {
    key: 'maxPlayersPerAddress',
    label: 'Players from one network address',
    min: 1,
    max: 10_000,
    hint: 'Each phone has its own; raise it when people share a computer.',
  },
];

function NumberSetting({
  field,
  value,
  onChange,
}: {
  field: (typeof NUMBER_FIELDS)[number];
  value: number;
  onChange: (patch: SettingsPatch) => void;
}) {
  // The text being typed; null shows the host's value.
  const [draft, setDraft] = useState<string | null>(null);
  const id = `setting-${field.key}`;
  const text = draft ?? String(value);
  const n = Number(text);
  const valid = /^\d+$/.test(text) && n >= field.min && n <= field.max;
  return (
    <div className={`field field--inline${valid ? '' : ' has-error'}`}>
      <label htmlFor={id} className="field__label">
        {field.label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={field.min}
        max={field.max}
        value={text}
        aria-invalid={!valid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const v = Number(next);
          if (/^\d+$/.test(next) && v >= field.min && v <= field.max && v !== value)
            onChange({ [field.key]: v });
        }}
        onBlur={() => setDraft(null)}
      />
      <p id={`${id}-hint`} className="field__hint">
        {valid
          ? (field.hint ?? `From ${field.min} to ${field.max}.`)
          : `Enter a whole number from ${field.min} to ${field.max}.`}
      </p>
    </div>
  );
}

export function SettingsPanel({ settings }: { settings: GameSettings }) {
  const api = useApi();
  const change = (patch: SettingsPatch) => api.updateSettings(patch);
  return (
    <details className="settings-panel">
      <summary>Game settings</summary>
      <div className="settings-panel__grid">
        {NUMBER_FIELDS.map((f) => (
          <NumberSetting key={f.key} field={f} value={settings[f.key]} onChange={change} />
        ))}
        <label className="toggle">
          <input
            type="checkbox"
            checked={settings.autoAdvance}
            onChange={(e) => change({ autoAdvance: e.target.checked })}
          />
          <span>
            <strong>Move on by itself</strong>
            <span className="toggle__hint">When off, press Next after each answer and leaderboard.</span>
          </span>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={settings.lateJoin}
            onChange={(e) => change({ lateJoin: e.target.checked })}
          />
          <span>
            <strong>Let players join a running game</strong>
            <span className="toggle__hint">Latecomers start with 0 points.</span>
          </span>
        </label>
        <RoomRuleSettings settings={settings} onChange={change} />
      </div>
    </details>
  );
}
