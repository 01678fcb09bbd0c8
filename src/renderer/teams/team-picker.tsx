/**
 * A player's team in the lobby: where the host lets players pick, one big button per team with
 * how many are in it (the player's own pressed); otherwise just the team they play for.
 */
import type { ClientView } from '../../shared/client/client-view';
import { useApi } from '../api/api-context';
import { Message, bold, useT } from '../i18n';
import { teamName } from './team-name';
import './teams.css';

export function TeamPicker({ game, team }: { game: ClientView; team: number | undefined }) {
  const api = useApi();
  const t = useT();
  if (game.settings.teamMode !== 'teams') return null;
  const own =
    team === undefined ? null : (
      <p className="team-picker__own">
        <Message id="teams.yourTeam" values={{ team: teamName(t, team), b: bold }} />
      </p>
    );
  if (!game.settings.teamPick) return own;
  const count = game.settings.teamCount;
  return (
    <fieldset className="team-picker">
      <legend>{t('teams.pickTitle')}</legend>
      <div className="team-picker__grid">
        {Array.from({ length: count }, (_, i) => (
          <button
            key={i}
            type="button"
            className={`team-picker__team team--${i}`}
            aria-pressed={team === i}
            onClick={() => api.pickTeam(i)}
          >
            <span className="team-picker__name">{teamName(t, i)}</span>
            <span className="team-picker__members">
              {t('teams.members', { count: game.teamSizes[i] ?? 0 })}
            </span>
          </button>
        ))}
      </div>
      {own}
    </fieldset>
  );
}
