/**
 * The headless host with the library: `--quiz` takes every importable format and prints what
 * the import took and skipped before the room opens; a file that cannot be read stops it with a
 * clear message; each finished game's report is saved in the library's reports folder.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ReportStore } from '../../src/main/reports/report-store';
import { freePort, runHost as runHostProcess, stopHost, type HostProcess } from '../support/host-process';
import { RawSocket } from '../support/raw-socket';
import { waitFor } from '../support/wait';

const EXIT_QUIZ = 3;
const STARTUP_MS = 30_000;
const FIXTURES = resolve(__dirname, '../fixtures/imports');

const dir = mkdtempSync(join(tmpdir(), 'quizroom-cli-library-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Quizroom player</title>');
const children: HostProcess[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const p of children.splice(0)) await stopHost(p);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function host(args: string[]): Promise<HostProcess> {
  const p = runHostProcess(
    ['--no-mdns', '--bind', '127.0.0.1', '--port', String(await freePort()), ...args],
    {
      QUIZROOM_STATIC_DIR: dir,
      XDG_DATA_HOME: dir,
    },
  );
  children.push(p);
  return p;
}

async function opened(p: HostProcess): Promise<{ port: number; hostToken: string }> {
  const url = await waitFor(
    () =>
      /Host dashboard:\s+(\S+)/.exec(p.stdout())?.[1] ?? (p.child.exitCode !== null ? 'exited' : undefined),
    'the host to open the room',
    STARTUP_MS,
  );
  expect(url, p.stderr()).not.toBe('exited');
  const parsed = new URL(url);
  return { port: Number(parsed.port), hostToken: parsed.searchParams.get('host')! };
}

/** Output lines without the time stamp each log line starts with. */
const lines = (text: string) => text.split('\n').map((l) => l.replace(/^\d\d:\d\d:\d\d {2}/, ''));

describe('npm run host -- --quiz FILE', () => {
  it('imports a GIFT file and prints what it took and skipped before the room opens', async () => {
    const file = join(FIXTURES, 'moodle-questions.gift');
    const p = await host(['--quiz', file]);
    await opened(p);
    const out = lines(p.stdout());
    const kinds =
      'Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions';
    const summary = [
      `Imported 10 questions from ${file} (Moodle GIFT); skipped 4:`,
      '  As: 4 multiple choice, 2 true/false, 2 multi-select, 1 typed answer, 1 number.',
      `  skipped line 15: an essay question: ${kinds}`,
      `  skipped line 19: a matching question: ${kinds}`,
      '  skipped line 33: has 5 answers; a Quizroom question has at most 4',
      '  skipped line 43: not valid GIFT: expected "}" but end of input found',
    ];
    const start = out.indexOf(summary[0]!);
    expect(start, p.stdout()).toBeGreaterThanOrEqual(0);
    expect(out.slice(start, start + summary.length)).toEqual(summary);
    const openLine = out.findIndex((l) => l.startsWith('Room '));
    expect(openLine).toBeGreaterThan(start);
    expect(out[openLine]).toMatch(/is open with "moodle-questions" \(10 questions\)/);
    expect(p.stderr()).toBe('');
  });

  it('imports a Kahoot! spreadsheet and lists the adjusted time limits', async () => {
    const file = join(FIXTURES, 'kahoot-template.xlsx');
    const p = await host(['--quiz', file]);
    await opened(p);
    const out = lines(p.stdout());
    expect(out).toContain(`Imported 5 questions from ${file} (Kahoot! spreadsheet (XLSX)); skipped 1:`);
    expect(out).toContain('  As: 4 multiple choice, 1 multi-select.');
    expect(out).toContain('  skipped row 14: Correct answer(s) is 4 but Answer 4 is empty');
    expect(out).toContain('Adjusted while importing:');
    expect(out).toContain('  adjusted row 13: time limit 500 s is outside 5-240 s; set to 240 s');
  });

  it('refuses a binary file with exit code 3 and does not open the room', async () => {
    const p = await host(['--quiz', join(FIXTURES, 'binary.txt')]);
    expect((await p.exited).code).toBe(EXIT_QUIZ);
    expect(p.stderr()).toContain('binary.txt is not a text file (it holds binary data)');
    expect(p.stdout()).not.toContain('is open');
  });

  it('refuses a file where nothing can be used, listing why', async () => {
    const file = join(dir, 'essays.gift');
    writeFileSync(file, 'Tell me about your day. {}\n');
    const p = await host(['--quiz', file]);
    expect((await p.exited).code).toBe(EXIT_QUIZ);
    expect(p.stderr()).toContain(`${file} has no question Quizroom can use (read as Moodle GIFT)`);
    expect(p.stderr()).toContain('line 1: an essay question');
  });
});

describe('npm run host -- --library DIR', () => {
  async function playAndEnd(p: HostProcess): Promise<string> {
    const { port, hostToken } = await opened(p);
    const url = `ws://127.0.0.1:${port}/ws`;
    const ada = await RawSocket.hello(url);
    const dashboard = await RawSocket.hello(url, hostToken);
    sockets.push(ada, dashboard);
    ada.send({ type: 'join', name: 'Ada' });
    await ada.waitFor('joined');
    dashboard.send({ type: 'start' });
    await ada.waitFor('countdown');
    dashboard.send({ type: 'end' });
    await ada.waitFor('finished');
    return waitFor(
      () => /Game report saved: (\S+\.json)/.exec(p.stdout())?.[1],
      'the report to be saved',
      STARTUP_MS,
    );
  }

  it('saves each finished game in the default library (XDG data folder)', async () => {
    const p = await host(['--quiz', 'builtin:science', '--min-players', '0']);
    const path = await playAndEnd(p);
    const folder = join(dir, 'quizroom', 'library', 'reports');
    expect(lines(p.stdout())).toContain(`Game reports are saved in ${folder}`);
    expect(path.startsWith(`${folder}/`)).toBe(true);
    const store = new ReportStore(join(dir, 'quizroom', 'library'));
    const [summary] = await store.list();
    expect(summary).toMatchObject({
      status: 'ok',
      quizTitle: 'Science',
      playerCount: 1,
      winner: { name: 'Ada', score: 0 },
    });
  });

  it('saves in the folder --library names', async () => {
    const library = join(dir, 'my-library');
    const p = await host([
      '--quiz',
      join(FIXTURES, 'aiken-questions.txt'),
      '--library',
      library,
      '--min-players',
      '0',
    ]);
    const path = await playAndEnd(p);
    expect(path.startsWith(join(library, 'reports'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    const report = await new ReportStore(library).read((await new ReportStore(library).list())[0]!.id);
    expect(report.quiz.title).toBe('aiken-questions');
    expect(report.questions.every((q) => q.status === 'not_reached')).toBe(true);
  });
});
