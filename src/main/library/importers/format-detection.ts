/**
 * Which importer reads a file: its extension when that says the format, its first bytes for
 * workbooks, else its text (a `.txt`, no extension, an unknown one). The text is sniffed in one
 * pass over its lines, each line looked at on its own, so the work grows with the file's size
 * and never with, say, the number of blank lines times the length of the file.
 */
import { extname } from 'node:path';
import { QuizError } from '../../../shared/quiz/load-quiz';
import type { ImportFormat } from './import-result';
import {
  forEachLine,
  hasWordAt,
  isAsciiLetterCode,
  isSpaceCode,
  isWordCode,
  NextPosition,
  skipSpaces,
} from './text-scan';
import { UNMETERED, type WorkMeter } from './work-meter';

/** Extensions that say the format; others are sniffed. */
const BY_EXTENSION: Record<string, ImportFormat> = {
  '.json': 'json',
  '.quizroom': 'quizroom-package',
  '.csv': 'kahoot-csv',
  '.tsv': 'kahoot-csv',
  '.xlsx': 'kahoot-xlsx',
  '.gift': 'gift',
  '.aiken': 'aiken',
};

export const IMPORTABLE_EXTENSIONS = [
  '.json',
  '.quizroom',
  '.csv',
  '.tsv',
  '.xlsx',
  '.gift',
  '.txt',
  '.aiken',
] as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Lines of a Kahoot! CSV looked at for its header row. */
const CSV_HEADER_LINES = 40;

/** What the lines of a text look like, gathered in one pass. */
interface LineTraits {
  aikenAnswer: boolean;
  aikenOption: boolean;
  giftCategory: boolean;
  giftTitle: boolean;
  csvQuestion: boolean;
  csvAnswer1: boolean;
  /** Offset of the first line that is neither blank nor a `//` comment. */
  bodyStart: number;
}

/** "ANSWER: B" (a trimmed line). */
function isAikenAnswer(line: string, meter: WorkMeter): boolean {
  if (!hasWordAt(line, 0, 'answer')) return false;
  let i = skipSpaces(line, 6, meter);
  if (line[i] !== ':') return false;
  i = skipSpaces(line, i + 1, meter);
  return i === line.length - 1 && isAsciiLetterCode(line.charCodeAt(i));
}

/** "B. text" or "B) text" (a trimmed line). */
function isAikenOption(line: string): boolean {
  return (
    isAsciiLetterCode(line.charCodeAt(0)) &&
    (line[1] === '.' || line[1] === ')') &&
    isSpaceCode(line.charCodeAt(2)) &&
    line.length > 3
  );
}

/** "::Title::" at the start of a (trimmed) line. */
function isGiftTitle(line: string): boolean {
  if (!line.startsWith('::')) return false;
  const colon = line.indexOf(':', 2);
  return colon >= 0 && line[colon + 1] === ':';
}

/**
 * A header cell "Question..." in a (lower-cased) line: at the start or after a delimiter or
 * quote, white space allowed between, and not the start of a longer word.
 */
function hasCsvQuestion(line: string, meter: WorkMeter): boolean {
  for (let at = line.indexOf('question'); at >= 0; at = line.indexOf('question', at + 1)) {
    if (isWordCode(line.charCodeAt(at + 8))) continue;
    let k = at - 1;
    let tab = false;
    while (k >= 0 && isSpaceCode(line.charCodeAt(k))) tab ||= line[k--] === '\t';
    meter.add(at - k);
    if (tab || k < 0 || ',;\t"'.includes(line[k]!)) return true;
  }
  meter.add(line.length);
  return false;
}

/** "answer 1" in a (lower-cased) line. */
function hasCsvAnswer1(line: string, meter: WorkMeter): boolean {
  for (let at = line.indexOf('answer'); at >= 0; at = line.indexOf('answer', at + 1)) {
    const i = skipSpaces(line, at + 6, meter);
    if (line[i] === '1') return true;
  }
  meter.add(line.length);
  return false;
}

