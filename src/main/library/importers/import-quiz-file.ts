/**
 * Opening any quiz file a host may have: Quizroom JSON, Kahoot!'s spreadsheet template (CSV or
 * XLSX), Moodle GIFT or Aiken. The importer is picked by the file's extension, or by its content
 * when the extension does not say (.txt, no extension, an unknown one). Either the whole result
 * comes back, or a QuizError says why the file cannot be read: nothing is ever half-imported.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadQuizText, QuizError } from '../../../shared/quiz/load-quiz';
import { importAiken } from './aiken';
import { importGift } from './gift';
import { titleFromFileName, type ImportFormat, type ImportResult } from './import-result';
import { importKahootCsv } from './kahoot-csv';
import { importKahootXlsx } from './kahoot-xlsx';
import { decodeText, type DecodedText } from './text-content';

export const MAX_QUIZ_FILE_BYTES = 5 * 1024 * 1024;

/** Extensions that say the format; others are sniffed. */
const BY_EXTENSION: Record<string, ImportFormat> = {
  '.json': 'json',
  '.csv': 'kahoot-csv',
  '.tsv': 'kahoot-csv',
  '.xlsx': 'kahoot-xlsx',
  '.gift': 'gift',
  '.aiken': 'aiken',
};

export const IMPORTABLE_EXTENSIONS = ['.json', '.csv', '.tsv', '.xlsx', '.gift', '.txt', '.aiken'] as const;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Guesses a text format from its content; null when nothing fits. */
export function sniffTextFormat(text: string): ImportFormat | null {
  const body = text.replace(/^\s*(\/\/.*(\r?\n|$)\s*)*/, '');
  if (/^\s*[{[]/.test(text) && /"questions"\s*:/.test(text)) return 'json';
  if (/^\s*ANSWER\s*:\s*[A-Za-z]\s*$/im.test(text) && /^\s*[A-Za-z][.)]\s+\S/m.test(text)) return 'aiken';
  if (
    /^\s*\$CATEGORY:/m.test(text) ||
    /^\s*::[^:]*::/m.test(text) ||
    /\{\s*(=|~|T\b|F\b|TRUE\b|FALSE\b|#)[^}]*\}/s.test(body)
  ) {
    return 'gift';
  }
  const firstLines = text.split(/\r?\n/, 40).join('\n').toLowerCase();
  if (/(^|[,;\t"])\s*question\b/m.test(firstLines) && /answer\s*1/.test(firstLines)) return 'kahoot-csv';
  if (/^\s*[{[]/.test(text)) return 'json';
  return null;
}

/** The format a file is read as, from its name and first bytes. */
export function detectFormat(path: string, bytes: Uint8Array, text: () => string): ImportFormat {
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
  if (known) return known;
  const sniffed = sniffTextFormat(text());
  if (sniffed) return sniffed;
  throw new QuizError(
    `Cannot tell what kind of quiz file ${path} is. Quizroom imports Quizroom JSON (.json), Kahoot! spreadsheets ` +
      '(.xlsx or .csv with the columns Question, Answer 1-4, Time limit, Correct answer(s)), ' +
      'Moodle GIFT (.gift or .txt) and Aiken (.txt).',
  );
}

/** Imports already-read bytes; `path` names the file in messages and gives the default title. */
export async function importQuizBytes(bytes: Uint8Array, path: string): Promise<ImportResult> {
  if (bytes.length > MAX_QUIZ_FILE_BYTES) {
    throw new QuizError(`${path} is larger than ${MAX_QUIZ_FILE_BYTES / 1024 / 1024} MB; is it a quiz?`);
  }
  if (bytes.length === 0) throw new QuizError(`${path} is empty.`);
  const cache: { decoded?: DecodedText } = {};
  const text = () => (cache.decoded ??= decodeText(bytes, path)).text;
  const format = detectFormat(path, bytes, text);
  const title = titleFromFileName(path);
  let result: ImportResult;
  switch (format) {
    case 'kahoot-xlsx':
      return importKahootXlsx(bytes, path, title);
    case 'json': {
      const { $schema: _schema, ...quiz } = loadQuizText(text(), path);
      return { quiz, format, taken: quiz.questions.length, skipped: [], adjusted: [] };
    }
    case 'kahoot-csv':
      result = importKahootCsv(text(), path, title);
      break;
    case 'gift':
      result = importGift(text(), path, title);
      break;
    case 'aiken':
      result = importAiken(text(), path, title);
      break;
  }
  const note = cache.decoded?.encodingNote;
  if (note) result.adjusted.unshift({ where: 'the whole file', reason: note });
  return result;
}

/** Reads and imports a quiz file of any importable format. */
export async function importQuizFile(path: string): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > MAX_QUIZ_FILE_BYTES) {
      throw new QuizError(`${path} is larger than ${MAX_QUIZ_FILE_BYTES / 1024 / 1024} MB; is it a quiz?`);
    }
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof QuizError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : String(e);
    throw new QuizError(`Cannot read quiz file ${path}: ${why}.`);
  }
  return importQuizBytes(bytes, path);
}
