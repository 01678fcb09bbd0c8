/**
 * Workbooks (.xlsx, zip archives) are checked against the sizes their central directory declares
 * before anything is inflated, and each part is stopped as soon as it inflates past what it
 * declared. A small file that inflates to hundreds of MB is refused naming the part, on the
 * import thread as on its own.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZIP_LIMITS } from '../../src/main/library/importers/import-limits';
import { importQuizBytes } from '../../src/main/library/importers/import-quiz-bytes';
import { importQuizFile } from '../../src/main/library/importers/import-quiz-file';
import { StepCounter } from '../../src/main/library/importers/work-meter';
import { QuizError } from '../../src/shared/quiz/load-quiz';
import {
  deflatedPart,
  deflatedRepeat,
  kahootRows,
  SHEET_HEAD,
  SHEET_TAIL,
  workbookParts,
  zipArchive,
  type ZipPart,
} from './support/zip-builder';

const MB = 1024 * 1024;
const SHEET = 'xl/worksheets/sheet1.xml';
const tmp = mkdtempSync(join(tmpdir(), 'quizroom-zip-bomb-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function refusal(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (e) {
    expect(e).toBeInstanceOf(QuizError);
    return (e as QuizError).message;
  }
  throw new Error('the workbook was imported');
}

const workbook = (...parts: ZipPart[]) => zipArchive([...workbookParts(), ...parts]);

/** Bytes that are no deflate stream: inflating them fails at once, so a size check must come first. */
const garbage = (name: string, stored: number, declared: number): ZipPart => ({
  name,
  data: randomBytes(stored),
  size: declared,
});

/** A sheet that inflates to 300 MB: the template's header, a question, then empty rows. */
let bomb: { data: Buffer; size: number };
beforeAll(async () => {
  bomb = await deflatedRepeat(SHEET_HEAD + kahootRows(), '<row/>'.repeat(MB / 6), 300, SHEET_TAIL);
}, 120_000);

describe('a zip bomb', () => {
  it('is a small file whose sheet inflates to 300 MB, refused on the import thread naming the sheet', async () => {
    const zip = workbook({ name: SHEET, data: bomb.data, size: bomb.size });
    expect(zip.length).toBeLessThan(MB);
    expect(bomb.size).toBeGreaterThan(300 * 1000 * 1000);
    const path = join(tmp, 'bomb.xlsx');
    writeFileSync(path, zip);
    expect(await refusal(importQuizFile(path))).toBe(
      `${path}: the part "${SHEET}" inflates to 300 MB, more than the 16 MB Quizroom reads from one part ` +
        'of a workbook, so the file was not opened. Open it in a spreadsheet app, save it again as .xlsx or CSV, and import that.',
    );
  });

  it('whose directory declares a small size is stopped once it inflates past that size', async () => {
    const declared = MB;
    const zip = workbook({ name: SHEET, data: bomb.data, size: declared });
    const meter = new StepCounter();
    const message = await refusal(importQuizBytes(zip, 'liar.xlsx', meter));
    expect(message).toBe(
      `liar.xlsx: the part "${SHEET}" inflates to more than the ${declared} bytes the archive's directory ` +
        'declares for it; the file is damaged or crafted, and was not opened. Open it in a spreadsheet app, save it again as .xlsx or CSV, and import that.',
    );
    // Inflating stopped right after the declared size, not at 300 MB.
    expect(meter.steps).toBeLessThan(declared + 256 * 1024);
  });
});

