/**
 * The quiz library, imports and game reports as the desktop window reaches them through
 * DesktopSession (plain Node, a temporary library folder): what the editor, the Library screen
 * and the Reports screen rely on.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppState, QuizDraft } from '../../src/shared/api/quiz-api';
import { ensureBuilt } from '../support/built-app';
import { newDesktopSession, stopDesktopSessions, untilState } from '../support/desktop-sessions';
import { samplePicture } from '../support/media-samples';

const FIXTURES = resolve(__dirname, '../fixtures/imports');
beforeAll(async () => {
  await ensureBuilt();
}, 6 * 60_000);
afterEach(stopDesktopSessions);

const titles = (s: AppState) =>
  s.desktop!.library.map((e) => (e.status === 'ok' ? e.title : `broken ${e.id}`));

describe('the quiz library through the desktop session', () => {
  it('lists the built-in pack first, read-only, and offers it to Host setup', async () => {
    const { session } = newDesktopSession();
    const state = await untilState(session, (s) => s.desktop!.library.length > 0, 'the library to be listed');
    expect(state.desktop!.library.every((e) => e.status === 'ok' && e.builtin && e.readOnly)).toBe(true);
    expect(state.quizzes.map((q) => q.id)).toEqual(state.desktop!.library.map((e) => e.id));
  });

  it('creates, edits, keeps an invalid edit as a draft, saves, duplicates and deletes a quiz', async () => {
    const { session, libraryDir } = newDesktopSession();
    await untilState(session, (s) => s.desktop!.library.length > 0, 'the library');
    const created = await session.createQuiz();
    expect(created).toEqual({ ok: true, id: 'new-quiz' });
    expect(titles(session.getState())).toContain('New quiz');
    expect(session.getState().quizzes.at(-1)).toMatchObject({
      id: 'new-quiz',
      title: 'New quiz',
      questionCount: 1,
    });

    const opened = await session.openQuiz('new-quiz');
    expect(opened).toMatchObject({ ok: true, readOnly: false, draft: false, quiz: { title: 'New quiz' } });

    // An empty option: kept as a draft, with the problem named by field, and the quiz file untouched.
    const draft: QuizDraft = {
      title: 'Rivers',
      questions: [
        { kind: 'choice', prompt: 'Longest river?', options: ['Nile', ''], correct: 0, points: 1000 },
      ],
    };
    const invalid = await session.saveQuiz('new-quiz', draft);
    expect(invalid).toMatchObject({
      ok: false,
      code: 'invalid_quiz',
      draftSaved: true,
      problems: [{ path: ['questions', 0, 'options', 1], message: 'must not be empty' }],
    });
    expect(JSON.parse(readFileSync(join(libraryDir, 'new-quiz.json'), 'utf8')).title).toBe('New quiz');
    expect(await session.openQuiz('new-quiz')).toMatchObject({ ok: true, draft: true, quiz: draft });
    // The draft folder is not a quiz.
    expect(titles(session.getState()).filter((t) => t.startsWith('broken'))).toEqual([]);

    const fixed: QuizDraft = {
      ...draft,
      questions: [
        {
          ...(draft.questions[0] as Extract<QuizDraft['questions'][number], { kind: 'choice' }>),
          options: ['Nile', 'Amazon'],
          timeLimit: 20,
          points: 2000,
        },
      ],
    };
    expect(await session.saveQuiz('new-quiz', fixed)).toEqual({ ok: true });
    const onDisk = JSON.parse(readFileSync(join(libraryDir, 'new-quiz.json'), 'utf8'));
    expect(onDisk).toMatchObject({
      title: 'Rivers',
      questions: [{ options: ['Nile', 'Amazon'], timeLimit: 20, points: 2000 }],
    });
    expect(onDisk.$schema).toBeTruthy();
    expect(await session.openQuiz('new-quiz')).toMatchObject({
      ok: true,
      draft: false,
      quiz: { title: 'Rivers' },
    });
    expect(titles(session.getState())).toContain('Rivers');

    const copy = await session.duplicateQuiz('builtin:science');
    expect(copy).toMatchObject({ ok: true });
    const copyId = (copy as { id: string }).id;
    expect(await session.openQuiz(copyId)).toMatchObject({
      ok: true,
      readOnly: false,
      quiz: { title: 'Science (copy)' },
    });
    expect(await session.saveQuiz('builtin:science', fixed)).toMatchObject({ ok: false, code: 'read_only' });
    expect(await session.openQuiz('builtin:science')).toMatchObject({ ok: true, readOnly: true });

    expect(await session.deleteQuiz('builtin:science')).toMatchObject({ ok: false, code: 'read_only' });
    expect(await session.deleteQuiz('new-quiz')).toEqual({ ok: true });
    expect(await session.deleteQuiz('new-quiz')).toMatchObject({ ok: false, code: 'not_found' });
    expect(titles(session.getState())).not.toContain('Rivers');
    expect(await session.openQuiz('new-quiz')).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('imports a GIFT file into the library, saying what it took and what it skipped', async () => {
    const { session, pick, libraryDir } = newDesktopSession();
    expect(await session.importQuiz()).toMatchObject({ ok: false, code: 'cancelled' });
    pick(join(FIXTURES, 'moodle-questions.gift'));
    const result = await session.importQuiz();
    expect(result).toMatchObject({
      ok: true,
      id: 'moodle-questions',
      format: 'Moodle GIFT',
      taken: 10,
      kinds: 'As: 4 multiple choice, 2 true/false, 2 multi-select, 1 typed answer, 1 number.',
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.skipped).toHaveLength(4);
    expect(result.skipped[0]).toEqual({
      where: 'line 15',
      reason:
        'an essay question: Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions',
    });
    expect(
      session.getState().quizzes.some((q) => q.id === 'moodle-questions' && q.questionCount === 10),
    ).toBe(true);

    // A file that cannot be read is refused whole: nothing half-imported.
    pick(join(FIXTURES, 'binary.txt'));
    expect(await session.importQuiz()).toMatchObject({ ok: false, code: 'invalid_quiz' });
    expect(readdirSync(libraryDir).filter((n) => n.endsWith('.json'))).toEqual(['moodle-questions.json']);
  });

  it('adds a picture, exports the quiz as a package and imports it into another library with its media', async () => {
    const from = newDesktopSession();
    await untilState(from.session, (s) => s.desktop!.library.length > 0, 'the library');
    const added = await from.session.addMedia('map.png', await samplePicture(120, 90, 'image/png'));
    if (!added.ok) throw new Error(added.message);
    const { id } = (await from.session.createQuiz()) as { id: string };
    const quiz: QuizDraft = {
      title: 'Maps',
      questions: [
        { kind: 'choice', prompt: 'Which country?', image: added.ref, options: ['A', 'B'], correct: 0 },
      ],
    };
    expect(await from.session.saveQuiz(id, quiz)).toEqual({ ok: true });
    expect(await from.session.exportQuiz(id)).toEqual({ ok: true });
    const exported = from.saved.at(-1)!;
    expect(exported.name).toBe('maps.quizroom');

    const to = newDesktopSession();
    const file = join(to.libraryDir, '..', `${id}-${Date.now()}.quizroom`);
    writeFileSync(file, exported.content);
    to.pick(file);
    const result = await to.session.importQuiz();
    rmSync(file);
    expect(result).toMatchObject({ ok: true, format: 'Quizroom package', taken: 1, media: 1 });
    expect(readdirSync(join(to.libraryDir, 'media'))).toEqual([added.ref]);
  });

  it('saves a report of every game hosted, lists it, opens it and exports it as CSV and XLSX', async () => {
    const { session, saved } = newDesktopSession();
    await untilState(session, (s) => s.desktop!.library.length > 0, 'the library');
    expect(session.getState().desktop!.reports).toEqual([]);
    const result = await session.hostRoom({
      quizId: 'builtin:science',
      roomName: 'Lab',
      minPlayers: 0,
      questionSeconds: 5,
      pin: false,
      playToo: true,
      nickname: 'Teacher',
    });
    expect(result).toEqual({ ok: true });
    await untilState(session, (s) => s.player?.you, 'the host to play too');
    session.start();
    // The host's screen and the host's player are two sockets: the player must have the question.
    await untilState(session, (s) => s.player?.phase === 'question', 'the first question');
    session.answer(0);
    // The End goes on the host's socket: it must not overtake the answer.
    await untilState(session, (s) => s.player?.you?.answer, 'the answer to be acknowledged');
    session.end();
    const listed = await untilState(
      session,
      (s) => s.desktop!.reports.length === 1,
      'the report to be saved',
    );
    const summary = listed.desktop!.reports[0]!;
    expect(summary).toMatchObject({ status: 'ok', roomName: 'Lab', quizTitle: 'Science', playerCount: 1 });

    const opened = await session.openReport(summary.id);
    if (!opened.ok) throw new Error(opened.message);
    expect(opened.report.players.map((p) => p.name)).toEqual(['Teacher']);
    expect(opened.report.questions[0]).toMatchObject({ number: 1, status: 'played', answered: 1 });

    expect(await session.exportReport(summary.id, 'csv')).toEqual({ ok: true });
    expect(await session.exportReport(summary.id, 'xlsx')).toEqual({ ok: true });
    const [csv, xlsx] = saved;
    expect(csv!.name).toMatch(/\.csv$/);
    expect(csv!.content as string).toContain('Teacher');
    expect(xlsx!.name).toMatch(/\.xlsx$/);
    expect(xlsx!.content).toBeInstanceOf(Uint8Array);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(xlsx!.content as Uint8Array) as never);
    expect(book.worksheets.length).toBeGreaterThan(1);

    expect(await session.openReport('nope')).toMatchObject({ ok: false, code: 'not_found' });
    expect(await session.deleteReport(summary.id)).toEqual({ ok: true });
    expect(session.getState().desktop!.reports).toEqual([]);
  });
});
