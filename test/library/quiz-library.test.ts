/**
 * The quiz library folder: lists the built-in pack and every quiz file (a broken file shows as
 * an entry with its error, never breaks the list), and creates, saves, duplicates, deletes and
 * imports quizzes as portable `.json` files with `$schema`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { LibraryError, QuizLibrary } from '../../src/main/library/quiz-library';
import { builtinPack } from '../../src/shared/quiz/builtin-pack';
import { QuizError } from '../../src/shared/quiz/load-quiz';
import { QUIZ_SCHEMA_ID } from '../../src/shared/quiz/quiz-schema';
import { choice } from '../support/choice-question';

const root = mkdtempSync(join(tmpdir(), 'quizroom-library-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folder: string;
let library: QuizLibrary;
let n = 0;
beforeEach(() => {
  folder = join(root, `lib-${++n}`);
  library = new QuizLibrary(folder);
});

const QUIZ = {
  title: 'Capitals',
  questions: [{ kind: 'choice', prompt: 'Capital of Peru?', options: ['Lima', 'Quito'], correct: 0 }],
};

describe('listing', () => {
  it('shows the built-in pack, read-only, even in a folder that does not exist yet', async () => {
    const list = await library.list();
    expect(list.map((e) => e.id)).toEqual(builtinPack().map((p) => `builtin:${p.id}`));
    expect(list.every((e) => e.status === 'ok' && e.readOnly && e.builtin && e.modifiedAt === null)).toBe(
      true,
    );
    expect(readdirSync(folder)).toEqual([]);
  });

  it('lists a broken file with its error, and the good quizzes beside it', async () => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'good.json'), JSON.stringify(QUIZ));
    writeFileSync(join(folder, 'syntax.json'), '{\n  "title": "Oops",\n  "questions": [,]\n}\n');
    writeFileSync(
      join(folder, 'schema.json'),
      JSON.stringify({
        title: 'Bad',
        questions: [{ kind: 'choice', prompt: 'Q?', options: ['a', 'b'], correct: 5 }],
      }),
    );
    writeFileSync(join(folder, 'binary.json'), Buffer.from([0, 1, 2, 3, 255]));
    writeFileSync(join(folder, 'notes.txt'), 'not a quiz');
    writeFileSync(join(folder, '.good.json.123-abc.tmp'), 'half a write');

    const list = (await library.list()).filter((e) => !e.id.startsWith('builtin:'));
    expect(list.map((e) => [e.id, e.status])).toEqual([
      ['good', 'ok'],
      ['binary', 'broken'],
      ['schema', 'broken'],
      ['syntax', 'broken'],
    ]);
    expect(list[0]).toMatchObject({ title: 'Capitals', questionCount: 1, readOnly: false, builtin: false });
    expect(Date.parse(list[0]!.modifiedAt!)).toBeGreaterThan(Date.now() - 60_000);
    const broken = Object.fromEntries(list.filter((e) => e.status === 'broken').map((e) => [e.id, e]));
    expect(broken.syntax).toMatchObject({ fileName: 'syntax.json' });
    expect(broken.syntax!.status === 'broken' && broken.syntax!.error).toMatch(
      /syntax\.json is not valid JSON at line 3, column \d+/,
    );
    expect(broken.schema!.status === 'broken' && broken.schema!.problems).toEqual([
      'question 1, correct: points at option 6 but there are only 2 options (it counts from 0)',
    ]);
    expect(broken.binary!.status === 'broken' && broken.binary!.error).toContain(
      'binary.json is not valid JSON',
    );
  });
});

describe('editing', () => {
  it('creates a quiz file named after the title, with $schema first', async () => {
    const entry = await library.create(QUIZ);
    expect(entry).toMatchObject({ status: 'ok', id: 'capitals', title: 'Capitals', questionCount: 1 });
    const text = readFileSync(join(folder, 'capitals.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({
      $schema: QUIZ_SCHEMA_ID,
      ...QUIZ,
      questions: [{ ...QUIZ.questions[0], points: 1000 }],
    });
    expect(text.indexOf('"$schema"')).toBe(4);
  });

  it('gives a second quiz with the same title its own file', async () => {
    await library.create(QUIZ);
    expect((await library.create(QUIZ)).id).toBe('capitals-2');
    expect((await library.create({ ...QUIZ, title: 'Çapitals!' })).id).toBe('capitals-3');
  });

  it('saves over a quiz and reads it back', async () => {
    const { id } = await library.create(QUIZ);
    await library.save(id, { ...QUIZ, title: 'Capitals of South America' });
    expect((await library.read(id)).title).toBe('Capitals of South America');
    expect(readdirSync(folder)).toEqual(['capitals.json']);
  });

  it('refuses to save an invalid quiz, naming the question and the field, and keeps the old file', async () => {
    const { id } = await library.create(QUIZ);
    const bad = { ...QUIZ, questions: [{ ...QUIZ.questions[0], options: ['Lima', 'lima'] }] };
    await expect(library.save(id, bad)).rejects.toThrow(QuizError);
    await expect(library.save(id, bad)).rejects.toThrow('question 1, options[1]: repeats "lima"');
    expect(choice((await library.read(id)).questions[0]).options).toEqual(['Lima', 'Quito']);
  });

  it('duplicates a quiz, built-in ones too', async () => {
    const { id } = await library.create(QUIZ);
    expect(await library.duplicate(id)).toMatchObject({ id: 'capitals-copy', title: 'Capitals (copy)' });
    const science = builtinPack().find((p) => p.id === 'science')!;
    const copy = await library.duplicate('builtin:science');
    expect(copy).toMatchObject({ title: `${science.quiz.title} (copy)`, readOnly: false });
    expect((await library.read(copy.id)).questions).toEqual(science.quiz.questions);
  });

  it('deletes a quiz', async () => {
    const { id } = await library.create(QUIZ);
    await library.delete(id);
    expect(readdirSync(folder)).toEqual([]);
    await expect(library.delete(id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('keeps the built-in pack read-only', async () => {
    await expect(library.save('builtin:science', QUIZ)).rejects.toMatchObject({ code: 'read_only' });
    await expect(library.delete('builtin:science')).rejects.toMatchObject({ code: 'read_only' });
    await expect(library.read('builtin:nope')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses ids that would leave the folder', async () => {
    for (const id of ['../escape', 'a/b', '.hidden', 'c:\\x']) {
      await expect(library.save(id, QUIZ)).rejects.toBeInstanceOf(LibraryError);
      await expect(library.read(id)).rejects.toMatchObject({ code: 'invalid_id' });
    }
  });

  it('says which quiz is missing', async () => {
    await expect(library.read('nothing')).rejects.toThrow(`There is no quiz "nothing" in ${folder}.`);
  });
});

describe('importing', () => {
  it('copies an imported quiz in as JSON and reports what it skipped', async () => {
    const { entry, summary } = await library.importFile(
      resolve(__dirname, '../fixtures/imports/aiken-questions.txt'),
    );
    expect(entry).toMatchObject({ id: 'aiken-questions', title: 'aiken-questions', questionCount: 3 });
    expect(summary.skipped).toHaveLength(3);
    const saved = JSON.parse(readFileSync(join(folder, 'aiken-questions.json'), 'utf8'));
    expect(saved.$schema).toBe(QUIZ_SCHEMA_ID);
    expect(await library.read(entry.id)).toEqual(summary.quiz);
  });

  it('adds nothing when the file cannot be read', async () => {
    await expect(library.importFile(resolve(__dirname, '../fixtures/imports/binary.txt'))).rejects.toThrow(
      QuizError,
    );
    expect((await library.list()).filter((e) => !e.id.startsWith('builtin:'))).toEqual([]);
  });
});
