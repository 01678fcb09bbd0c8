/**
 * Game reports: built from the engine's state at game over (leaderboard, per-question answers,
 * per-question statistics), saved and listed by the report store, and exported as CSV and XLSX,
 * each export checked cell by cell after reading it back.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../src/main/library/importers/kahoot-xlsx';
import { buildGameReport } from '../../src/main/reports/build-game-report';
import type { GameReport } from '../../src/main/reports/game-report';
import { reportCsv, reportQuestionsCsv } from '../../src/main/reports/report-csv';
import { ReportError, ReportStore } from '../../src/main/reports/report-store';
import { reportFileName } from '../../src/main/reports/report-values';
import { reportXlsx } from '../../src/main/reports/report-xlsx';
import { EngineHarness, T0 } from '../support/engine-harness';
import type { GameRecord } from '../../src/main/game';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';

const QUIZ = parseQuiz({
  title: 'Report quiz',
  questions: [
    {
      kind: 'choice',
      prompt: 'Red planet?',
      options: ['Mars', 'Venus', 'Jupiter', 'Saturn'],
      correct: 0,
      timeLimit: 20,
    },
    { kind: 'choice', prompt: 'Largest ocean?', options: ['Atlantic', 'Pacific', 'Indian'], correct: 1 },
    { kind: 'choice', prompt: 'Is water wet?', options: ['True', 'False'], correct: 0, points: 2000 },
  ],
});

/**
 * Ada is right on question 1 at 1 s, Bob wrong at 3 s, "=Cy" (a name a spreadsheet would run)
 * does not answer. The host skips question 2 after Ada answered it, then ends the game before
 * question 3. The game starts at T0 (the host's Start). "=Cy" gets double time after question 1
 * (it counts from question 2, which is skipped: no time is added).
 */
function playGame(): EngineHarness {
  const h = new EngineHarness(QUIZ, { questionSeconds: 10, minPlayers: 0 });
  const [ada, bob, cy] = h.joinAll('Ada', 'Bob', '=Cy');
  h.startGame();
  h.atElapsed(1000).answer(ada!, 0);
  h.atElapsed(3000).answer(bob!, 2);
  h.closeQuestion();
  h.host({ type: 'extra_time', playerId: cy!, factor: 2 });
  h.toQuestion(1);
  h.atElapsed(2000).answer(ada!, 1);
  h.host({ type: 'skip' });
  h.host({ type: 'end' });
  expect(h.state.phase).toBe('finished');
  return h;
}

/** The record the engine handed out with game over. */
function recordOf(h: EngineHarness): GameRecord {
  const over = h.last.find((e) => e.kind === 'game_over');
  if (!over) throw new Error('the last step did not end the game');
  return over.record;
}

function report(): GameReport {
  return buildGameReport(recordOf(playGame()), 'Room 101');
}

