/**
 * Kahoot!'s spreadsheet template, read from rows of cell text (the CSV and XLSX importers supply
 * the rows). The template puts a title and instructions above the header row, numbers the rows in
 * column A, and has the columns Question, Answer 1-4, Time limit (sec) and Correct answer(s)
 * (1-based; several separated by commas for a multi-select question, which Quizroom skips).
 * The header row is found by its texts, so extra rows and columns around it do not matter.
 * Rows arrive one at a time (KahootSheet.row) and none is kept, so a sheet of millions of rows is
 * read in one pass; each row costs its own cells plus at most MAX_ANSWER_COLUMNS answers.
 */
import { QuizError } from '../../../shared/quiz/load-quiz';
import { MAX_OPTIONS, MAX_TIME_LIMIT_S, MIN_TIME_LIMIT_S } from '../../../shared/quiz/quiz-schema';
import { MAX_ANSWER_COLUMNS } from './import-limits';
import { ImportCollector, listWords, quoted, type ImportFormat, type ImportResult } from './import-result';
import { UNMETERED, type WorkMeter } from './work-meter';

export interface SheetRow {
  /** The row number a spreadsheet shows (counted from 1). */
  number: number;
  cells: string[];
}

export const KAHOOT_HEADER = [
  'Question - max 120 characters',
  'Answer 1 - max 75 characters',
  'Answer 2 - max 75 characters',
  'Answer 3 - max 75 characters',
  'Answer 4 - max 75 characters',
  'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
  'Correct answer(s) - choose at least one',
] as const;

/** Kahoot's template has its header on row 8 and the first question on row 9. */
export const KAHOOT_HEADER_ROW = 8;

interface Columns {
  question: number;
  /** Column index of each "Answer N" header, by N (from 1). */
  answers: Map<number, number>;
  time: number | null;
  correct: number;
}

const EXPECTED =
  'Kahoot!\'s spreadsheet template: a header row with the columns "Question", "Answer 1" to "Answer 4", ' +
  '"Time limit (sec)" and "Correct answer(s)"';

/** The columns of the header row, when `row` is it; a QuizError when it is but is incomplete. */
function headerColumns(row: SheetRow, source: string): Columns | null {
  const cells = row.cells.map((c) => c.trim().toLowerCase());
  const question = cells.findIndex((c) => /^question\b/.test(c));
  const answers = new Map<number, number>();
  cells.forEach((c, i) => {
    const m = /^answer\s*(\d+)\b/.exec(c);
    const n = m ? Number(m[1]) : 0;
    // Columns past MAX_ANSWER_COLUMNS are not answers: every row would pay for each of them.
    if (n >= 1 && n <= MAX_ANSWER_COLUMNS && !answers.has(n)) answers.set(n, i);
  });
  if (question < 0 || !answers.has(1)) return null;
  const correct = cells.findIndex((c) => /^correct\b/.test(c));
  if (correct < 0) {
    throw new QuizError(
      `${source}: the header row (row ${row.number}) has no "Correct answer(s)" column; expected ${EXPECTED}.`,
    );
  }
  const time = cells.findIndex((c) => /^time\b/.test(c));
  return { question, answers, time: time < 0 ? null : time, correct };
}

/** "20", "20.0" or "20 s" -> 20; null when the text is not a number. */
function parseSeconds(text: string): number | null {
  const m = /^(\d+(?:[.,]\d+)?)\s*(?:s|sec|secs|seconds)?$/i.exec(text.trim());
  return m ? Number(m[1]!.replace(',', '.')) : null;
}

/** One sheet of Kahoot!'s template, read row by row. */
export class KahootSheet {
  private columns: Columns | null = null;
  private answerNumbers: number[] = [];
  private readonly collector: ImportCollector;

  constructor(
    private readonly source: string,
    format: ImportFormat,
    private readonly meter: WorkMeter = UNMETERED,
  ) {
    this.collector = new ImportCollector(source, format);
  }

  get hasHeader(): boolean {
    return this.columns !== null;
  }

  /** Reads the next row: the header row until it is found, then a question per row. */
  row(row: SheetRow): void {
    if (!this.columns) {
      this.meter.add(row.cells.length + row.cells.reduce((n, c) => n + c.length, 0));
      this.columns = headerColumns(row, this.source);
      if (this.columns) this.answerNumbers = [...this.columns.answers.keys()].sort((a, b) => a - b);
      return;
    }
    this.meter.add(1 + this.answerNumbers.length);
    this.question(row, this.columns);
  }

