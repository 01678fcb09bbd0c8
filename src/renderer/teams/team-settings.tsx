/**
 * The room's team settings (host setup and the lobby's settings panel): no teams, teams on
 * everyone's own device (how many, whether players pick), or one device per team; and team talk,
 * seconds to talk it over before each question's answers open.
 */
import type { TeamMode } from '../../shared/protocol';
import { SETTING_LIMITS, TEAM_MODES } from '../../shared/protocol';
import { useIntl } from 'react-intl';
import type { SettingsPartProps } from '../components/settings-part';
import { SelectField, withCurrent } from '../components/select-field';
import { useT, type MessageId } from '../i18n';

const MODES: Record<TeamMode, { label: MessageId; hint: MessageId }> = {
  off: { label: 'teams.modeOff', hint: 'teams.modeOffHint' },
  teams: { label: 'teams.modeTeams', hint: 'teams.modeTeamsHint' },
  shared: { label: 'teams.modeShared', hint: 'teams.modeSharedHint' },
};

const TALKS = [0, 5, 10, 15, 20, 30];
const { min: MIN_TEAMS, max: MAX_TEAMS } = SETTING_LIMITS.teamCount;

export function TeamSettings({ settings, onChange }: SettingsPartProps) {
  const t = useT();
  const intl = useIntl();
  const talks = withCurrent(TALKS, settings.teamTalkSeconds);
  const teams = settings.teamMode === 'teams';
  return (
    <>
      <SelectField
        id="setting-teamMode"
        label={t('teams.mode')}
        value={settings.teamMode}
        options={TEAM_MODES.map((mode) => ({ value: mode, label: t(MODES[mode].label) }))}
        hint={t(MODES[settings.teamMode].hint)}
        onChange={(teamMode) => onChange({ teamMode })}
      />
      {teams ? (
        <>
          <SelectField
            id="setting-teamCount"
            label={t('teams.count')}
            value={settings.teamCount}
            options={Array.from({ length: MAX_TEAMS - MIN_TEAMS + 1 }, (_, i) => ({
              value: MIN_TEAMS + i,
              label: intl.formatNumber(MIN_TEAMS + i),
            }))}
            onChange={(teamCount) => onChange({ teamCount })}
          />
          <label className="toggle">
            <input
              type="checkbox"
              name="teamPick"
              checked={settings.teamPick}
              onChange={(e) => onChange({ teamPick: e.target.checked })}
            />
            <span>
              <strong>{t('teams.pick')}</strong>
              <span className="toggle__hint">{t('teams.pickHint')}</span>
            </span>
          </label>
        </>
      ) : null}
      {settings.teamMode !== 'off' ? (
        <SelectField
          id="setting-teamTalkSeconds"
          label={t('teams.talk')}
          value={settings.teamTalkSeconds}
          options={talks.map((s) => ({
            value: s,
            label: s === 0 ? t('teams.talkNone') : t('teams.talkSeconds', { seconds: s }),
          }))}
          onChange={(teamTalkSeconds) => onChange({ teamTalkSeconds })}
        />
      ) : null}
    </>
  );
}
