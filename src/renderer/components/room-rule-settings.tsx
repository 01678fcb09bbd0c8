/**
 * The room's rules for a classroom, as switches and choices: names (the swear-word filter,
 * generated names only), scoring and question order. One list that the host setup screen and
 * the lobby's settings panel both show, so that a rule added here appears in both.
 */
import type { GameSettings, SettingsPatch } from '../../shared/protocol';
import { SCORING_MODES, type ScoringMode } from '../../shared/protocol/setting-limits';

type ToggleKey = 'profanityFilter' | 'generatedNamesOnly' | 'streakBonus' | 'shuffleQuestions';

const TOGGLES: { key: ToggleKey; label: string; hint: string }[] = [
  {
    key: 'profanityFilter',
    label: 'Refuse rude names',
    hint: 'Refuses names with swear words in English, Spanish, German, French and more.',
  },
  {
    key: 'generatedNamesOnly',
    label: 'Generated names only',
    hint: 'Players take a name such as “Brave Otter” instead of typing one.',
  },
  {
    key: 'streakBonus',
    label: 'Streak bonus',
    hint: 'Right answers in a row earn up to 500 extra points.',
  },
  {
    key: 'shuffleQuestions',
    label: 'Shuffle questions',
    hint: 'Each game asks the questions in a new order.',
  },
];

const MODES: Record<ScoringMode, { label: string; hint: string }> = {
  speed: { label: 'Speed and accuracy', hint: 'Faster right answers score more.' },
  accuracy: { label: 'Accuracy only', hint: 'A right answer scores in full, however long it took.' },
  survey: { label: 'Survey', hint: 'Nothing is scored.' },
};

const PENALTIES = [0, 10, 25, 50, 100];

export function RoomRuleSettings({
  settings,
  onChange,
}: {
  settings: GameSettings;
  onChange: (patch: SettingsPatch) => void;
}) {
  const penalties = PENALTIES.includes(settings.wrongAnswerPenalty)
    ? PENALTIES
    : [...PENALTIES, settings.wrongAnswerPenalty].sort((a, b) => a - b);
  return (
    <>
      <div className="field field--inline">
        <label htmlFor="setting-scoringMode" className="field__label">
          Scoring
        </label>
        <select
          id="setting-scoringMode"
          value={settings.scoringMode}
          aria-describedby="setting-scoringMode-hint"
          onChange={(e) => onChange({ scoringMode: e.target.value as ScoringMode })}
        >
          {SCORING_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {MODES[mode].label}
            </option>
          ))}
        </select>
        <p id="setting-scoringMode-hint" className="field__hint">
          {MODES[settings.scoringMode].hint}
        </p>
      </div>
      <div className="field field--inline">
        <label htmlFor="setting-wrongAnswerPenalty" className="field__label">
          Wrong answers lose
        </label>
        <select
          id="setting-wrongAnswerPenalty"
          value={settings.wrongAnswerPenalty}
          disabled={settings.scoringMode === 'survey'}
          onChange={(e) => onChange({ wrongAnswerPenalty: Number(e.target.value) })}
        >
          {penalties.map((p) => (
            <option key={p} value={p}>
              {p === 0 ? 'Nothing' : `${p}% of the points`}
            </option>
          ))}
        </select>
      </div>
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
