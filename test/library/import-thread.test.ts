/**
 * Imports run on a thread of their own with a time limit and a heap limit: a file that takes too
 * long or needs too much memory ends that thread, never the host's, and is refused with a
 * message saying why. The thread reads every format as the importers do on their own, and the
 * built app starts the script the build puts beside its bundles.
 */
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importQuizFileHere } from '../../src/main/library/importers/import-quiz-bytes';
import { importQuizFile, type ImportWorkerScript } from '../../src/main/library/importers/import-quiz-file';
import { QuizError } from '../../src/shared/quiz/load-quiz';
import { imageSize } from 'image-size';
import { ingestOffThread } from '../../src/main/media/ingest-off-thread';
import { MAX_IMAGE_SIDE } from '../../src/main/media/media-limits';
import { ensureBuilt, OUT_DIR } from '../support/built-app';
import { pngHeaderClaiming, samplePicture } from '../support/media-samples';
import {
  deflatedPart,
  kahootRows,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zipArchive,
} from './support/zip-builder';

const FIXTURES = resolve(__dirname, '../fixtures/imports');
const WORKERS = resolve(__dirname, 'support/import-workers');
const worker = (name: string): ImportWorkerScript => ({ script: join(WORKERS, name) });
const tmp = mkdtempSync(join(tmpdir(), 'quizroom-import-thread-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(run: Promise<unknown>): Promise<QuizError> {
  try {
    await run;
  } catch (e) {
    expect(e).toBeInstanceOf(QuizError);
    return e as QuizError;
  }
  throw new Error('the file was imported');
}

/** Turns of the caller's event loop while `run` is pending: the caller is never blocked. */
async function turnsWhile<T>(run: Promise<T>): Promise<{ turns: number; outcome: Promise<T> }> {
  let turns = 0;
  let pending = true;
  const outcome = run.finally(() => (pending = false));
  outcome.catch(() => {});
  while (pending) {
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  return { turns, outcome };
}

describe('the import thread', () => {
  it.each([
    'kahoot-template.csv',
    'kahoot-template.xlsx',
    'moodle-questions.gift',
    'aiken-questions.txt',
    'science.json',
  ])('reads %s as the importers do', async (name) => {
    const path = join(FIXTURES, name);
    expect(await importQuizFile(path)).toEqual(await importQuizFileHere(path));
  });

  it('brings a refusal back with its problems', async () => {
    const path = join(tmp, 'nothing.gift');
    writeFileSync(path, '::Essay:: Write about Mars {}\n\n::Pairs:: Match them {=a -> b =c -> d =e -> f}\n');
    const error = await refusal(importQuizFile(path));
    expect(error.message).toMatch(
      /^.*nothing\.gift has no question Quizroom can use \(read as Moodle GIFT\)/,
    );
    expect(error.problems).toEqual([
      'line 1: an essay question: Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions',
      'line 3: a matching question: Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions',
    ]);
  });

  it('stops a file that takes too long to read, and the caller keeps running meanwhile', async () => {
    const { turns, outcome } = await turnsWhile(
      importQuizFile(join(FIXTURES, 'science.json'), { worker: worker('spinning.mjs'), timeLimitMs: 300 }),
    );
    const error = await refusal(outcome);
    expect(error.message).toBe(
      `${join(FIXTURES, 'science.json')} took too long to read (more than 0.3 s), so reading it was stopped. ` +
        'Is it really a quiz? Save the questions again as .xlsx, CSV, GIFT or Aiken (or split a very long file) and import that.',
    );
    expect(turns).toBeGreaterThan(10);
  });

  it('stops a file that needs more memory than the thread may use', async () => {
    const error = await refusal(
      importQuizFile(join(FIXTURES, 'science.json'), {
        worker: worker('hoarding.mjs'),
        resourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 8 },
      }),
    );
    expect(error.message).toMatch(
      /science\.json needed more than 32 MB of memory to read, so reading it was stopped\./,
    );
  });

  it('refuses a file whose reading fails unexpectedly, with the reason', async () => {
    const error = await refusal(
      importQuizFile(join(FIXTURES, 'science.json'), { worker: worker('failing.mjs') }),
    );
    expect(error.message).toMatch(
      /^Quizroom could not read .*science\.json: the parser met something it did not expect\. Is it really a quiz\?/,
    );
  });
});

describe('the built import thread (out/main/import-worker.js)', () => {
  beforeAll(() => ensureBuilt(), 360_000);
  const built = { worker: { script: join(OUT_DIR, 'main/import-worker.js') } };

  it('reads a workbook and refuses a broken file', async () => {
    const result = await importQuizFile(join(FIXTURES, 'kahoot-template.xlsx'), built);
    expect(result.format).toBe('kahoot-xlsx');
    expect(result.taken).toBe(5);
    expect(result.kinds).toEqual({ choice: 4, multi_select: 1 });
    const path = join(tmp, 'broken.json');
    writeFileSync(path, '{"title": "x", "questions": [}');
    expect((await refusal(importQuizFile(path, built))).message).toBe(
      `${path} is not valid JSON at line 1, column 30: expected a value but found "}".`,
    );
  });

  it('reads a sheet just under the workbook limits within its heap limit', async () => {
    const rows = Array.from({ length: 76_000 }, (_, k) => {
      const r = k + 3;
      const text = (col: string, t: string) => `<c r="${col}${r}" t="inlineStr"><is><t>${t}</t></is></c>`;
      return `<row r="${r}">${text('A', `Question number ${r}?`)}${text('B', 'a')}${text('C', 'b')}<c r="G${r}"><v>1</v></c></row>`;
    });
    const sheet = SHEET_HEAD + kahootRows() + rows.join('') + SHEET_TAIL;
    expect(sheet.length).toBeGreaterThan(15 * 1024 * 1024);
    const path = join(tmp, 'large.xlsx');
    writeFileSync(path, zipArchive([...workbookParts(), deflatedPart('xl/worksheets/sheet1.xml', sheet)]));
    const result = await importQuizFile(path, built);
    expect(result.taken).toBe(500);
    expect(result.unlistedSkipped).toBe(76_001 - 500 - 200);
  }, 60_000);

  it('ingests a 12-megapixel photo within its heap limit and refuses a bomb from its header', async () => {
    const photo = await samplePicture(4000, 3000, 'image/jpeg');
    const media = await ingestOffThread(photo, 'photo.jpg', built);
    expect(media.extension).toBe('jpg');
    expect(imageSize(media.bytes)).toMatchObject({ width: MAX_IMAGE_SIDE, height: 1200 });
    const bomb = await refusal(ingestOffThread(pngHeaderClaiming(100_000, 100_000), 'bomb.png', built));
    expect(bomb.message).toMatch(/^bomb\.png is 100000×100000 pixels/);
  }, 120_000);
});
