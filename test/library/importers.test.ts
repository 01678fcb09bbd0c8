/**
 * Importing the files hosts already have: each format's fixture is taken question by question,
 * and every question left out is reported with its row or line and the reason. A file that
 * cannot be read at all is refused whole, with a message that says why. The importers run on the
 * test's own thread here; import-thread.test.ts runs them on the import thread the hosts use.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sniffTextFormat } from '../../src/main/library/importers/format-detection';
import { importQuizFileHere as importQuizFile } from '../../src/main/library/importers/import-quiz-bytes';
import { plainText } from '../../src/main/library/importers/plain-text';
import { QuizError } from '../../src/shared/quiz/load-quiz';
import { kindsLine } from '../../src/main/library/importers/import-summary';
import type { Question } from '../../src/shared/quiz/quiz-schema';

const FIXTURES = resolve(__dirname, '../fixtures/imports');
const fixture = (name: string) => join(FIXTURES, name);
const tmp = mkdtempSync(join(tmpdir(), 'quizroom-import-'));

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

async function refusal(path: string): Promise<QuizError> {
  try {
    await importQuizFile(path);
  } catch (e) {
    expect(e).toBeInstanceOf(QuizError);
    return e as QuizError;
  }
  throw new Error(`${path} was imported`);
}

const brief = (qs: Question[]) =>
  qs.map((q) => ({
    prompt: q.prompt,
    options: 'options' in q ? q.options : [],
    correct: 'correct' in q ? q.correct : undefined,
    timeLimit: q.timeLimit,
  }));

describe('Kahoot! spreadsheet as CSV', () => {
  it('finds the header below the instructions and takes one question per row', async () => {
    const result = await importQuizFile(fixture('kahoot-template.csv'));
    expect(result.format).toBe('kahoot-csv');
    expect(result.quiz.title).toBe('kahoot-template');
    expect(result.taken).toBe(6);
    expect(brief(result.quiz.questions)).toEqual([
      {
        prompt: 'Which planet is known as the red planet?',
        options: ['Venus', 'Mars', 'Jupiter', 'Saturn'],
        correct: 1,
        timeLimit: 20,
      },
      {
        prompt: 'Which of these are primary colours of light?',
        options: ['Red', 'Yellow', 'Blue', 'Brown'],
        correct: [0, 2],
        timeLimit: 30,
      },
      { prompt: 'Is water wet?', options: ['Yes', 'No'], correct: 0, timeLimit: 10 },
      {
        prompt: 'Which city is called "the Big Apple"?',
        options: ['Chicago', 'New York', 'Boston'],
        correct: 1,
        timeLimit: 60,
      },
      { prompt: 'How many minutes are in a day?', options: ['1440', '1400'], correct: 0, timeLimit: 240 },
      { prompt: 'What is 3 × 3?', options: ['6', '9', '12'], correct: 1, timeLimit: 5 },
    ]);
    expect(result.quiz.questions.every((q) => q.points === 1000)).toBe(true);
    // A row with several correct answers is a multi-select question, and the summary says so.
    expect(result.quiz.questions[1]!.kind).toBe('multi_select');
    expect(result.kinds).toEqual({ choice: 5, multi_select: 1 });
    expect(kindsLine(result.kinds)).toBe('As: 5 multiple choice, 1 multi-select.');
  });

  it('skips what it cannot take, naming the row and the reason', async () => {
    const result = await importQuizFile(fixture('kahoot-template.csv'));
    expect(result.skipped).toEqual([
      { where: 'row 14', reason: 'Correct answer(s) is 3 but Answer 3 is empty' },
      { where: 'row 15', reason: 'the Question cell is empty' },
      { where: 'row 16', reason: 'Time limit "twenty" is not a number of seconds' },
      { where: 'row 18', reason: 'Correct answer(s) "B" is not an answer number (1 to 4)' },
    ]);
  });

  it('clamps time limits into 5-240 s and says so', async () => {
    const result = await importQuizFile(fixture('kahoot-template.csv'));
    expect(result.adjusted).toEqual([
      { where: 'row 13', reason: 'time limit 300 s is outside 5-240 s; set to 240 s' },
      { where: 'row 17', reason: 'time limit 2 s is outside 5-240 s; set to 5 s' },
    ]);
  });

  it('reads semicolon-separated files as European spreadsheets save them', async () => {
    const result = await importQuizFile(fixture('kahoot-semicolon.csv'));
    expect(brief(result.quiz.questions)).toEqual([
      { prompt: 'Welche Farbe hat der Himmel?', options: ['Grün', 'Blau'], correct: 1, timeLimit: 20 },
      {
        prompt: 'Wie viele Beine hat eine Katze?',
        options: ['Zwei', 'Vier', 'Sechs', 'Acht'],
        correct: 1,
        timeLimit: 10,
      },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it('refuses a CSV without the header row', async () => {
    const e = await refusal(fixture('no-header.csv'));
    expect(e.message).toContain('no-header.csv has no header row');
    expect(e.message).toContain(
      '"Question", "Answer 1" to "Answer 4", "Time limit (sec)" and "Correct answer(s)"',
    );
  });

  it('refuses a CSV whose quote is never closed, rather than import half of it', async () => {
    const e = await refusal(fixture('broken-quote.csv'));
    expect(e.message).toMatch(/broken-quote\.csv is not valid CSV at row 2: .*quote is not closed/);
  });

  it('refuses a header without a "Correct answer(s)" column', async () => {
    const path = tempFile('no-correct.csv', 'Question,Answer 1,Answer 2\nWhy?,Because,Just so\n');
    expect((await refusal(path)).message).toContain(
      'the header row (row 1) has no "Correct answer(s)" column',
    );
  });

  it('skips a row with more than four answers', async () => {
    const path = tempFile(
      'six.csv',
      'Question,Answer 1,Answer 2,Answer 3,Answer 4,Answer 5,Answer 6,Correct answer(s)\n' +
        'Pick one,a,b,c,d,e,f,1\nPick two,a,b,,,,,2\n',
    );
    const result = await importQuizFile(path);
    expect(result.taken).toBe(1);
    expect(result.skipped).toEqual([
      { where: 'row 2', reason: 'has 6 answers; a Quizroom question has at most 4' },
    ]);
  });

  it('names the answer column of a repeated answer', async () => {
    const path = tempFile(
      'repeat.csv',
      'Question,Answer 1,Answer 2,Answer 3,Correct answer(s)\nWhich?,Paris,,paris,1\nOk?,yes,no,,1\n',
    );
    const result = await importQuizFile(path);
    expect(result.skipped).toEqual([{ where: 'row 2', reason: 'Answer 3 repeats "paris"' }]);
  });

  it('reads a file saved as Windows-1252 and says it did', async () => {
    const bytes = Buffer.from(
      'Question,Answer 1,Answer 2,Correct answer(s)\nCaf\xe9 or th\xe9?,Caf\xe9,Th\xe9,1\n',
      'latin1',
    );
    const result = await importQuizFile(tempFile('ansi.csv', bytes));
    expect(result.quiz.questions[0]?.prompt).toBe('Café or thé?');
    expect(result.adjusted[0]).toEqual({
      where: 'the whole file',
      reason: 'the file is not UTF-8; it was read as Windows-1252 (save it as UTF-8 if letters look wrong)',
    });
  });
});

describe('Kahoot! spreadsheet as XLSX', () => {
  it('reads the template layout with rich text, numbers, formulas and links', async () => {
    const result = await importQuizFile(fixture('kahoot-template.xlsx'));
    expect(result.format).toBe('kahoot-xlsx');
    expect(brief(result.quiz.questions)).toEqual([
      {
        prompt: 'Which planet is known as the red planet?',
        options: ['Venus', 'Mars', 'Jupiter', 'Saturn'],
        correct: 1,
        timeLimit: 20,
      },
      { prompt: 'Which is not a colour?', options: ['Red', 'Table', 'Blue'], correct: 1, timeLimit: 30 },
      { prompt: 'Which of these are even?', options: ['2', '3', '4', '5'], correct: [0, 2], timeLimit: 20 },
      { prompt: 'How many days are in a week?', options: ['5', '7', '10'], correct: 1, timeLimit: 10 },
      { prompt: 'Where is the answer?', options: ['Here', 'There'], correct: 0, timeLimit: 240 },
    ]);
    expect(result.skipped).toEqual([
      { where: 'row 14', reason: 'Correct answer(s) is 4 but Answer 4 is empty' },
    ]);
    expect(result.adjusted).toEqual([
      { where: 'row 13', reason: 'time limit 500 s is outside 5-240 s; set to 240 s' },
    ]);
  });

  it('refuses a file named .xlsx that is not a workbook', async () => {
    const path = tempFile('fake.xlsx', 'Question,Answer 1\n');
    expect((await refusal(path)).message).toContain('fake.xlsx is not an Excel workbook (.xlsx)');
  });

  it('refuses a damaged workbook', async () => {
    const path = tempFile('cut.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]));
    expect((await refusal(path)).message).toMatch(/cut\.xlsx is not a readable Excel workbook \(\.xlsx\): /);
  });

  it('asks for .xlsx or CSV instead of an old .xls workbook', async () => {
    const path = tempFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect((await refusal(path)).message).toContain('is an old Excel workbook (.xls); save it as .xlsx');
  });
});

describe('Moodle GIFT', () => {
  it('takes multiple choice, multiple answers, true/false, short answer and numerical, as plain text', async () => {
    const result = await importQuizFile(fixture('moodle-questions.gift'));
    expect(result.format).toBe('gift');
    expect(result.quiz.title).toBe('moodle-questions');
    expect(result.quiz.questions.map((q) => [q.kind, q.prompt])).toEqual([
      ['choice', 'Which planet is known as the red planet?'],
      ['true_false', 'Water boils at 100 °C at sea level.'],
      ['true_false', 'The Sun goes round the Earth.'],
      ['number', 'What is the value of pi to two decimals?'],
      ['typed', 'Who wrote Hamlet?'],
      ['multi_select', 'Which of these are prime numbers?'],
      ['choice', 'Which element has the symbol Fe & atomic number 26?'],
      ['choice', 'Which is the largest ocean?'],
      ['choice', 'Which gas do plants take in?'],
      ['multi_select', 'Which of these are even numbers?'],
    ]);
    const [planets, water, sun, pi, hamlet, primes, fe, , , even] = result.quiz.questions;
    expect(planets).toMatchObject({ options: ['Mars', 'Venus', 'Jupiter', 'Saturn'], correct: 0 });
    expect(water).toMatchObject({ correct: true });
    expect(sun).toMatchObject({ correct: false });
    expect(pi).toMatchObject({ correct: 3.14, min: 3.04, max: 3.24, step: 0.001, tolerance: 0.01 });
    expect(hamlet).toMatchObject({ accepted: ['Shakespeare', 'William Shakespeare'] });
    // Partial credit in Moodle (%50% each) is a multi-select: Quizroom's own partial credit applies.
    expect(primes).toMatchObject({ options: ['2', '3', '4'], correct: [0, 1] });
    expect(fe).toMatchObject({ options: ['Iron', 'Lead', 'Gold'], correct: 0 });
    expect(even).toMatchObject({ options: ['2', '4', '3'], correct: [0, 1] });
    expect(result.taken).toBe(10);
    expect(kindsLine(result.kinds)).toBe(
      'As: 4 multiple choice, 2 true/false, 2 multi-select, 1 typed answer, 1 number.',
    );
    expect(result.adjusted).toEqual([
      {
        where: 'line 17',
        reason:
          'numerical answer 3.14 ±0.005 became a slider from 3.04 to 3.24 in steps of 0.001, full points on 3.14 falling to none at ±0.01',
      },
    ]);
  });

  it('skips the kinds it cannot take and broken questions, naming the line', async () => {
    const result = await importQuizFile(fixture('moodle-questions.gift'));
    const kinds =
      'Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions';
    expect(result.skipped).toEqual([
      { where: 'line 15', reason: `an essay question: ${kinds}` },
      { where: 'line 19', reason: `a matching question: ${kinds}` },
      { where: 'line 33', reason: 'has 5 answers; a Quizroom question has at most 4' },
      { where: 'line 43', reason: 'not valid GIFT: expected "}" but end of input found' },
    ]);
  });

  it('stops with a clear error past its parse budget, whatever the file holds', async () => {
    // Just under 5 MB of questions just under the per-question cap: each would be parsed.
    const block = `Which one? {=${'a'.repeat(60 * 1024)} ~b}\n\n`;
    const path = tempFile('huge.gift', block.repeat(80));
    const e = await refusal(path);
    expect(e.message).toMatch(/huge\.gift holds more than 1024 KB of GIFT questions \(stopped at line \d+\)/);
    expect(e.message).toContain('split the question bank into smaller files');
  });

  it('picks GIFT by content when the file has no extension', async () => {
    const result = await importQuizFile(fixture('gift-no-extension'));
    expect(result.format).toBe('gift');
    expect(result.quiz.questions.map((q) => q.prompt)).toEqual(['Two and two make?', 'Seven is odd.']);
  });

  it('refuses a file where no question can be used, listing why', async () => {
    const path = tempFile(
      'essays.gift',
      'Tell me about your day. {}\n\nMatch them. {=a -> b =c -> d =e -> f}\n',
    );
    const e = await refusal(path);
    expect(e.message).toContain('essays.gift has no question Quizroom can use (read as Moodle GIFT)');
    expect(e.problems).toEqual([
      'line 1: an essay question: Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions',
      'line 3: a matching question: Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions',
    ]);
  });
});

describe('Aiken', () => {
  it('takes questions with lettered options and an ANSWER line', async () => {
    const result = await importQuizFile(fixture('aiken-questions.txt'));
    expect(result.format).toBe('aiken');
    expect(brief(result.quiz.questions)).toEqual([
      {
        prompt: 'What is the capital of France?',
        options: ['Berlin', 'Paris', 'Madrid', 'Rome'],
        correct: 1,
        timeLimit: undefined,
      },
      {
        prompt: 'Which metal is liquid at room temperature?',
        options: ['Iron', 'Mercury', 'Copper'],
        correct: 1,
        timeLimit: undefined,
      },
      {
        prompt: 'What colour is the sky on a clear day?',
        options: ['Blue', 'Green'],
        correct: 0,
        timeLimit: undefined,
      },
    ]);
  });

  it('skips a question with no ANSWER line, a wrong letter or five options, naming the line', async () => {
    const result = await importQuizFile(fixture('aiken-questions.txt'));
    expect(result.skipped).toEqual([
      { where: 'line 14', reason: 'no ANSWER line after the options' },
      { where: 'line 19', reason: 'the ANSWER line (line 22) names option C, which is not one of A, B' },
      { where: 'line 24', reason: 'has 5 options; a Quizroom question has at most 4' },
    ]);
  });

  it('skips an answer naming several letters as multi-select', async () => {
    const path = tempFile(
      'multi.txt',
      'Pick?\nA. one\nB. two\nANSWER: A, B\n\nOk?\nA. yes\nB. no\nANSWER: A\n',
    );
    const result = await importQuizFile(path);
    expect(result.skipped).toEqual([
      {
        where: 'line 1',
        reason:
          'the ANSWER line (line 4) says "A, B"; it must name one option letter (multi-select is not supported)',
      },
    ]);
  });
});

describe('files that cannot be read', () => {
  it('refuses an empty file', async () => {
    expect((await refusal(fixture('empty.gift'))).message).toBe(`${fixture('empty.gift')} is empty.`);
  });

  it('refuses a file of blank space', async () => {
    expect((await refusal(tempFile('blank.txt', '  \n\n\t\n'))).message).toContain(
      'is empty (it holds only blank space)',
    );
  });

  it('refuses a binary file', async () => {
    const e = await refusal(fixture('binary.txt'));
    expect(e.message).toContain('binary.txt is not a text file (it holds binary data)');
  });

  it('refuses a binary file whatever its extension says', async () => {
    const path = join(tmp, 'picture.gift');
    copyFileSync(fixture('binary.txt'), path);
    expect((await refusal(path)).message).toContain('is not a text file');
  });

  it('refuses text it cannot place, naming the formats it knows', async () => {
    const e = await refusal(tempFile('notes.txt', 'Buy milk.\nCall Ada.\n'));
    expect(e.message).toContain('Cannot tell what kind of quiz file');
    expect(e.message).toContain('Moodle GIFT (.gift or .txt) and Aiken (.txt)');
  });

  it('refuses a missing file and a folder', async () => {
    expect((await refusal(join(tmp, 'missing.gift'))).message).toMatch(/missing\.gift: no such file\.$/);
    expect((await refusal(tmp)).message).toMatch(/it is a folder\.$/);
  });
});

describe('native quiz files', () => {
  it('load as before, with every question taken', async () => {
    const result = await importQuizFile(fixture('science.json'));
    expect(result).toMatchObject({ format: 'json', taken: 2, skipped: [], adjusted: [] });
    expect(result.quiz.title).toBe('Science basics');
    expect(result.quiz.questions[1]).toMatchObject({ points: 2000 });
  });

  it('still name the line and column of a JSON error', async () => {
    const e = await refusal(tempFile('broken.json', '{\n  "title": "Oops",\n  "questions": [,]\n}\n'));
    expect(e.message).toMatch(/broken\.json is not valid JSON at line 3, column \d+/);
  });

  it('are found by content in a .txt file', async () => {
    const path = join(tmp, 'quiz.txt');
    copyFileSync(fixture('science.json'), path);
    expect((await importQuizFile(path)).format).toBe('json');
  });
});

describe('format sniffing', () => {
  it.each([
    ['{"title":"x","questions":[]}', 'json'],
    ['Q?\nA. a\nB. b\nANSWER: A\n', 'aiken'],
    ['Q? {=a ~b}', 'gift'],
    ['// comment\n::T:: Q? {T}', 'gift'],
    [',Question - max 120 characters,Answer 1 - max 75 characters\n', 'kahoot-csv'],
    ['hello', null],
  ])('%j is %s', (text, format) => {
    expect(sniffTextFormat(text)).toBe(format);
  });
});

describe('plain text from markup', () => {
  it.each([
    ['<p>Who is <b>buried</b>&nbsp;here?</p>', 'html', 'Who is buried here?'],
    ['Is 3 < 5 and 7 > 6?', 'html', 'Is 3 < 5 and 7 > 6?'],
    ['A &amp; B &#8211; &#x263A;', 'html', 'A & B – ☺'],
    ['The **largest** _ocean_ [on Earth](https://x.invalid)', 'markdown', 'The largest ocean on Earth'],
    ['snake_case stays', 'markdown', 'snake_case stays'],
    ['  two\n lines ', 'plain', 'two lines'],
  ] as const)('%j (%s) reads %j', (text, markup, expected) => {
    expect(plainText(text, markup)).toBe(expected);
  });
});
