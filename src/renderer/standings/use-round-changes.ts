/**
 * Remembers the table after each question of the current game (see round-changes.ts), so that the
 * leaderboard can show what the last round changed. Lives as long as the app, not a screen: the
 * reveal and the leaderboard are different screens of the same round.
 */
import { useMemo, useState } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import type { LeaderRow } from '../../shared/protocol';
import { callouts, roundChanges, type Callout, type RoundTable, type RowChange } from './round-changes';

export interface RoundView {
  /** The question the table is after. */
  index: number;
  changes: ReadonlyMap<string, RowChange>;
  callouts: Callout[];
}

/**
 * The table this client has for the question just closed: the host's full standings once they
 * belong to this round (they arrive just after the reveal, whose top five is new at once), else the
 * top five.
 */
function tableRows(game: ClientView): LeaderRow[] {
  const { standings, top } = game;
  const current =
    standings.length > 0 && top.every((r, i) => standings[i]?.id === r.id && standings[i]?.score === r.score);
  return current ? standings : top;
}

const SCORED_PHASES = new Set(['reveal', 'leaderboard', 'finished']);

export function useRoundChanges(game: ClientView | null): RoundView | null {
  const [tables, setTables] = useState<ReadonlyMap<number, RoundTable>>(new Map());
  const index = game?.reveal?.index ?? null;
  const scored = !!game && SCORED_PHASES.has(game.phase) && index !== null && !!game.reveal;
  const rows = scored ? tableRows(game) : null;
  // Adjusting state while rendering (React's pattern for remembering earlier props).
  if (scored && rows && index !== null && tables.get(index)?.rows !== rows) {
    setTables(new Map(tables).set(index, { rows, voided: game.reveal?.voided ?? false }));
  } else if (game?.phase === 'lobby' && tables.size > 0) {
    setTables(new Map());
  }
  return useMemo(() => {
    if (index === null || !rows) return null;
    const changes = roundChanges(index, tables);
    return { index, changes, callouts: callouts(rows, changes) };
  }, [index, rows, tables]);
}
