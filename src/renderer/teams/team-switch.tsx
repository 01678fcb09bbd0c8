/** The host's control on a player's chip in the lobby: which team the player is in. */
import type { PlayerSummary } from '../../shared/protocol';
import { useApi } from '../api/api-context';
import { useT } from '../i18n';
import { teamName } from './team-name';
import './teams.css';

export function TeamSwitch({ player, count }: { player: PlayerSummary; count: number }) {
  const api = useApi();
  const t = useT();
  const team = player.team ?? 0;
  return (
    <select
      className={`team-switch team--${team}`}
      aria-label={t('teams.teamOf', { name: player.name })}
      value={team}
      onChange={(e) => api.setTeam(player.id, Number(e.target.value))}
    >
      {Array.from({ length: count }, (_, i) => (
        <option key={i} value={i}>
          {teamName(t, i)}
        </option>
      ))}
    </select>
  );
}
