/**
 * The room's rules for a classroom, as switches and choices: names (the swear-word filter,
 * generated names only), scoring, question order, teams and who is who (a class list). One list
 * that the host setup screen and the lobby's settings panel both show, so that a rule added here
 * appears in both.
 */
import { SCORING_MODES, type ScoringMode } from '../../shared/protocol/setting-limits';
import { useIntl } from 'react-intl';
import type { SettingsPartProps } from './settings-part';
import { useT, type MessageId } from '../i18n';
import { RosterSettings } from '../roster/roster-settings';
import { TeamSettings } from '../teams/team-settings';
import { SelectField, withCurrent } from './select-field';

type ToggleKey =
  'profanityFilter' | 'generatedNamesOnly' | 'streakBonus' | 'shuffleQuestions' | 'runningTotals';

const TOGGLES: { key: ToggleKey; label: MessageId; hint: MessageId }[] = [
  { key: 'profanityFilter', label: 'settings.profanity', hint: 'settings.profanityHint' },
  { key: 'generatedNamesOnly', label: 'settings.generated', hint: 'settings.generatedHint' },
  { key: 'streakBonus', label: 'settings.streak', hint: 'settings.streakHint' },
  { key: 'shuffleQuestions', label: 'settings.shuffle', hint: 'settings.shuffleHint' },
  { key: 'runningTotals', label: 'settings.runningTotals', hint: 'settings.runningTotalsHint' },
];

const MODES: Record<ScoringMode, { label: MessageId; hint: MessageId }> = {
  speed: { label: 'settings.modeSpeed', hint: 'settings.modeSpeedHint' },
  accuracy: { label: 'settings.modeAccuracy', hint: 'settings.modeAccuracyHint' },
  survey: { label: 'settings.modeSurvey', hint: 'settings.modeSurveyHint' },
};

const PENALTIES = [0, 10, 25, 50, 100];

export function RoomRuleSettings({ settings, onChange }: SettingsPartProps) {
  const t = useT();
  const intl = useIntl();
  const penalties = withCurrent(PENALTIES, settings.wrongAnswerPenalty);
  return (
    <>
      <SelectField
        id="setting-scoringMode"
        label={t('settings.scoring')}
        value={settings.scoringMode}
        options={SCORING_MODES.map((mode) => ({ value: mode, label: t(MODES[mode].label) }))}
        hint={t(MODES[settings.scoringMode].hint)}
        onChange={(scoringMode) => onChange({ scoringMode })}
      />
      <SelectField
        id="setting-wrongAnswerPenalty"
        label={t('settings.penalty')}
        value={settings.wrongAnswerPenalty}
        disabled={settings.scoringMode === 'survey'}
        options={penalties.map((p) => ({
          value: p,
          label:
            p === 0
              ? t('settings.penaltyNone')
              : t('settings.penaltyShare', { share: intl.formatNumber(p / 100, { style: 'percent' }) }),
        }))}
        onChange={(wrongAnswerPenalty) => onChange({ wrongAnswerPenalty })}
      />
      {TOGGLES.map(({ key, label, hint }) => (
        <label className="toggle" key={key}>
          <input
            type="checkbox"
            name={key}
            checked={settings[key]}
            onChange={(e) => onChange({ [key]: e.target.checked })}
          />
          <span>
            <strong>{t(label)}</strong>
            <span className="toggle__hint">{t(hint)}</span>
          </span>
        </label>
      ))}
      <TeamSettings settings={settings} onChange={onChange} />
      <RosterSettings settings={settings} onChange={onChange} />
    </>
  );
}
