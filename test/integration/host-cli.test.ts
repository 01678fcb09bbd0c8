/**
 * The headless host (`npm run host`) as a person runs it: a child process that prints where to
 * join, plays with real clients, exits 0 with "going away" on SIGTERM, and turns a bad quiz file,
 * a taken port or a wrong option into a clear message and an exit code instead of a stack trace.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { CLOSE_CODES } from '../../src/shared/protocol';
import { freePort, runHost as runHostProcess, stopHost, type HostProcess } from '../support/host-process';
import { RawSocket } from '../support/raw-socket';
import { waitFor } from '../support/wait';

const EXIT_USAGE = 2;
const EXIT_QUIZ = 3;
const EXIT_LISTEN = 4;
const EXIT_ROSTER = 6;
/** Starting the CLI compiles TypeScript on the fly: give it time on a busy machine. */
const STARTUP_MS = 30_000;

let dir: string;
const children: HostProcess[] = [];
const sockets: RawSocket[] = [];
const clients: QuizClient[] = [];
const servers: Server[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizroom-cli-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Quizroom player</title>');
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  for (const p of children.splice(0)) await stopHost(p);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function runHost(args: string[]): HostProcess {
  const p = runHostProcess(args, { QUIZROOM_STATIC_DIR: dir, XDG_DATA_HOME: dir });
  children.push(p);
  return p;
}

async function exitOf(p: HostProcess): Promise<number | null> {
  return (await p.exited).code;
}

function writeQuiz(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const GOOD_QUIZ = JSON.stringify({
  title: 'CLI quiz',
  questions: [{ kind: 'choice', prompt: 'Two and two?', options: ['3', '4'], correct: 1 }],
});

/** Starts a host on a free port and waits until it has printed its URLs, down to the last startup line. */
async function startedHost(extra: string[] = []) {
  const port = await freePort();
  const quiz = writeQuiz('good.json', GOOD_QUIZ);
  const p = runHost([
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--no-mdns',
    '--quiz',
    quiz,
    '--name',
    'CLI room',
    ...extra,
  ]);
  const dashboardUrl = await waitFor(
    () =>
      (p.stdout().includes('Game reports are saved in')
        ? /Host dashboard:\s+(\S+)/.exec(p.stdout())?.[1]
        : undefined) ?? (p.child.exitCode !== null ? 'exited' : undefined),
    'the host to print its URLs',
    STARTUP_MS,
  );
  expect(dashboardUrl, p.stderr()).not.toBe('exited');
  return { p, port, dashboardUrl };
}

function hasStackTrace(text: string): boolean {
  return /\n\s+at .+[(:]\d+/.test(text);
}

describe('npm run host', () => {
  it('prints the player URL and a host dashboard URL that carries the host token, and plays on them', async () => {
    const { p, port, dashboardUrl } = await startedHost([
      '--min-players',
      '0',
      '--max-players-per-address',
      '1',
    ]);
    const playerUrl = /Players join at\s+(\S+)/.exec(p.stdout())?.[1];
    expect(playerUrl).toBe(`http://127.0.0.1:${port}/`);
    const dashboard = new URL(dashboardUrl);
    expect(`${dashboard.origin}/`).toBe(playerUrl);
    const hostToken = dashboard.searchParams.get('host');
    expect(hostToken).toMatch(/^[A-Za-z0-9_-]{22,}$/);
    expect(p.stdout()).toMatch(/Room "CLI room" is open with "CLI quiz" \(1 questions?\) on port \d+/);
    expect(p.stdout()).toContain('--no-mdns');

    // The player URL serves the web player; /health describes the room.
    const page = await fetch(playerUrl!);
    expect(await page.text()).toContain('Quizroom player');
    expect(await (await fetch(`${playerUrl}health`)).json()).toMatchObject({
      room: 'CLI room',
      state: 'NOT_STARTED',
      players: 0,
    });

    // The dashboard's token makes a host; a player joins and the log says so.
    const host = new QuizClient({
      url: `ws://127.0.0.1:${port}/ws`,
      WebSocket: WebSocket as never,
      token: hostToken,
    });
    clients.push(host);
    host.connect();
    await waitFor(() => host.view.ready && host.view.role === 'host', 'the host client to connect');
    const ada = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`);
    sockets.push(ada);
    ada.send({ type: 'join', name: 'Ada' });
    await ada.waitFor('joined');
    await waitFor(() => p.stdout().includes('+ Ada joined'), 'the join in the log');
    // One player per address here: a second one from 127.0.0.1 is refused.
    expect(host.view.settings.maxPlayersPerAddress).toBe(1);
    const bob = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`);
    sockets.push(bob);
    bob.send({ type: 'join', name: 'Bob' });
    expect((await bob.waitError('address_full')).message).toMatch(/127\.0\.0\.1/);
    host.start();
    await ada.waitFor('countdown');
    await waitFor(() => p.stdout().includes('Game starting'), 'the start in the log', STARTUP_MS);
    expect(p.stderr()).toBe('');
  });

  it('closes every socket with 4008 (room closed) and exits 0 on SIGTERM', async () => {
    const { p, port, dashboardUrl } = await startedHost();
    const token = new URL(dashboardUrl).searchParams.get('host')!;
    const url = `ws://127.0.0.1:${port}/ws`;
    const player = await RawSocket.hello(url);
    const host = await RawSocket.hello(url, token);
    sockets.push(player, host);
    player.send({ type: 'join', name: 'Ada' });
    await player.waitFor('joined');
    expect((await host.waitFor('welcome')).role).toBe('host');

    p.child.kill('SIGTERM');
    expect(await player.waitClose(STARTUP_MS)).toBe(CLOSE_CODES.roomClosed);
    expect(await host.waitClose(STARTUP_MS)).toBe(CLOSE_CODES.roomClosed);
    expect(await p.exited).toEqual({ code: 0, signal: null });
    expect(p.stdout()).toContain('SIGTERM: closing the room.');
    expect(p.stderr()).toBe('');
  });

  it('exits 3 on a bad quiz file, naming the question and the field, without a stack trace', async () => {
    const quiz = writeQuiz(
      'bad.json',
      JSON.stringify({
        title: 'Bad quiz',
        questions: [
          { kind: 'choice', prompt: 'Fine?', options: ['yes', 'no'], correct: 0 },
          { kind: 'choice', prompt: 'Broken?', options: ['a', 'b', 'c'], correct: 3 },
        ],
      }),
    );
    const p = runHost([
      '--quiz',
      quiz,
      '--no-mdns',
      '--bind',
      '127.0.0.1',
      '--port',
      String(await freePort()),
    ]);
    expect(await exitOf(p)).toBe(EXIT_QUIZ);
    expect(p.stderr()).toContain(quiz);
    expect(p.stderr()).toMatch(/question 2, correct: .*only 3 options/);
    expect(p.stderr()).not.toMatch(/question 1\b/);
    expect(hasStackTrace(p.stderr())).toBe(false);
    expect(p.stdout()).not.toContain('is open');
  });

  it('exits 3 on a quiz file that is not JSON, naming the line and column', async () => {
    const quiz = writeQuiz('broken.json', '{\n  "title": "Oops",\n  "questions": [,]\n}\n');
    const p = runHost([
      '--quiz',
      quiz,
      '--no-mdns',
      '--bind',
      '127.0.0.1',
      '--port',
      String(await freePort()),
    ]);
    expect(await exitOf(p)).toBe(EXIT_QUIZ);
    expect(p.stderr()).toMatch(/not valid JSON at line 3, column \d+/);
    expect(hasStackTrace(p.stderr())).toBe(false);
  });

  it('exits 3 when the quiz file does not exist', async () => {
    const p = runHost([
      '--quiz',
      join(dir, 'missing.json'),
      '--no-mdns',
      '--bind',
      '127.0.0.1',
      '--port',
      String(await freePort()),
    ]);
    expect(await exitOf(p)).toBe(EXIT_QUIZ);
    expect(p.stderr()).toMatch(/missing\.json: no such file/);
    expect(hasStackTrace(p.stderr())).toBe(false);
  });

  it('plays with a class list from --roster: phones pick a name, never see the ids', async () => {
    const roster = writeQuiz(
      'class.csv',
      '\uFEFFName;Student number\r\nZoë Müller;S-1\r\nBen Okafor;S-2\r\n',
    );
    const { p, port } = await startedHost(['--roster', roster]);
    expect(p.stdout()).toContain(`Class list: 2 names from ${roster}.`);
    const zoe = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`);
    sockets.push(zoe);
    const snapshot = zoe.of('snapshot')[0]!;
    expect(snapshot.settings.identity).toBe('roster');
    expect(snapshot.rosterNames).toEqual(['Ben Okafor', 'Zoë Müller']);
    zoe.send({ type: 'join', name: 'Zed', identity: 'zoe muller' });
    await zoe.waitFor('joined');
    await waitFor(() => p.stdout().includes('+ Zed (Zoë Müller) joined'), 'the join in the log');
    expect(JSON.stringify(zoe.messages)).not.toMatch(/S-[12]/);
  });

  it('exits 6 on a class list with problems, naming each line, and on a missing one', async () => {
    const roster = writeQuiz('bad-class.csv', 'Name,Id\nAda,1\n,2\nADA,3\n' + 'x'.repeat(61) + '\n');
    const args = ['--no-mdns', '--bind', '127.0.0.1', '--port', String(await freePort())];
    const p = runHost(['--roster', roster, ...args]);
    expect(await exitOf(p)).toBe(EXIT_ROSTER);
    expect(p.stderr()).toContain(`${roster}:3: There is no name on this line.`);
    expect(p.stderr()).toContain(`${roster}:4: "ADA" is already on the list (line 2).`);
    expect(p.stderr()).toContain(`${roster}:5: The name is too long`);
    expect(hasStackTrace(p.stderr())).toBe(false);
    expect(p.stdout()).not.toContain('is open');
    const missing = runHost(['--roster', join(dir, 'nope.csv'), ...args]);
    expect(await exitOf(missing)).toBe(EXIT_ROSTER);
    expect(missing.stderr()).toMatch(/nope\.csv: there is no such file/);
  });

  it('exits 4 with a clear message when the port is in use', async () => {
    const blocker = createServer();
    servers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen({ port: 0, host: '127.0.0.1' }, resolve));
    const port = (blocker.address() as { port: number }).port;
    const p = runHost([
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--no-mdns',
      '--quiz',
      writeQuiz('good.json', GOOD_QUIZ),
    ]);
    expect(await exitOf(p)).toBe(EXIT_LISTEN);
    expect(p.stderr()).toContain(`port ${port} is already in use`);
    expect(p.stderr()).toMatch(/--port/);
    expect(hasStackTrace(p.stderr())).toBe(false);
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--port', 'abc'], /--port takes a whole number/],
    [['--port', '70000'], /--port must be between 1 and 65535/],
    [['--question-time', '2'], /--question-time must be between 5 and 240/],
    [['--max-players-per-address', '0'], /--max-players-per-address must be between 1 and 10000/],
    [['stray'], /positional/i],
    [['--accept-damage'], /--accept-damage goes with --resume/],
  ])('exits 2 with the usage on bad options: %j', async (args, says) => {
    const p = runHost([...args, '--no-mdns']);
    expect(await exitOf(p)).toBe(EXIT_USAGE);
    expect(p.stderr()).toMatch(says);
    expect(p.stderr()).toContain('Usage: npm run host');
    expect(hasStackTrace(p.stderr())).toBe(false);
  });
});
