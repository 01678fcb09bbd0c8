/** Ranked rows (top five, or the whole final table), with the viewer's own row marked. */
import type { LeaderRow } from '../../shared/protocol';
import { PlayerName } from './player-name';
import './leader-table.css';

interface LeaderTableProps {
  rows: LeaderRow[];
  youId?: string | null;
  caption: string;
  /** Show the correct-answers column (the host's full table). */
  detailed?: boolean;
  large?: boolean;
}

export function ordinal(n: number): string {
  const s =
    n % 100 >= 11 && n % 100 <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${s}`;
}

export function LeaderTable({ rows, youId, caption, detailed = false, large = false }: LeaderTableProps) {
  const best = Math.max(1, ...rows.map((r) => r.score));
  return (
    <table className={`leader-table${large ? ' leader-table--large' : ''}`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead className={detailed ? undefined : 'visually-hidden'}>
        <tr>
          <th scope="col">Rank</th>
          <th scope="col">Player</th>
          {detailed ? <th scope="col">Correct</th> : null}
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const you = row.id === youId;
          return (
            <tr key={row.id} className={`${you ? 'is-you' : ''} rank-${Math.min(row.rank, 4)}`}>
              <td className="leader-table__rank">
                <span className="rank-badge">{row.rank}</span>
              </td>
              <th scope="row" className="leader-table__name">
                <span className="leader-table__name-text">
                  <PlayerName name={row.name} />
                </span>
                {you ? <span className="tag tag--you">You</span> : null}
                {!row.connected ? <span className="tag tag--muted">offline</span> : null}
                {!detailed ? (
                  <span className="leader-table__bar" aria-hidden="true">
                    <span style={{ transform: `scaleX(${row.score / best})` }} />
                  </span>
                ) : null}
              </th>
              {detailed ? <td className="leader-table__num">{row.correct}</td> : null}
              <td className="leader-table__num leader-table__score">{row.score.toLocaleString('en-US')}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
