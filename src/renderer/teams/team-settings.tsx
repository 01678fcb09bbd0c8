/**
 * The room's team settings (host setup and the lobby's settings panel): no teams, teams on
 * everyone's own device (how many, whether players pick), or one device per team; and team talk,
 * seconds to talk it over before each question's answers open.
 */
import type { GameSettings, SettingsPatch, TeamMode } from '../../shared/protocol';
import { SETTING_LIMITS, TEAM_MODES } from '../../shared/protocol';
import { useIntl } from 'react-intl';
import { useT, type MessageId } from '../i18n';

const MODES: Record<TeamMode, { label: MessageId; hint: MessageId }> = {
  off: { label: 'teams.modeOff', hint: 'teams.modeOffHint' },
  teams: { label: 'teams.modeTeams', hint: 'teams.modeTeamsHint' },
  shared: { label: 'teams.modeShared', hint: 'teams.modeSharedHint' },
};

const TALKS = [0, 5, 10, 15, 20, 30];
const { min: MIN_TEAMS, max: MAX_TEAMS } = SETTING_LIMITS.teamCount;

export function TeamSettings({
  settings,
  onChange,
}: {
  settings: GameSettings;
  onChange: (patch: SettingsPatch) => void;
}) {
  const t = useT();
  const intl = useIntl();
  const talks = TALKS.includes(settings.teamTalkSeconds)
    ? TALKS
    : [...TALKS, settings.teamTalkSeconds].sort((a, b) => a - b);
  const teams = settings.teamMode === 'teams';
  return (
    <>
      <div className="field field--inline">
        <label htmlFor="setting-teamMode" className="field__label">
          {t('teams.mode')}
        </label>
        <select
          id="setting-teamMode"
          value={settings.teamMode}
          aria-describedby="setting-teamMode-hint"
          onChange={(e) => onChange({ teamMode: e.target.value as TeamMode })}
        >
          {TEAM_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(MODES[mode].label)}
            </option>
          ))}
        </select>
        <p id="setting-teamMode-hint" className="field__hint">
          {t(MODES[settings.teamMode].hint)}
        </p>
      </div>
      {teams ? (
        <>
          <div className="field field--inline">
            <label htmlFor="setting-teamCount" className="field__label">
              {t('teams.count')}
            </label>
            <select
              id="setting-teamCount"
              value={settings.teamCount}
              onChange={(e) => onChange({ teamCount: Number(e.target.value) })}
            >
              {Array.from({ length: MAX_TEAMS - MIN_TEAMS + 1 }, (_, i) => MIN_TEAMS + i).map((n) => (
                <option key={n} value={n}>
                  {intl.formatNumber(n)}
                </option>
              ))}
            </select>
          </div>
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
        <div className="field field--inline">
          <label htmlFor="setting-teamTalkSeconds" className="field__label">
            {t('teams.talk')}
          </label>
          <select
            id="setting-teamTalkSeconds"
            value={settings.teamTalkSeconds}
            onChange={(e) => onChange({ teamTalkSeconds: Number(e.target.value) })}
          >
            {talks.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t('teams.talkNone') : t('teams.talkSeconds', { seconds: s })}
              </option>
            ))}
          </select>
        </div>
      ) : null}
    </>
  );
}
