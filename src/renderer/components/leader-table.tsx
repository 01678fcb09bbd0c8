/**
 * Ranked rows (the top five, or the host's full table), with the viewer's own row marked. Given
 * the round's changes, it tells the round's story: rows first stand where they were after the
 * last question, then slide to their new ranks while the scores count up, and each row shows the
 * points it just won and how many places it moved. With reduced motion it shows the result at once.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LeaderRow } from '../../shared/protocol';
import { PlayerName } from './player-name';
import { useCountUp } from '../motion/use-count-up';
import { useFlip } from '../motion/use-flip';
import { useReducedMotion } from '../motion/use-reduced-motion';
import type { RowChange } from '../standings/round-changes';
import { signedPoints } from '../standings/signed-points';
import { useRowWindow } from './use-row-window';
import { useIntl } from 'react-intl';
import { useT, type Translate } from '../i18n';
import './leader-table.css';

interface LeaderTableProps {
  rows: LeaderRow[];
  youId?: string | null;
  caption: string;
  /** Show the correct-answers column (the host's full table). */
  detailed?: boolean;
  large?: boolean;
  /** What the last round changed, by player id: shown, and played out as motion. */
  changes?: ReadonlyMap<string, RowChange> | null;
  /** The box the table scrolls in: long tables then render only the rows in view. */
  scroller?: RefObject<HTMLElement | null>;
}

/** Longer tables in a scrolling box are windowed (see use-row-window.ts). */
const WINDOWED_FROM = 100;

export function ordinal(t: Translate, rank: number): string {
  return t('results.ordinal', { rank });
}

/** How long the table shows the previous round's order before the rows move, then how long they move. */
const HOLD_MS = 700;
const MOVE_MS = 1000;

type Stage = 'hold' | 'moving' | 'done';

function moved(change: RowChange | undefined): boolean {
  return !!change && change.prevRank !== null && change.prevRank !== change.rank;
}

export function LeaderTable({
  rows,
  youId,
  caption,
  detailed = false,
  large = false,
  changes = null,
  scroller,
}: LeaderTableProps) {
  const reduced = useReducedMotion();
  const story =
    !!changes &&
    !reduced &&
    rows.some((r) => moved(changes.get(r.id)) || (changes.get(r.id)?.points ?? 0) > 0);
  const [stage, setStage] = useState<Stage>(story ? 'hold' : 'done');
  useEffect(() => {
    if (stage === 'done') return;
    const timer = setTimeout(
      () => setStage(stage === 'hold' ? 'moving' : 'done'),
      stage === 'hold' ? HOLD_MS : MOVE_MS,
    );
    return () => clearTimeout(timer);
  }, [stage]);
  const settled = stage !== 'hold';
  const order = settled
    ? rows
    : [...rows].sort(
        (a, b) =>
          (changes?.get(a.id)?.prevRank ?? 1e9 + a.rank) - (changes?.get(b.id)?.prevRank ?? 1e9 + b.rank),
      );
  const windowed = !!scroller && !story && rows.length >= WINDOWED_FROM;
  const t = useT();
  const table = useRef<HTMLTableElement>(null);
  const noScroller = useRef<HTMLElement>(null);
  const shown = useRowWindow(scroller ?? noScroller, table, order.length, windowed);
  const visible = windowed ? order.slice(shown.start, shown.end) : order;
  // A windowed table never reorders by motion: its rows come and go as it scrolls.
  const body = useFlip<HTMLTableSectionElement>(windowed ? '' : order.map((r) => r.id).join(' '));
  const best = rows.reduce((m, r) => Math.max(m, r.score), 1);
  const showChanges = !!changes && !detailed;
  return (
    <table
      ref={table}
      className={`leader-table${large ? ' leader-table--large' : ''}${settled ? ' is-settled' : ''}${windowed ? ' leader-table--windowed' : ''}`}
      aria-busy={stage === 'done' ? undefined : true}
      aria-rowcount={windowed ? order.length + 1 : undefined}
    >
      <caption className="visually-hidden">{caption}</caption>
      <thead className={detailed ? undefined : 'visually-hidden'}>
        <tr>
          <th scope="col">{t('results.colRank')}</th>
          <th scope="col">{t('results.colPlayer')}</th>
          {detailed ? <th scope="col">{t('results.colCorrect')}</th> : null}
          {showChanges ? <th scope="col">{t('results.colRound')}</th> : null}
          <th scope="col">{t('results.colScore')}</th>
        </tr>
      </thead>
      <tbody ref={body}>
        {windowed && shown.before > 0 ? (
          <tr aria-hidden="true" className="leader-table__spacer" style={{ height: shown.before }} />
        ) : null}
        {visible.map((row, i) => (
          <Row
            key={row.id}
            rowIndex={windowed ? shown.start + i + 2 : undefined}
            row={row}
            you={row.id === youId}
            detailed={detailed}
            best={best}
            change={showChanges ? (changes?.get(row.id) ?? null) : null}
            showChanges={showChanges}
            settled={settled}
          />
        ))}
        {windowed && shown.after > 0 ? (
          <tr aria-hidden="true" className="leader-table__spacer" style={{ height: shown.after }} />
        ) : null}
      </tbody>
    </table>
  );
}