describe('building a report', () => {
  it('ranks the players with their score, right answers and time', () => {
    const r = report();
    expect(
      r.players.map((p) => [p.rank, p.name, p.score, p.correctCount, p.totalTimeMs, p.connected]),
    ).toEqual([
      [1, 'Ada', 975, 1, 1000, true],
      [2, 'Bob', 0, 0, 3000, true],
      [3, '=Cy', 0, 0, 20_000, true],
    ]);
  });

  it("keeps every player's answer to every question", () => {
    const r = report();
    expect(r.players.map((p) => p.answers)).toEqual([
      [
        { option: 0, answer: 'Mars', correct: true, credit: 1, elapsedMs: 1000, points: 975 },
        { option: 1, answer: 'Pacific', correct: true, credit: 1, elapsedMs: 2000, points: 0 },
        null,
      ],
      [{ option: 2, answer: 'Jupiter', correct: false, credit: 0, elapsedMs: 3000, points: 0 }, null, null],
      [null, null, null],
    ]);
  });

  it('gives each question its correct option, status and statistics', () => {
    const r = report();
    expect(r.questions).toEqual([
      {
        number: 1,
        prompt: 'Red planet?',
        kind: 'choice',
        rightAnswer: 'Mars',
        options: ['Mars', 'Venus', 'Jupiter', 'Saturn'],
        correct: 0,
        points: 1000,
        timeLimitS: 20,
        status: 'played',
        answered: 2,
        right: 1,
        averageTimeMs: 2000,
        optionCounts: [1, 0, 1, 0],
      },
      {
        number: 2,
        prompt: 'Largest ocean?',
        kind: 'choice',
        rightAnswer: 'Pacific',
        options: ['Atlantic', 'Pacific', 'Indian'],
        correct: 1,
        points: 1000,
        timeLimitS: 10,
        status: 'skipped',
        answered: 1,
        right: 1,
        averageTimeMs: 2000,
        optionCounts: [0, 1, 0],
      },
      {
        number: 3,
        prompt: 'Is water wet?',
        kind: 'choice',
        rightAnswer: 'True',
        options: ['True', 'False'],
        correct: 0,
        points: 2000,
        timeLimitS: 10,
        status: 'not_reached',
        answered: 0,
        right: 0,
        averageTimeMs: null,
        optionCounts: [0, 0],
      },
    ]);
  });

  it('says a question was skipped because the engine recorded it, even when nobody had answered it', () => {
    const h = new EngineHarness(QUIZ, { questionSeconds: 10, minPlayers: 0 });
    h.joinAll('Ada', 'Bob');
    h.startGame();
    h.host({ type: 'skip' });
    h.host({ type: 'end' });
    const r = buildGameReport(recordOf(h), 'Room 101');
    expect(r.questions.map((q) => [q.status, q.answered])).toEqual([
      ['skipped', 0],
      ['not_reached', 0],
      ['not_reached', 0],
    ]);
  });

  it('records the room, the game number, when the game started and when it ended', () => {
    const h = playGame();
    const r = buildGameReport(recordOf(h), 'Room 101');
    expect(r).toMatchObject({
      format: 'quizroom-report-1',
      roomName: 'Room 101',
      gameNo: 1,
      startedAt: new Date(T0).toISOString(),
      finishedAt: new Date(h.now).toISOString(),
      quiz: { title: 'Report quiz' },
    });
  });

  it('is a copy: a new game in the same room does not change the record or the report', () => {
    const h = playGame();
    const record = recordOf(h);
    const before = JSON.stringify(record);
    const r = buildGameReport(record, 'Room 101');
    h.host({ type: 'new_game' });
    expect(h.state.players.get([...h.state.players.keys()][0]!)?.answers).toEqual([]);
    expect(h.state.played).toEqual([]);
    expect(JSON.stringify(record)).toBe(before);
    expect(buildGameReport(record, 'Room 101')).toEqual(r);
  });
});

describe('the CSV export', () => {
  const parse = (text: string) => Papa.parse<string[]>(text.trimEnd(), { delimiter: ',' }).data;

  it('has one row per player with four columns per question', () => {
    const text = reportCsv(report());
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parse(text)).toEqual([
      [
        'Rank',
        'Name',
        'Score',
        'Correct answers',
        'Total time (s)',
        'Extra time',
        'Q1 answer',
        'Q1 correct',
        'Q1 time (s)',
        'Q1 points',
        'Q2 answer',
        'Q2 correct',
        'Q2 time (s)',
        'Q2 points',
        'Q3 answer',
        'Q3 correct',
        'Q3 time (s)',
        'Q3 points',
      ],
      [
        '1',
        'Ada',
        '975',
        '1',
        '1',
        '',
        'Mars',
        'yes',
        '1',
        '975',
        'Pacific',
        'yes',
        '2',
        '0',
        '',
        '',
        '',
        '',
      ],
      ['2', 'Bob', '0', '0', '3', '', 'Jupiter', 'no', '3', '0', '', 'no', '', '0', '', '', '', ''],
      // The name would run as a formula in a spreadsheet: it is kept as text.
      ['3', "'=Cy", '0', '0', '20', '2×', '', 'no', '', '0', '', 'no', '', '0', '', '', '', ''],
    ]);
  });

  it('has one row per question with its statistics', () => {
    expect(parse(reportQuestionsCsv(report()))).toEqual([
      ['Question', 'Prompt', 'Correct answer', 'Status', 'Answered', 'Right', 'Average time (s)'],
      ['1', 'Red planet?', 'Mars', 'played', '2', '1', '2'],
      ['2', 'Largest ocean?', 'Pacific', 'skipped by the host', '1', '1', '2'],
      ['3', 'Is water wet?', 'True', 'not reached', '0', '0', ''],
    ]);
  });

  it('names the file after the quiz and the day', () => {
    expect(reportFileName(report(), 'xlsx')).toBe(
      `quizroom-report-report-quiz-${new Date(T0).toISOString().slice(0, 10)}.xlsx`,
    );
  });
});

