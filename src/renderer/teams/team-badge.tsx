/** A team as the screens show it: its colour as a dot, and its name. */
import { useT } from '../i18n';
import { teamName } from './team-name';
import './teams.css';

export function TeamBadge({ team, short = false }: { team: number; short?: boolean }) {
  const t = useT();
  const name = teamName(t, team);
  return (
    <span className={`team-badge team--${team}`} title={short ? name : undefined}>
      <span className="team-badge__dot" aria-hidden="true" />
      {short ? (
        <span className="visually-hidden">{name}</span>
      ) : (
        <span className="team-badge__name">{name}</span>
      )}
    </span>
  );
}
