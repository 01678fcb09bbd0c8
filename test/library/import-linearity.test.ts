/**
 * Imports do work in step with the file's size, whatever the file holds. Every scanner counts
 * the characters it looks at and every parser the input it is handed (work-meter.ts); for each
 * crafted worst case the count at 2n must stay about twice the count at n and within a small
 * multiple of the input. No clock is read. Then each worst case at 5 MB is taken or refused with
 * a message that says what was wrong and where.
 */
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/shared/quiz/json-syntax';
import { sniffTextFormat } from '../../src/main/library/importers/format-detection';
import { MAX_LISTED_NOTES, MAX_QUOTED_CHARS } from '../../src/main/library/importers/import-limits';
import { importQuizBytes } from '../../src/main/library/importers/import-quiz-bytes';
import type { ImportResult } from '../../src/main/library/importers/import-result';
import { plainText } from '../../src/main/library/importers/plain-text';
import { StepCounter, type WorkMeter } from '../../src/main/library/importers/work-meter';
import { QuizError } from '../../src/shared/quiz/load-quiz';

/** About 256 K characters: large enough that a quadratic scan would count 256 K times more. */
const N = 256 * 1024;
const FIVE_MB = 5 * 1024 * 1024 - 1024;

/** Text of about `size` characters: `head`, `unit` repeated, `tail`. */
const sized = (size: number, unit: string, head = '', tail = '') =>
  head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;

function expectLinear(
  make: (size: number) => string,
  run: (text: string, meter: WorkMeter) => unknown,
): void {
  const steps = (size: number) => {
    const text = make(size);
    const meter = new StepCounter();
    try {
      run(text, meter);
    } catch (e) {
      if (!(e instanceof QuizError)) throw e;
    }
    return { steps: meter.steps, length: text.length };
  };
  const once = steps(N);
  const twice = steps(2 * N);
  // Linear: twice the input, about twice the work (not four times), and a few steps per character.
  expect(twice.steps / once.steps).toBeGreaterThan(1.6);
  expect(twice.steps / once.steps).toBeLessThan(2.3);
  expect(once.steps).toBeLessThan(40 * once.length);
}

const bytes = (text: string) => new TextEncoder().encode(text);

async function imported(name: string, text: string): Promise<ImportResult> {
  return importQuizBytes(bytes(text), name);
}

async function refusal(name: string, text: string): Promise<string> {
  try {
    await imported(name, text);
  } catch (e) {
    expect(e).toBeInstanceOf(QuizError);
    return (e as QuizError).message;
  }
  throw new Error(`${name} was imported`);
}

const AIKEN_QUESTION = 'Which planet is red?\nA. Venus\nB. Mars\nANSWER: B\n';
const GIFT_QUESTION = 'Which planet is red? {~Venus =Mars}\n\n';
const CSV_HEADER = 'Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)\n';

