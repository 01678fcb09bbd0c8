/**
 * The import itself, as the import thread runs it (import-worker.ts): reads the file, picks the
 * importer (format-detection.ts) and returns the whole result, or a QuizError says why the file
 * cannot be read: nothing is ever half-imported. Every step is linear in the file's size; `meter`
 * counts the work for the tests that show it.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { loadQuizText, QuizError } from '../../../shared/quiz/load-quiz';
import { MAX_PACKAGE_BYTES } from '../../media/media-limits';
import { MediaStore } from '../../media/media-store';
import { PACKAGE_EXTENSION, readQuizPackage } from '../../media/quiz-package';
import { importAiken } from './aiken';
import { detectFormat } from './format-detection';
import { importGift } from './gift';
import { MAX_QUIZ_FILE_BYTES } from './import-limits';
import { kindsOf, titleFromFileName, type ImportResult } from './import-result';
import { importKahootCsv } from './kahoot-csv';
import { importKahootXlsx } from './kahoot-xlsx';
import { decodeText, type DecodedText } from './text-content';
import { UNMETERED, type WorkMeter } from './work-meter';

/** The largest file of this name read: a package holds media, any other quiz file only text. */
const maxBytesOf = (path: string) =>
  extname(path).toLowerCase() === PACKAGE_EXTENSION ? MAX_PACKAGE_BYTES : MAX_QUIZ_FILE_BYTES;

const tooLarge = (path: string) =>
  new QuizError(`${path} is larger than ${maxBytesOf(path) / 1024 / 1024} MB; is it a quiz?`);

/**
 * Imports already-read bytes; `path` names the file in messages and gives the default title.
 * A package's media go to the store in `mediaDir` (a package with media is refused without one).
 */
export async function importQuizBytes(
  bytes: Uint8Array,
  path: string,
  meter: WorkMeter = UNMETERED,
  mediaDir?: string,
): Promise<ImportResult> {
  if (bytes.length > maxBytesOf(path)) throw tooLarge(path);
  if (bytes.length === 0) throw new QuizError(`${path} is empty.`);
  const cache: { decoded?: DecodedText } = {};
  const text = () => {
    if (!cache.decoded) {
      meter.add(bytes.length);
      cache.decoded = decodeText(bytes, path);
    }
    return cache.decoded.text;
  };
  const format = detectFormat(path, bytes, text, meter);
  const title = titleFromFileName(path);
  let result: ImportResult;
  switch (format) {
    case 'kahoot-xlsx':
      return importKahootXlsx(bytes, path, title, meter);
    case 'quizroom-package': {
      const store = mediaDir ? new MediaStore(mediaDir) : null;
      const { quiz, media } = await readQuizPackage(bytes, path, store, meter);
      return {
        quiz,
        format,
        taken: quiz.questions.length,
        kinds: kindsOf(quiz),
        skipped: [],
        adjusted: [],
        media: media.length,
      };
    }
    case 'json': {
      // JSON.parse is one pass; the scanner that places a syntax error is too (json-syntax.ts).
      meter.add(text().length);
      const { $schema: _schema, ...quiz } = loadQuizText(text(), path);
      return { quiz, format, taken: quiz.questions.length, kinds: kindsOf(quiz), skipped: [], adjusted: [] };
    }
    case 'kahoot-csv':
      result = importKahootCsv(text(), path, title, meter);
      break;
    case 'gift':
      result = importGift(text(), path, title, meter);
      break;
    case 'aiken':
      result = importAiken(text(), path, title, meter);
      break;
  }
  const note = cache.decoded?.encodingNote;
  if (note) result.adjusted.unshift({ where: 'the whole file', reason: note });
  return result;
}

/** Reads and imports a quiz file on the calling thread (the import thread; see importQuizFile). */
export async function importQuizFileHere(
  path: string,
  meter: WorkMeter = UNMETERED,
  mediaDir?: string,
): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    if ((await stat(path)).size > maxBytesOf(path)) throw tooLarge(path);
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
  return importQuizBytes(bytes, path, meter, mediaDir);
}