describe('the declared sizes, checked before anything is inflated', () => {
  it('refuses a part larger than the limit for one part', async () => {
    const zip = workbook(garbage(SHEET, 400 * 1024, 20 * MB));
    expect(await refusal(importQuizBytes(zip, 'big.xlsx'))).toMatch(
      /^big\.xlsx: the part "xl\/worksheets\/sheet1\.xml" inflates to 20 MB, more than the 16 MB Quizroom reads/,
    );
  });

  it('refuses a part compressed more than 100 to 1', async () => {
    const zip = workbook(garbage(SHEET, 100 * 1024, 12 * MB));
    expect(await refusal(importQuizBytes(zip, 'dense.xlsx'))).toMatch(
      /^dense\.xlsx: the part "xl\/worksheets\/sheet1\.xml" is compressed 123 to 1 \(102400 bytes inflating to 12 MB\); a real workbook is compressed at most 100 to 1, so this looks like a zip bomb/,
    );
  });

  it('refuses parts that together inflate past the limit for a workbook, naming the one past it', async () => {
    const parts = [1, 2, 3, 4].map((n) => garbage(`xl/media/image${n}.png`, 200 * 1024, 14 * MB));
    expect(await refusal(importQuizBytes(workbook(...parts), 'many.xlsx'))).toMatch(
      /^many\.xlsx inflates to more than 48 MB \(past the part "xl\/media\/image4\.png"\)/,
    );
  });

  it('refuses an archive of more entries than a workbook has', async () => {
    const parts = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) =>
      deflatedPart(`xl/custom/part${i}.xml`, ''),
    );
    expect(await refusal(importQuizBytes(workbook(...parts), 'crowded.xlsx'))).toMatch(
      /^crowded\.xlsx holds 1005 files; a workbook holds a few dozen and Quizroom opens at most 1000/,
    );
  });

  it('never inflates the parts that hold no cells', async () => {
    const sheet = deflatedPart(SHEET, SHEET_HEAD + kahootRows() + SHEET_TAIL);
    const picture = garbage('xl/media/image1.png', 64 * 1024, 2 * MB);
    const result = await importQuizBytes(workbook(sheet, picture), 'pictures.xlsx');
    expect(result.quiz.questions).toEqual([
      {
        kind: 'choice',
        prompt: 'Which planet is red?',
        options: ['Venus', 'Mars'],
        correct: 1,
        timeLimit: 20,
        points: 1000,
      },
    ]);
  });
});

describe('a sheet exceljs would take minutes over', () => {
  const rows = (count: number, row: (r: number) => string) =>
    Array.from({ length: count }, (_, i) => row(i + 3)).join('');

  it('is refused when its rows reach far to the right', async () => {
    const far = rows(50_000, (r) => `<row r="${r}"><c r="XFD${r}"/></row>`);
    const zip = workbook(deflatedPart(SHEET, SHEET_HEAD + kahootRows() + far + SHEET_TAIL));
    expect(await refusal(importQuizBytes(zip, 'far.xlsx'))).toMatch(
      /^far\.xlsx: the sheet "xl\/worksheets\/sheet1\.xml" spreads its cells too far to the right \(row 3 reaches column 16,384; .*\)\. Delete the columns right of the questions/,
    );
  });

  it('is refused when it has more cells than any quiz', async () => {
    const many = rows(60_000, (r) => `<row r="${r}">${'<c/>'.repeat(10)}</row>`);
    const zip = workbook(deflatedPart(SHEET, SHEET_HEAD + kahootRows() + many + SHEET_TAIL));
    expect(await refusal(importQuizBytes(zip, 'cells.xlsx'))).toMatch(
      /^cells\.xlsx: the sheet "xl\/worksheets\/sheet1\.xml" has 600,014 cells; Quizroom reads at most 500,000/,
    );
  });

  it('is refused when it has more rows than any quiz', async () => {
    const many = rows(250_000, (r) => `<row r="${r}"/>`);
    const zip = workbook(deflatedPart(SHEET, SHEET_HEAD + kahootRows() + many + SHEET_TAIL));
    expect(await refusal(importQuizBytes(zip, 'rows.xlsx'))).toMatch(
      /^rows\.xlsx: the sheet "xl\/worksheets\/sheet1\.xml" has 250,002 rows; Quizroom reads at most 200,000/,
    );
  });
});