function lineTraits(text: string, meter: WorkMeter): LineTraits {
  const traits: LineTraits = {
    aikenAnswer: false,
    aikenOption: false,
    giftCategory: false,
    giftTitle: false,
    csvQuestion: false,
    csvAnswer1: false,
    bodyStart: -1,
  };
  forEachLine(text, meter, (raw, lineNo, start) => {
    const line = raw.trim();
    meter.add(raw.length);
    if (traits.bodyStart < 0 && line !== '' && !line.startsWith('//')) traits.bodyStart = start;
    traits.aikenAnswer ||= isAikenAnswer(line, meter);
    traits.aikenOption ||= isAikenOption(line);
    traits.giftCategory ||= line.startsWith('$CATEGORY:');
    traits.giftTitle ||= isGiftTitle(line);
    if (lineNo <= CSV_HEADER_LINES) {
      const lower = raw.toLowerCase();
      traits.csvQuestion ||= hasCsvQuestion(lower, meter);
      traits.csvAnswer1 ||= hasCsvAnswer1(lower, meter);
    }
  });
  if (traits.bodyStart < 0) traits.bodyStart = text.length;
  return traits;
}

/** A `"questions":` key anywhere (a Quizroom quiz's one required list). */
function hasQuestionsKey(text: string, meter: WorkMeter): boolean {
  for (let at = text.indexOf('"questions"'); at >= 0; at = text.indexOf('"questions"', at + 1)) {
    if (text[skipSpaces(text, at + 11, meter)] === ':') return true;
  }
  meter.add(text.length);
  return false;
}

/** An answer list `{=...}`, `{~...}`, `{T}`, `{FALSE}`, `{#...}` closed later by `}`. */
function hasGiftAnswers(text: string, from: number, meter: WorkMeter): boolean {
  const lastClose = text.lastIndexOf('}');
  const opens = NextPosition.of(text, '{', meter);
  for (let at = opens.from(from); at >= 0 && at < lastClose; at = opens.from(at + 1)) {
    const i = skipSpaces(text, at + 1, meter);
    const c = text[i];
    if (c === '=' || c === '~' || c === '#') return true;
    for (const word of ['T', 'F', 'TRUE', 'FALSE']) {
      if (text.startsWith(word, i) && !isWordCode(text.charCodeAt(i + word.length))) return true;
    }
  }
  return false;
}

/** Guesses a text format from its content; null when nothing fits. */
export function sniffTextFormat(text: string, meter: WorkMeter = UNMETERED): ImportFormat | null {
  const first = text[skipSpaces(text, 0, meter)];
  const startsLikeJson = first === '{' || first === '[';
  if (startsLikeJson && hasQuestionsKey(text, meter)) return 'json';
  const traits = lineTraits(text, meter);
  if (traits.aikenAnswer && traits.aikenOption) return 'aiken';
  if (traits.giftCategory || traits.giftTitle || hasGiftAnswers(text, traits.bodyStart, meter)) return 'gift';
  if (traits.csvQuestion && traits.csvAnswer1) return 'kahoot-csv';
  if (startsLikeJson) return 'json';
  return null;
}

/** The format a file is read as, from its name and first bytes. */
export function detectFormat(
  path: string,
  bytes: Uint8Array,
  text: () => string,
  meter: WorkMeter = UNMETERED,
): ImportFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xls' || startsWith(bytes, OLE_MAGIC)) {
    throw new QuizError(
      `${path} is an old Excel workbook (.xls); save it as .xlsx (Excel Workbook) or CSV, then import that.`,
    );
  }
  if (ext === '.xlsx' || (startsWith(bytes, ZIP_MAGIC) && !(ext in BY_EXTENSION))) {
    if (!startsWith(bytes, ZIP_MAGIC)) {
      throw new QuizError(
        `${path} is not an Excel workbook (.xlsx): it does not start like one. Is it another kind of file renamed?`,
      );
    }
    return 'kahoot-xlsx';
  }
  const known = BY_EXTENSION[ext];
  if (known === 'quizroom-package' && !startsWith(bytes, ZIP_MAGIC)) {
    throw new QuizError(
      `${path} is not a Quizroom package: it does not start like one (a zip). Is it another kind of file renamed?`,
    );
  }
  if (known) return known;
  const sniffed = sniffTextFormat(text(), meter);
  if (sniffed) return sniffed;
  throw new QuizError(
    `Cannot tell what kind of quiz file ${path} is. Quizroom imports Quizroom JSON (.json), Kahoot! spreadsheets ` +
      '(.xlsx or .csv with the columns Question, Answer 1-4, Time limit, Correct answer(s)), ' +
      'Moodle GIFT (.gift or .txt) and Aiken (.txt).',
  );
}
