/**
 * Final results as CSV (RFC 4180: comma separated, CRLF, quotes doubled), for the host's export;
 * the cell and table writers are shared with the game-report and quiz exports.
 * Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
import type { LeaderRow, SessionRow } from './protocol';

export type CsvValue = string | number | boolean;

export function csvCell(value: CsvValue): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, CRLF after every row. */
export function csvTable(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * The final table; with `session` (running totals), each player's session total as a last column;
 * with `identity` (the column's title, see roster/identity-column.ts), each player's identity
 * after their name.
 */
export function resultsCsv(
  rows: readonly LeaderRow[],
  session: readonly SessionRow[] = [],
  identity: string | null = null,
): string {
  const totals = new Map(session.map((s) => [s.id, s.total]));
  const header: CsvValue[] = ['Rank', 'Name', 'Score', 'Correct answers', 'Connected at the end'];
  if (identity !== null) header.splice(2, 0, identity);
  if (totals.size > 0) header.push('Session total');
  return csvTable([
    header,
    ...rows.map((r) => [
      r.rank,
      r.name,
      ...(identity !== null ? [r.identity ?? ''] : []),
      r.score,
      r.correct,
      r.connected ? 'yes' : 'no',
      ...(totals.size > 0 ? [totals.get(r.id) ?? ''] : []),
    ]),
  ]);
}

/** A file name for an export: "Quizroom results - <quiz> - 2026-11-27.csv". */
export function resultsFileName(quizTitle: string, date: Date): string {
  const safe =
    quizTitle
      // eslint-disable-next-line no-control-regex -- control characters are what it removes
      .replace(/[\\/:*?"<>|\u0000-\u001f]/g, '')
      .trim()
      .slice(0, 60) || 'quiz';
  return `Quizroom results - ${safe} - ${date.toISOString().slice(0, 10)}.csv`;
}
