/**
 * Round trips: a quiz exported as a `.json` quiz file imports as the same quiz, and a quiz
 * exported as a Kahoot! spreadsheet imports with the same questions (points have no column in
 * Kahoot's layout and come back as the default).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importQuizFile } from '../../src/main/library/importers/import-quiz-file';
import { KAHOOT_HEADER } from '../../src/main/library/importers/kahoot-layout';
import { cellText } from '../../src/main/library/importers/kahoot-xlsx';
import { quizToKahootXlsx } from '../../src/main/library/kahoot-xlsx-export';
import { quizFileText } from '../../src/main/library/quiz-file-text';
import { builtinPack } from '../../src/shared/quiz/builtin-pack';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import { QUIZ_SCHEMA_ID, type Quiz } from '../../src/shared/quiz/quiz-schema';

const tmp = mkdtempSync(join(tmpdir(), 'quizroom-roundtrip-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every field the model has: descriptions, time limits, all point values, 2-4 options, unicode. */
const RICH: Quiz = parseQuiz({
  title: 'Round trip: «everything» ✓',
  description: 'Uses every field.',
  questions: [
    {
      kind: 'choice',
      prompt: 'Two options, 0 points?',
      options: ['Yes', 'No'],
      correct: 1,
      points: 0,
      timeLimit: 5,
    },
    {
      kind: 'choice',
      prompt: 'Three, "quoted", with, commas?',
      options: ['a, b', '"c"', "d'e"],
      correct: 2,
      points: 2000,
    },
    {
      kind: 'choice',
      prompt: '=1+1 looks like a formula',
      options: ['=2', '-3', '+4', '@5'],
      correct: 0,
      timeLimit: 240,
    },
    { kind: 'choice', prompt: 'Ünïcødé 🎉 and 日本語?', options: ['🎉', '日本語', 'Ünï'], correct: 1 },
  ],
});

const CASES: [string, Quiz][] = [
  ['a quiz using every field', RICH],
  ...builtinPack().map((p): [string, Quiz] => [`built-in "${p.id}"`, p.quiz]),
];

describe('a .json quiz file', () => {
  it.each(CASES)('imports %s as the same quiz', async (_name, quiz) => {
    const path = join(tmp, 'exported.json');
    writeFileSync(path, quizFileText(quiz));
    const back = await importQuizFile(path);
    const { $schema: _schema, ...expected } = quiz;
    expect(back.quiz).toEqual(expected);
    expect(back.skipped).toEqual([]);
  });

  it('starts with $schema and ends with a newline', () => {
    const text = quizFileText(RICH);
    expect(text.startsWith(`{\n  "$schema": "${QUIZ_SCHEMA_ID}",\n  "title"`)).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('a Kahoot! spreadsheet (.xlsx)', () => {
  const sameQuestions = (quiz: Quiz) => quiz.questions.map((q) => ({ ...q, points: 1000 }));

  it.each(CASES)('of %s imports with the same questions', async (_name, quiz) => {
    const path = join(tmp, 'exported.xlsx');
    writeFileSync(path, await quizToKahootXlsx(quiz));
    const back = await importQuizFile(path);
    expect(back.format).toBe('kahoot-xlsx');
    expect(back.quiz.questions).toEqual(sameQuestions(quiz));
    expect(back.skipped).toEqual([]);
    expect(back.adjusted).toEqual([]);
  });

  it("keeps Kahoot's layout: header on row 8, questions from row 9, numbered in column A", async () => {
    const workbook = new ExcelJS.Workbook();
    writeFileSync(join(tmp, 'layout.xlsx'), await quizToKahootXlsx(RICH));
    await workbook.xlsx.load(readFileSync(join(tmp, 'layout.xlsx')) as never);
    const sheet = workbook.worksheets[0]!;
    const row = (n: number) =>
      Array.from({ length: 8 }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
    expect(row(8)).toEqual(['', ...KAHOOT_HEADER]);
    expect(row(9)).toEqual(['1', 'Two options, 0 points?', 'Yes', 'No', '', '', '5', '2']);
    expect(row(11)).toEqual(['3', '=1+1 looks like a formula', '=2', '-3', '+4', '@5', '240', '1']);
    expect(row(12)).toEqual(['4', 'Ünïcødé 🎉 and 日本語?', '🎉', '日本語', 'Ünï', '', '', '2']);
    // Text that looks like a formula stays text in the cell.
    expect(sheet.getRow(11).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });
});
