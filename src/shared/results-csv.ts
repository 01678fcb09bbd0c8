/**
 * Final results as CSV (RFC 4180: comma separated, CRLF, quotes doubled), for the host's export.
 * Cells that a spreadsheet would run as a formula are prefixed with a quote.
 */
import type { LeaderRow } from './protocol';

function cell(value: string | number | boolean): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === 'string') text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(rows: readonly LeaderRow[]): string {
  const lines = [['Rank', 'Name', 'Score', 'Correct answers', 'Connected at the end'].map(cell).join(',')];
  for (const r of rows) lines.push([r.rank, r.name, r.score, r.correct, r.connected ? 'yes' : 'no'].map(cell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** A file name for an export: "Quizroom results - <quiz> - 2026-11-27.csv". */
export function resultsFileName(quizTitle: string, date: Date): string {
  const safe = quizTitle.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim().slice(0, 60) || 'quiz';
  return `Quizroom results - ${safe} - ${date.toISOString().slice(0, 10)}.csv`;
}