/** Worst cases for a whole import: file name, the text at about `size`, and what must happen. */
const WORST_CASES: {
  name: string;
  file: string;
  make: (size: number) => string;
  outcome: (text: string) => Promise<void>;
}[] = [
  {
    name: 'blank lines after a question (format sniffed)',
    file: 'quiz.txt',
    make: (size) => sized(size, '\n', AIKEN_QUESTION),
    outcome: async (text) => expect((await imported('quiz.txt', text)).taken).toBe(1),
  },
  {
    name: 'blank lines around one word (format sniffed)',
    file: 'notes.txt',
    make: (size) => sized(size, '\n \t\n', 'x\n', 'y'),
    outcome: async (text) =>
      expect(await refusal('notes.txt', text)).toMatch(/^Cannot tell what kind of quiz file notes\.txt is/),
  },
  {
    name: 'answer braces never closed (format sniffed)',
    file: 'braces.txt',
    make: (size) => sized(size, 'x {= ', '', '}'),
    outcome: async (text) =>
      expect(await refusal('braces.txt', text)).toMatch(
        /line 1: this question is \d+ KB long and was not read; Quizroom reads GIFT questions of up to 64 KB/,
      ),
  },
  {
    name: 'header words after long runs of tabs (format sniffed)',
    file: 'tabs.txt',
    make: (size) => sized(size, '\t\t\t\tquestionnaire\t', 'a', '\n'),
    outcome: async (text) => expect(await refusal('tabs.txt', text)).toMatch(/^Cannot tell what kind/),
  },
  {
    name: 'an Aiken ANSWER line with a long run of spaces',
    file: 'long.aiken',
    make: (size) => sized(size, ' ', 'Q?\nA. a\nB. b\nANSWER: x', 'y'),
    outcome: async (text) => {
      const message = await refusal('long.aiken', text);
      expect(message).toContain('line 1: the ANSWER line (line 4) says "x');
      expect(message).toContain('it must name one option letter');
      expect(message.length).toBeLessThan(400 + MAX_QUOTED_CHARS);
    },
  },
  {
    name: 'Aiken ANSWER lines with no question',
    file: 'answers.aiken',
    make: (size) => sized(size, 'ANSWER: A\n', AIKEN_QUESTION),
    outcome: async (text) => {
      const result = await imported('answers.aiken', text);
      expect(result.taken).toBe(1);
      expect(result.skipped).toHaveLength(MAX_LISTED_NOTES + 1);
      expect(result.skipped[0]).toEqual({
        where: 'line 5',
        reason: 'an ANSWER line with no question before it',
      });
      expect(result.skipped.at(-1)!.reason).toContain(`only the first ${MAX_LISTED_NOTES} are listed`);
      expect(result.unlistedSkipped).toBeGreaterThan(400_000);
    },
  },
  {
    name: 'a GIFT question of escaped braces',
    file: 'escapes.gift',
    make: (size) => sized(size, '\\{\\}\\~\\=\\#', '::T:: Q ', ' {=a ~b}'),
    outcome: async (text) =>
      expect(await refusal('escapes.gift', text)).toMatch(
        /line 1: this question is \d+ KB long and was not read/,
      ),
  },
  {
    name: 'GIFT questions full of unclosed markup',
    file: 'markup.gift',
    make: (size) =>
      sized(
        size,
        `[html]${'<script><p <!-- <img alt\\="x '.repeat(200)} {=a ~b}\n\n` +
          `[markdown]${' *a _b **c `d [e ![f'.repeat(200)} {=a ~b}\n\n${GIFT_QUESTION}`,
      ),
    // Each crafted question is parsed (and, stripped of its markup, still too long to show) until
    // the parse budget for the whole file runs out.
    outcome: async (text) =>
      expect(await refusal('markup.gift', text)).toMatch(
        /markup\.gift holds more than 1024 KB of GIFT questions \(stopped at line \d+\)/,
      ),
  },
  {
    name: 'JSON nested a million levels deep',
    file: 'deep.json',
    make: (size) => sized(size, '['),
    outcome: async (text) =>
      expect(await refusal('deep.json', text)).toBe(
        `deep.json is not valid JSON at line 1, column ${text.length + 1}: expected a value but found the end of the file.`,
      ),
  },
  {
    name: 'JSON questions nested deep but well formed',
    file: 'nested.json',
    make: (size) => {
      const depth = Math.floor((size - 20) / 2);
      return `{"questions":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    },
    outcome: async (text) =>
      expect(await refusal('nested.json', text)).toMatch(/^nested\.json is not a valid quiz:\n {2}title: /),
  },
  {
    name: 'a CSV header with thousands of answer columns, then many rows',
    file: 'wide.csv',
    make: (size) => {
      const header = `Question,Correct answer(s),${Array.from({ length: 5000 }, (_, i) => `Answer ${i + 1}`).join(',')}\n`;
      return sized(size, 'Which planet is red?,2,Venus,Mars\n', header);
    },
    outcome: async (text) => {
      const result = await imported('wide.csv', text);
      expect(result.taken).toBe(500);
    },
  },
  {
    name: 'a CSV row of millions of cells',
    file: 'cells.csv',
    make: (size) => sized(size, ',', `${CSV_HEADER}Which planet is red?,Venus,Mars,,,20,2\n`, 'x\n'),
    outcome: async (text) => {
      const result = await imported('cells.csv', text);
      expect(result.taken).toBe(1);
      expect(result.skipped).toEqual([]);
    },
  },
  {
    name: 'a CSV quote never closed',
    file: 'quote.csv',
    make: (size) => sized(size, 'x,', `${CSV_HEADER}"Which planet`),
    outcome: async (text) =>
      expect(await refusal('quote.csv', text)).toMatch(
        /^quote\.csv is not valid CSV at row 2: .*\(a quote is not closed\)\.$/,
      ),
  },
  {
    name: 'a CSV of blank rows after the header',
    file: 'blank.csv',
    make: (size) => sized(size, '\n', CSV_HEADER),
    outcome: async (text) =>
      expect(await refusal('blank.csv', text)).toMatch(
        /has no question Quizroom can use.*\n {2}no questions found/,
      ),
  },
];

describe('an import of a crafted file', () => {
  it.each(WORST_CASES)('does work linear in the size of $name', ({ file, make }) => {
    const run = async (text: string, meter: WorkMeter) => importQuizBytes(bytes(text), file, meter);
    return expectLinearAsync(make, run);
  });

  it.each(WORST_CASES)('takes or refuses $name at 5 MB, saying what and where', async ({ make, outcome }) => {
    const text = make(FIVE_MB);
    expect(bytes(text).length).toBeLessThanOrEqual(5 * 1024 * 1024);
    await outcome(text);
  });
});

async function expectLinearAsync(
  make: (size: number) => string,
  run: (text: string, meter: WorkMeter) => Promise<unknown>,
): Promise<void> {
  const steps = async (size: number) => {
    const meter = new StepCounter();
    const text = make(size);
    await run(text, meter).catch((e: unknown) => {
      if (!(e instanceof QuizError)) throw e;
    });
    return { steps: meter.steps, length: text.length };
  };
  const once = await steps(N);
  const twice = await steps(2 * N);
  expect(twice.steps / once.steps).toBeGreaterThan(1.6);
  expect(twice.steps / once.steps).toBeLessThan(2.3);
  expect(once.steps).toBeLessThan(40 * once.length);
}

describe('the scanners on their own', () => {
  it.each([
    ['blank lines', (size: number) => sized(size, '\n', 'x\n', 'y')],
    ['unclosed answer braces', (size: number) => sized(size, '{= ')],
    ['"questions" keys with no colon', (size: number) => sized(size, '"questions"   ', '{')],
    ['ANSWER lines of spaces', (size: number) => sized(size, ' ', 'ANSWER', ':')],
  ])('sniffing is linear in %s', (_name, make) =>
    expectLinear(make, (text, meter) => sniffTextFormat(text, meter)),
  );

  it.each([
    ['unclosed <script>', 'html', '<script>'],
    ['unclosed comments', 'html', '<!-- '],
    ['<img> without alt', 'html', '<img src="x" alt=x '],
    ['tags never closed', 'html', '<p class=a '],
    ['entities never closed', 'html', '&#x1234'],
    ['emphasis never closed', 'markdown', ' *a _b'],
    ['strong never closed', 'markdown', '**a __b '],
    ['links never closed', 'markdown', '[a ![b '],
    ['links without a url', 'markdown', '[a](b [c]'],
    ['code never closed', 'markdown', 'a`'],
  ] as const)('markup is stripped in linear work with %s', (_name, markup, unit) =>
    expectLinear(
      (size) => sized(size, unit),
      (text, meter) => plainText(text, markup, meter),
    ),
  );

  it.each([
    ['nesting', '['],
    ['objects', '{"a":'],
    ['a string never closed', 'a'],
    ['numbers', '1234567890,'],
  ])('the JSON error scanner is linear in %s', (_name, unit) =>
    expectLinear(
      (size) => sized(size, unit, unit === 'a' ? '"' : unit === '1234567890,' ? '[' : ''),
      (text, meter) => findJsonSyntaxError(text, meter),
    ),
  );
});