describe('the XLSX export', () => {
  let workbook: ExcelJS.Workbook;
  const rows = (name: string) => {
    const sheet = workbook.getWorksheet(name)!;
    const out: (string | number | null)[][] = [];
    sheet.eachRow((row) => {
      const cells: (string | number | null)[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const v = row.getCell(c).value;
        cells.push(v === null || v === undefined ? null : typeof v === 'number' ? v : cellText(v));
      }
      out.push(cells);
    });
    return out;
  };

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(report())) as never);
  });

  it('has a Leaderboard, a Questions and an Answers sheet', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Leaderboard', 'Questions', 'Answers']);
  });

  it('Leaderboard: one row per player, best first, times as numbers of seconds', () => {
    expect(rows('Leaderboard')).toEqual([
      ['Rank', 'Name', 'Score', 'Correct answers', 'Total time (s)', 'Connected at the end', 'Extra time'],
      [1, 'Ada', 975, 1, 1, 'yes', ''],
      [2, 'Bob', 0, 0, 3, 'yes', ''],
      [3, '=Cy', 0, 0, 20, 'yes', '2×'],
    ]);
    // A name that looks like a formula is a plain string cell, not a formula.
    expect(workbook.getWorksheet('Leaderboard')!.getCell('B4').type).toBe(ExcelJS.ValueType.String);
  });

  it('Questions: statistics per question', () => {
    expect(rows('Questions')).toEqual([
      [
        'Question',
        'Prompt',
        'Correct answer',
        'Points',
        'Time limit (s)',
        'Status',
        'Answered',
        'Right',
        'Average time (s)',
      ],
      [1, 'Red planet?', 'Mars', 1000, 20, 'played', 2, 1, 2],
      [2, 'Largest ocean?', 'Pacific', 1000, 10, 'skipped by the host', 1, 1, 2],
      [3, 'Is water wet?', 'True', 2000, 10, 'not reached', 0, 0, null],
    ]);
  });

  it('Answers: one row per player per question played', () => {
    expect(rows('Answers')).toEqual([
      ['Question', 'Prompt', 'Rank', 'Name', 'Answer', 'Correct', 'Time (s)', 'Points'],
      [1, 'Red planet?', 1, 'Ada', 'Mars', 'yes', 1, 975],
      [1, 'Red planet?', 2, 'Bob', 'Jupiter', 'no', 3, 0],
      [1, 'Red planet?', 3, '=Cy', null, 'no', null, 0],
      [2, 'Largest ocean?', 1, 'Ada', 'Pacific', 'yes', 2, 0],
      [2, 'Largest ocean?', 2, 'Bob', null, 'no', null, 0],
      [2, 'Largest ocean?', 3, '=Cy', null, 'no', null, 0],
    ]);
  });
});

