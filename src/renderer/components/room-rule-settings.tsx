/**
 * The room's rules for a classroom, as switches and choices: names (the swear-word filter,
 * generated names only), scoring and question order. One list that the host setup screen and
 * the lobby's settings panel both show, so that a rule added here appears in both.
 */
import type { GameSettings, SettingsPatch } from '../../shared/protocol';

type ToggleKey = 'profanityFilter' | 'generatedNamesOnly';

const TOGGLES: { key: ToggleKey; label: string; hint: string }[] = [
  {
    key: 'profanityFilter',
    label: 'Block rude nicknames',
    hint: 'Refuses names with swear words in English, Spanish, German, French and more.',
  },
  {
    key: 'generatedNamesOnly',
    label: 'Generated names only',
    hint: 'Players take a name such as “Brave Otter” instead of typing one.',
  },
];

export function RoomRuleSettings({
  settings,
  onChange,
}: {
  settings: GameSettings;
  onChange: (patch: SettingsPatch) => void;
}) {
  return (
    <>
      {TOGGLES.map(({ key, label, hint }) => (
        <label className="toggle" key={key}>
          <input
            type="checkbox"
            name={key}
            checked={settings[key]}
            onChange={(e) => onChange({ [key]: e.target.checked })}
          />
          <span>
            <strong>{label}</strong>
            <span className="toggle__hint">{hint}</span>
          </span>
        </label>
      ))}
    </>
  );
}
