/**
 * The host's game settings, changed while the room waits. A change is sent when a field holds a
 * valid value; the host's answer (the settings message) is what the fields then show.
 */
import { useState } from 'react';
import type { GameSettings, SettingsPatch } from '../../shared/protocol';
import { useApi } from '../api/api-context';
import { useT, type MessageId } from '../i18n';
import { RoomRuleSettings } from './room-rule-settings';

type NumberKey =
  | 'minPlayers'
  | 'questionSeconds'
  | 'countdownSeconds'
  | 'revealSeconds'
  | 'leaderboardSeconds'
  | 'maxPlayersPerAddress';

const NUMBER_FIELDS: { key: NumberKey; label: MessageId; min: number; max: number; hint?: MessageId }[] = [
  { key: 'minPlayers', label: 'settings.minPlayers', min: 0, max: 10_000, hint: 'settings.minPlayersHint' },
  { key: 'questionSeconds', label: 'settings.questionSeconds', min: 5, max: 240 },
  { key: 'countdownSeconds', label: 'settings.countdownSeconds', min: 0, max: 30 },
  { key: 'revealSeconds', label: 'settings.revealSeconds', min: 1, max: 120 },
  { key: 'leaderboardSeconds', label: 'settings.leaderboardSeconds', min: 1, max: 120 },
  {
    key: 'maxPlayersPerAddress',
    label: 'settings.maxPerAddress',
    min: 1,
    max: 10_000,
    hint: 'settings.maxPerAddressHint',
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
  const t = useT();
  // The text being typed; null shows the host's value.
  const [draft, setDraft] = useState<string | null>(null);
  const id = `setting-${field.key}`;
  const text = draft ?? String(value);
  const n = Number(text);
  const valid = /^\d+$/.test(text) && n >= field.min && n <= field.max;
  return (
    <div className={`field field--inline${valid ? '' : ' has-error'}`}>
      <label htmlFor={id} className="field__label">
        {t(field.label)}
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
          ? field.hint
            ? t(field.hint)
            : t('settings.range', { min: field.min, max: field.max })
          : t('settings.wholeNumber', { min: field.min, max: field.max })}
      </p>
    </div>
  );
}

export function SettingsPanel({ settings }: { settings: GameSettings }) {
  const api = useApi();
  const t = useT();
  const change = (patch: SettingsPatch) => api.updateSettings(patch);
  return (
    <details className="settings-panel">
      <summary>{t('settings.gameSettings')}</summary>
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
            <strong>{t('settings.autoAdvance')}</strong>
            <span className="toggle__hint">{t('settings.autoAdvanceHint')}</span>
          </span>
        </label>
        <label className="toggle">
          <input
            type="checkbox"
            checked={settings.lateJoin}
            onChange={(e) => change({ lateJoin: e.target.checked })}
          />
          <span>
            <strong>{t('settings.lateJoin')}</strong>
            <span className="toggle__hint">{t('settings.lateJoinHint')}</span>
          </span>
        </label>
        <RoomRuleSettings settings={settings} onChange={change} />
      </div>
    </details>
  );
}