describe('the report store', () => {
  const root = mkdtempSync(join(tmpdir(), 'quizroom-reports-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('saves a report as JSON in <library>/reports and reads it back', async () => {
    const store = new ReportStore(join(root, 'a'));
    const r = report();
    const saved = await store.save(r);
    expect(saved.path).toBe(join(root, 'a', 'reports', `${saved.id}.json`));
    expect(saved.id).toMatch(/^\d{8}-\d{6}-report-quiz$/);
    expect(await store.read(saved.id)).toEqual(r);
  });

  it('keeps reports readable by their owner only: files 0600 in a 0700 folder', async () => {
    if (process.platform === 'win32') return;
    // A reports folder made earlier, readable by everyone, is narrowed too.
    mkdirSync(join(root, 'private', 'reports'), { recursive: true, mode: 0o755 });
    chmodSync(join(root, 'private', 'reports'), 0o755);
    const store = new ReportStore(join(root, 'private'));
    const saved = await store.save(report());
    expect(statSync(store.folder).mode & 0o777).toBe(0o700);
    expect(statSync(saved.path).mode & 0o777).toBe(0o600);
  });

  it('gives two games that end in the same second their own files', async () => {
    const store = new ReportStore(join(root, 'b'));
    const r = report();
    const first = await store.save(r);
    const second = await store.save(r);
    expect(second.id).toBe(`${first.id}-2`);
  });

  it('lists the newest first, with a broken file listed last and its error naming the field', async () => {
    const store = new ReportStore(join(root, 'c'));
    const r = report();
    const older = await store.save({ ...r, finishedAt: '2026-01-01T10:00:00.000Z' });
    const newer = await store.save({ ...r, finishedAt: '2026-02-01T10:00:00.000Z' });
    const bad = JSON.parse(JSON.stringify(r)) as GameReport;
    (bad.players[1] as { score: unknown }).score = 'lots';
    writeFileSync(join(store.folder, 'broken.json'), JSON.stringify(bad));
    writeFileSync(join(store.folder, 'cut.json'), '{"format": "quizroom-report-1", "players": [');
    writeFileSync(join(store.folder, '.x.json.1-a.tmp'), '');

    const list = await store.list();
    expect(list.map((s) => s.id)).toEqual([newer.id, older.id, 'broken', 'cut']);
    expect(list[0]).toEqual({
      status: 'ok',
      id: newer.id,
      quizTitle: 'Report quiz',
      roomName: 'Room 101',
      startedAt: r.startedAt,
      finishedAt: '2026-02-01T10:00:00.000Z',
      playerCount: 3,
      questionCount: 3,
      winner: { name: 'Ada', score: 975 },
    });
    expect(list[2]).toMatchObject({ status: 'broken' });
    expect(list[2]!.status === 'broken' && list[2]!.error).toContain(
      `${join(store.folder, 'broken.json')} is not a valid game report: players[1], score:`,
    );
    expect(list[3]!.status === 'broken' && list[3]!.error).toMatch(
      /cut\.json is not valid JSON at line 1, column \d+/,
    );
    await expect(store.read('broken')).rejects.toBeInstanceOf(ReportError);
  });

  it('lists nothing before the first game, and deletes a report', async () => {
    const store = new ReportStore(join(root, 'd'));
    expect(await store.list()).toEqual([]);
    const { id } = await store.save(report());
    await store.delete(id);
    expect(readdirSync(store.folder)).toEqual([]);
    await expect(store.read(id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(store.read('../x')).rejects.toMatchObject({ code: 'invalid_id' });
  });

  it('refuses to save a report that does not fit the schema', async () => {
    const store = new ReportStore(join(root, 'e'));
    mkdirSync(store.folder, { recursive: true });
    await expect(
      store.save({ ...report(), players: [{ ...report().players[0]!, answers: [] }] }),
    ).rejects.toThrow(/has 0 entries but the quiz has 3 questions/);
    expect(readdirSync(store.folder)).toEqual([]);
  });
});

describe('a game played in teams', () => {
  /** Red: Ada and Cy; Blue: Bob. Ada is right at 1 s, Bob at 2 s, Cy wrong: Ada ranks first, Blue wins. */
  async function teamReport() {
    const quiz = parseQuiz({
      title: 'Team quiz',
      questions: [{ kind: 'choice', prompt: 'Red planet?', options: ['Mars', 'Venus'], correct: 0 }],
    });
    const h = new EngineHarness(quiz, {
      questionSeconds: 10,
      minPlayers: 0,
      teamMode: 'teams',
      teamCount: 2,
    });
    const [ada, bob, cy] = h.joinAll('Ada', 'Bob', 'Cy');
    h.startGame();
    h.atElapsed(1000).answer(ada!, 0);
    h.atElapsed(2000).answer(bob!, 0);
    h.atElapsed(3000).answer(cy!, 1);
    h.closeQuestion();
    h.fireTimer();
    expect(h.state.phase).toBe('finished');
    const built = buildGameReport(recordOf(h), 'Room 7');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(built)) as never);
    return { built, workbook, h, ids: { ada: ada!, bob: bob!, cy: cy! } };
  }

  it('carries each player’s team and the teams’ table (the average of members’ scores)', async () => {
    const { built, h, ids } = await teamReport();
    expect(built.players.map((p) => [p.name, p.team])).toEqual([
      ['Ada', 0],
      ['Bob', 1],
      ['Cy', 0],
    ]);
    const red = Math.round((h.score(ids.ada) + h.score(ids.cy)) / 2);
    expect(built.teams).toEqual([
      { rank: 1, team: 1, score: h.score(ids.bob), members: 1 },
      { rank: 2, team: 0, score: red, members: 2 },
    ]);
    expect(h.score(ids.bob)).toBeGreaterThan(red);
  });

  it('writes the team in the CSV and a Teams sheet in the workbook', async () => {
    const { built, workbook } = await teamReport();
    const csv = Papa.parse<string[]>(reportCsv(built)).data;
    expect(csv[0]!.slice(0, 7)).toEqual([
      'Rank',
      'Name',
      'Score',
      'Correct answers',
      'Total time (s)',
      'Extra time',
      'Team',
    ]);
    expect(csv.slice(1, 4).map((r) => [r[1], r[6]])).toEqual([
      ['Ada', 'Red'],
      ['Bob', 'Blue'],
      ['Cy', 'Red'],
    ]);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Leaderboard', 'Teams', 'Questions', 'Answers']);
    const teams: unknown[][] = [];
    workbook.getWorksheet('Teams')!.eachRow((row) => teams.push((row.values as unknown[]).slice(1)));
    expect(teams[0]).toEqual(['Rank', 'Team', 'Score (average of members)', 'Members']);
    expect(teams.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      [1, 'Blue', 1],
      [2, 'Red', 2],
    ]);
    expect(workbook.getWorksheet('Leaderboard')!.getRow(1).getCell(8).value).toBe('Team');
  });
});

