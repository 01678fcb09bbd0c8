/**
 * The class list in the host's lobby: under each player's chip who they are (their class-list
 * name or identifier), with Release where a pupil picked someone else's name; and how many on the
 * class list are here, with the names of those not here yet.
 */
import type { ClientView } from '../../shared/client/client-view';
import type { PlayerSummary } from '../../shared/protocol';
import { useApi } from '../api/api-context';
import { useT } from '../i18n';
import './roster-lobby.css';

export function PlayerIdentity({ player, roster }: { player: PlayerSummary; roster: boolean }) {
  const api = useApi();
  const t = useT();
  if (!player.identity) return null;
  return (
    <span className="player-identity">
      <span className="player-identity__text">{t('roster.identityOf', { identity: player.identity })}</span>
      {roster ? (
        <button
          type="button"
          className="player-identity__release"
          aria-label={t('roster.releaseName', { identity: player.identity, name: player.name })}
          onClick={() => api.releaseIdentity(player.id)}
        >
          {t('roster.release')}
        </button>
      ) : null}
    </span>
  );
}

export function RosterPresence({ game }: { game: ClientView }) {
  const t = useT();
  if (game.settings.identity !== 'roster' || game.settings.roster.length === 0) return null;
  const claimed = new Set(game.players.flatMap((p) => (p.identity ? [p.identity] : [])));
  const missing = game.settings.roster.filter((e) => !claimed.has(e.name)).map((e) => e.name);
  const total = game.settings.roster.length;
  return (
    <details className="roster-presence">
      <summary>{t('roster.here', { here: total - missing.length, total })}</summary>
      {missing.length > 0 ? (
        <>
          <p className="roster-presence__title">{t('roster.missing')}</p>
          <ul className="roster-presence__names">
            {missing.map((name) => (
              <li key={name}>
                <bdi>{name}</bdi>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </details>
  );
}