  /** The quiz of every question taken; a QuizError when there was no header row. */
  finish(title: string): ImportResult {
    if (!this.columns) throw new QuizError(`${this.source} has no header row; expected ${EXPECTED}.`);
    return this.collector.finish(title);
  }

  private question(row: SheetRow, columns: Columns): void {
    const { collector, answerNumbers } = this;
    const cell = (i: number | null) => {
      const text = i === null ? '' : (row.cells[i] ?? '');
      this.meter.add(text.length);
      return text.trim();
    };
    const where = `row ${row.number}`;
    const prompt = cell(columns.question);
    const answers = answerNumbers.map((n) => ({ n, text: cell(columns.answers.get(n)!) }));
    const correctText = cell(columns.correct);
    const timeText = cell(columns.time);
    if (prompt === '' && answers.every((a) => a.text === '') && correctText === '') return; // a blank row
    if (prompt === '') {
      collector.skip(where, 'the Question cell is empty');
      return;
    }
    const filled = answers.filter((a) => a.text !== '');
    if (filled.length > MAX_OPTIONS) {
      collector.skip(where, `has ${filled.length} answers; a Quizroom question has at most ${MAX_OPTIONS}`);
      return;
    }
    if (filled.length < 2) {
      collector.skip(
        where,
        `has ${filled.length === 0 ? 'no answers' : 'only one answer'}; a question needs at least 2`,
      );
      return;
    }
    if (correctText === '') {
      collector.skip(where, 'the Correct answer(s) cell is empty');
      return;
    }
    const parts = correctText.split(/[\s,;]+/).filter((p) => p !== '');
    const numbers = [...new Set(parts.map((p) => (/^\d+(\.0+)?$/.test(p) ? Number.parseInt(p, 10) : NaN)))];
    if (numbers.some((n) => Number.isNaN(n))) {
      collector.skip(
        where,
        `Correct answer(s) ${quoted(correctText)} is not an answer number (1 to ${answerNumbers.at(-1)})`,
      );
      return;
    }
    // Several correct answers make a multi-select question.
    const correctIndexes: number[] = [];
    for (const correctNumber of numbers) {
      const index = filled.findIndex((a) => a.n === correctNumber);
      if (index < 0) {
        const exists = columns.answers.has(correctNumber);
        collector.skip(
          where,
          exists
            ? `Correct answer(s) is ${listWords(numbers)} but Answer ${correctNumber} is empty`
            : `Correct answer(s) is ${listWords(numbers)} but there is no Answer ${correctNumber} column`,
        );
        return;
      }
      correctIndexes.push(index);
    }
    const adjustments: string[] = [];
    let timeLimit: number | undefined;
    if (timeText !== '') {
      const seconds = parseSeconds(timeText);
      if (seconds === null) {
        collector.skip(where, `Time limit ${quoted(timeText)} is not a number of seconds`);
        return;
      }
      timeLimit = Math.round(seconds);
      if (timeLimit !== seconds) adjustments.push(`time limit ${seconds} s rounded to ${timeLimit} s`);
      if (timeLimit < MIN_TIME_LIMIT_S || timeLimit > MAX_TIME_LIMIT_S) {
        const clamped = Math.min(Math.max(timeLimit, MIN_TIME_LIMIT_S), MAX_TIME_LIMIT_S);
        adjustments.push(
          `time limit ${timeLimit} s is outside ${MIN_TIME_LIMIT_S}-${MAX_TIME_LIMIT_S} s; set to ${clamped} s`,
        );
        timeLimit = clamped;
      }
    }
    collector.take(
      where,
      {
        ...(correctIndexes.length === 1
          ? { kind: 'choice', correct: correctIndexes[0] }
          : { kind: 'multi_select', correct: correctIndexes }),
        prompt,
        options: filled.map((a) => a.text),
        ...(timeLimit !== undefined ? { timeLimit } : {}),
      },
      adjustments,
      (path) => {
        if (path[0] === 'prompt') return 'Question';
        if (path[0] === 'options' && typeof path[1] === 'number')
          return `Answer ${filled[path[1]]?.n ?? path[1] + 1}`;
        return path.map(String).join('.');
      },
    );
  }
}

/** Imports a whole sheet's rows at once. */
export function importKahootRows(
  rows: Iterable<SheetRow>,
  source: string,
  format: ImportFormat,
  title: string,
  meter: WorkMeter = UNMETERED,
): ImportResult {
  const sheet = new KahootSheet(source, format, meter);
  for (const row of rows) sheet.row(row);
  return sheet.finish(title);
}