describe('a game with identities', () => {
  /** Ada and Bob join with a typed student number; the host ends the game after question 1. */
  function fieldReport(): GameReport {
    const h = new EngineHarness(QUIZ, {
      questionSeconds: 10,
      minPlayers: 0,
      identity: 'field',
      identityLabel: 'Matrikelnummer',
    });
    for (const [i, [name, identity]] of [
      ['Ada', '2024-001'],
      ['Bob', '-2+3'],
    ].entries())
      h.send({ kind: 'join', conn: 900 + i, name: name!, address: `device-${i}`, identity: identity! });
    h.startGame();
    h.closeQuestion();
    h.host({ type: 'end' });
    return buildGameReport(recordOf(h), 'Room 101');
  }

  it('carries each identity in the report, titled after the setting in the CSV and the workbook', async () => {
    const built = fieldReport();
    expect(built.players.map((p) => [p.name, p.identity, p.rosterId])).toEqual([
      ['Ada', '2024-001', undefined],
      ['Bob', '-2+3', undefined],
    ]);
    const csv = Papa.parse<string[]>(reportCsv(built)).data;
    expect(csv[0]!.slice(0, 4)).toEqual(['Rank', 'Name', 'Matrikelnummer', 'Score']);
    expect(csv.slice(1, 3).map((r) => r[2])).toEqual(['2024-001', "'-2+3"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await reportXlsx(built)) as never);
    expect(workbook.getWorksheet('Leaderboard')!.getRow(1).getCell(3).value).toBe('Matrikelnummer');
    expect(workbook.getWorksheet('Answers')!.getRow(1).getCell(5).value).toBe('Matrikelnummer');
  });

  it('reads a saved report with identities back as it was', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quizroom-reports-identity-'));
    try {
      const store = new ReportStore(root);
      const built = fieldReport();
      const saved = await store.save(built);
      expect(await store.read(saved.id)).toEqual(built);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