interface RowProps {
  row: LeaderRow;
  /** Its place among all rows (header = 1) when only some are rendered. */
  rowIndex?: number | undefined;
  you: boolean;
  detailed: boolean;
  best: number;
  change: RowChange | null;
  showChanges: boolean;
  settled: boolean;
}

function Row({ row, rowIndex, you, detailed, best, change, showChanges, settled }: RowProps) {
  const t = useT();
  const intl = useIntl();
  const from = settled ? (change?.prevScore ?? null) : null;
  const counted = useCountUp(from, row.score, 0, 900);
  const score = settled ? counted : (change?.prevScore ?? row.score);
  const rank = settled ? row.rank : (change?.prevRank ?? row.rank);
  const places = change?.prevRank != null ? change.prevRank - change.rank : 0;
  return (
    <tr
      data-flip-id={row.id}
      data-row=""
      aria-rowindex={rowIndex}
      className={`${you ? 'is-you' : ''} rank-${Math.min(rank, 4)}`}
    >
      <td className="leader-table__rank">
        <span className="rank-badge">{rank}</span>
      </td>
      <th scope="row" className="leader-table__name">
        <span className="leader-table__name-text">
          <PlayerName name={row.name} />
        </span>
        {you ? <span className="tag tag--you">{t('results.you')}</span> : null}
        {!row.connected ? <span className="tag tag--muted">{t('results.offline')}</span> : null}
        {!detailed ? (
          <span className="leader-table__bar" aria-hidden="true">
            <span style={{ transform: `scaleX(${score / best})` }} />
          </span>
        ) : null}
      </th>
      {detailed ? <td className="leader-table__num">{intl.formatNumber(row.correct)}</td> : null}
      {showChanges ? (
        <td className="leader-table__change">
          {change?.points ? (
            <span className="round-points">{signedPoints(change.points, intl.formatNumber)}</span>
          ) : null}
          {places !== 0 ? (
            <span className={`rank-move ${places > 0 ? 'is-up' : 'is-down'}`}>
              <MoveIcon up={places > 0} />
              <span aria-hidden="true">{intl.formatNumber(Math.abs(places))}</span>
              <span className="visually-hidden">
                {t(places > 0 ? 'results.placesUp' : 'results.placesDown', { count: Math.abs(places) })}
              </span>
            </span>
          ) : null}
        </td>
      ) : null}
      <td className="leader-table__num leader-table__score">{intl.formatNumber(score)}</td>
    </tr>
  );
}

function MoveIcon({ up }: { up: boolean }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={up ? 'M12 5l8 12H4z' : 'M12 19l8-12H4z'} fill="currentColor" />
    </svg>
  );
}
