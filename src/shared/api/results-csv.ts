/**
 * The final results as CSV, the same in a browser download and in the desktop app's save dialog:
 * one row per player, best first. Cells that a spreadsheet would run as a formula are defused.
 */
import type { LeaderRow } from '../protocol';

export const RESULTS_CSV_HEADER = ['Rank', 'Name', 'Score', 'Correct answers', 'Connected'] as const;

function cell(value: string | number | boolean): string {
  let text = String(value);
  // A name such as "=HYPERLINK(...)" must stay text when the file is opened in a spreadsheet.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(rows: readonly LeaderRow[]): string {
  const lines = [RESULTS_CSV_HEADER.join(',')];
  for (const r of rows)
    lines.push([r.rank, r.name, r.score, r.correct, r.connected ? 'yes' : 'no'].map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** A file name for the results of `quizTitle`, safe on every file system. */
export function resultsFileName(quizTitle: string, date = new Date()): string {
  const slug = quizTitle
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const day = date.toISOString().slice(0, 10);
  return `quizroom-${slug || 'results'}-${day}.csv`;
}
