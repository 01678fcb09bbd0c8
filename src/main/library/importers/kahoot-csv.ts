/**
 * Kahoot!'s spreadsheet template saved as CSV. papaparse reads the records (quoted cells with
 * commas and line breaks, and the delimiter a spreadsheet chose: comma, semicolon or tab); the
 * layout is read by kahoot-layout, one record at a time as papaparse hands them over. Rows are
 * counted as a spreadsheet shows them (one per record).
 */
import Papa from 'papaparse';
import { QuizError } from '../../../shared/quiz/load-quiz';
import type { ImportResult } from './import-result';
import { KahootSheet } from './kahoot-layout';
import { UNMETERED, type WorkMeter } from './work-meter';

export function importKahootCsv(
  text: string,
  source: string,
  title: string,
  meter: WorkMeter = UNMETERED,
): ImportResult {
  const sheet = new KahootSheet(source, 'kahoot-csv', meter);
  let rowNumber = 0;
  let fatal: Papa.ParseError | null = null;
  // papaparse reads the text in one pass (measured linear, docs/quiz-format.md, Imports).
  meter.add(text.length);
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimitersToGuess: [',', ';', '\t', '|'],
    step: (results, parser) => {
      rowNumber++;
      // A quote left open swallows the rest of the file: refuse it rather than import half of it.
      const quote = results.errors.find((e) => e.type === 'Quotes');
      if (quote) {
        fatal = quote;
        parser.abort();
        return;
      }
      sheet.row({ number: rowNumber, cells: results.data });
    },
  });
  if (fatal) {
    const { message } = fatal as Papa.ParseError;
    throw new QuizError(
      `${source} is not valid CSV at row ${rowNumber}: ${message.replace(/\.$/, '')} (a quote is not closed).`,
    );
  }
  return sheet.finish(title);
}
