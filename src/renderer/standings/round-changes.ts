/**
 * What changed on the leaderboard in the last round, worked out by the client from the tables it
 * has seen (the view state carries each table, not the differences): each player's points this
 * round, their rank before and now, and their run of right answers; and the call-outs worth
 * shouting about, a long streak and a big climb. The host sees the whole table after every round
 * (`standings`); a player sees the top five, so a player's changes are known inside the top only.
 */
import type { LeaderRow } from '../../shared/protocol';

/** The table after one question, as this client saw it. */
export interface RoundTable {
  rows: LeaderRow[];
  /** A skipped question changes nothing (and does not break a streak). */
  voided: boolean;
}

export interface RowChange {
  rank: number;
  /** Rank after the previous question; null when unknown (first question, or not in the table seen). */
  prevRank: number | null;
  prevScore: number | null;
  /** Points this round; null when the previous score is unknown. */
  points: number | null;
  /** Right answers in a row up to this question, as far as the tables seen tell; null if unknown. */
  streak: number | null;
}

export type Callout =
  | { kind: 'streak'; id: string; name: string; streak: number }
  | { kind: 'climb'; id: string; name: string; places: number; rank: number };

/** A streak worth a call-out. */
export const STREAK_CALLOUT = 3;
/** Places climbed worth a call-out. */
export const CLIMB_CALLOUT = 2;

function byId(rows: LeaderRow[]): Map<string, LeaderRow> {
  return new Map(rows.map((r) => [r.id, r]));
}

/** Right answers in a row for `id` up to question `index`, from the tables by question. */
function streakOf(id: string, index: number, tables: ReadonlyMap<number, RoundTable>): number | null {
  let streak = 0;
  for (let j = index; j >= 0; j--) {
    const table = tables.get(j);
    if (!table) return streak > 0 ? streak : null;
    if (table.voided) continue;
    const now = table.rows.find((r) => r.id === id);
    const before = j === 0 ? 0 : tables.get(j - 1)?.rows.find((r) => r.id === id)?.correct;
    if (!now || before === undefined) return streak > 0 ? streak : null;
    if (now.correct !== before + 1) return streak;
    streak++;
  }
  return streak;
}

/**
 * The changes of question `index`'s table against the previous question's, for every row of it.
 * Before the first question everyone had 0 points and no rank.
 */
export function roundChanges(index: number, tables: ReadonlyMap<number, RoundTable>): Map<string, RowChange> {
  const changes = new Map<string, RowChange>();
  const table = tables.get(index);
  if (!table) return changes;
  const previous = index === 0 ? { rows: [], voided: false } : tables.get(index - 1);
  const before = previous ? byId(previous.rows) : null;
  for (const row of table.rows) {
    const was = before?.get(row.id);
    // A row missing from a full previous table scored nothing before; from a top five, unknown.
    const prevScore = was ? was.score : index === 0 ? 0 : null;
    changes.set(row.id, {
      rank: row.rank,
      prevRank: was ? was.rank : null,
      prevScore,
      points: prevScore === null ? null : row.score - prevScore,
      streak: streakOf(row.id, index, tables),
    });
  }
  return changes;
}

/** At most one streak and one climber: the longest run, the biggest climb (better rank on ties). */
export function callouts(rows: LeaderRow[], changes: ReadonlyMap<string, RowChange>): Callout[] {
  let streak: Callout | null = null;
  let climb: Callout | null = null;
  for (const row of rows) {
    const c = changes.get(row.id);
    if (!c) continue;
    if (c.streak !== null && c.streak >= STREAK_CALLOUT && (!streak || c.streak > streak.streak))
      streak = { kind: 'streak', id: row.id, name: row.name, streak: c.streak };
    const places = c.prevRank === null ? 0 : c.prevRank - c.rank;
    if (places >= CLIMB_CALLOUT && (!climb || places > climb.places))
      climb = { kind: 'climb', id: row.id, name: row.name, places, rank: c.rank };
  }
  return [streak, climb].filter((c): c is Callout => c !== null);
}
