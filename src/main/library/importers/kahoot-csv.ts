/**
 * Kahoot!'s spreadsheet template saved as CSV. papaparse reads the records (quoted cells with
 * commas and line breaks, and the delimiter a spreadsheet chose: comma, semicolon or tab); the
 * layout is read by kahoot-layout. Rows are counted as a spreadsheet shows them (one per record).
 */
import Papa from 'papaparse';
import { QuizError } from '../../../shared/quiz/load-quiz';
import type { ImportResult } from './import-result';
import { importKahootRows, type SheetRow } from './kahoot-layout';

export function importKahootCsv(text: string, source: string, title: string): ImportResult {
  const parsed = Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
  // A quote left open swallows the rest of the file: refuse it rather than import half of it.
  const fatal = parsed.errors.find((e) => e.type === 'Quotes');
  if (fatal) {
    const where = fatal.row !== undefined ? ` at row ${fatal.row + 1}` : '';
    throw new QuizError(
      `${source} is not valid CSV${where}: ${fatal.message.replace(/\.$/, '')} (a quote is not closed).`,
    );
  }
  const rows: SheetRow[] = parsed.data.map((cells, i) => ({ number: i + 1, cells }));
  return importKahootRows(rows, source, 'kahoot-csv', title);
}
