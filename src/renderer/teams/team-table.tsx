/**
 * The teams' table (leaderboard and final screens): place, team, score (the average of its
 * players' scores) and how many play in it, the viewer's team marked. On a phone, where the
 * individual table already fills the screen, `TeamPlace` says only where the player's team stands.
 */
import { useIntl } from 'react-intl';
import type { TeamRow } from '../../shared/protocol';
import { ordinal } from '../components/leader-table';
import { Message, bold, useT } from '../i18n';
import { TeamBadge } from './team-badge';
import { teamName } from './team-name';
import './teams.css';

export function TeamTable({
  rows,
  yourTeam,
  large = false,
}: {
  rows: TeamRow[];
  yourTeam?: number;
  large?: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  return (
    <table className={`team-table${large ? ' team-table--large' : ''}`}>
      <caption className="visually-hidden">{t('teams.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('teams.colRank')}</th>
          <th scope="col">{t('teams.colTeam')}</th>
          <th scope="col" className="team-table__num">
            {t('teams.colScore')}
          </th>
          <th scope="col" className="team-table__num">
            {t('teams.colMembers')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.team} className={r.team === yourTeam ? 'is-you' : undefined}>
            <td className="team-table__rank">{intl.formatNumber(r.rank)}</td>
            <th scope="row">
              <TeamBadge team={r.team} />
            </th>
            <td className="team-table__num team-table__score">{intl.formatNumber(r.score)}</td>
            <td className="team-table__num">{intl.formatNumber(r.members)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TeamPlace({ rows, team }: { rows: TeamRow[]; team: number | undefined }) {
  const t = useT();
  const intl = useIntl();
  const row = rows.find((r) => r.team === team);
  if (!row) return null;
  return (
    <p className={`team-place card team--${row.team}`}>
      <span className="team-badge__dot" aria-hidden="true" />
      <span>
        <Message
          id="teams.yourTeamPlace"
          values={{
            team: teamName(t, row.team),
            rank: ordinal(t, row.rank),
            count: intl.formatNumber(rows.length),
            points: intl.formatNumber(row.score),
            b: bold,
          }}
        />
      </span>
    </p>
  );
}
