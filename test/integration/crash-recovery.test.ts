/**
 * Host crash recovery: the host keeps a journal, is killed with SIGKILL mid-question, is started
 * again with --resume, and the game goes on: players reconnect by themselves with their tokens,
 * keep name and score, acknowledged answers count once, and the open question stays open (or
 * closes, when its deadline passed while the host was down).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerPoints, streakBonus } from '../../src/main/game';
import { QuizServer } from '../../src/main/server/quiz-server';
import { QuizClient } from '../../src/shared/client/quiz-client';
import type { ClientView } from '../../src/shared/client/client-view';
import type { ServerMessage } from '../../src/shared/protocol';
import { FakeClock } from '../support/fake-clock';
import { freePort, runHost, stopHost, type HostProcess } from '../support/host-process';
import { TEST_QUIZ } from '../support/test-host';
import { waitFor } from '../support/wait';

const STARTUP_MS = 30_000;
let dir = '';
const clients: QuizClient[] = [];
const hosts: HostProcess[] = [];
const servers: QuizServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizroom-crash-'));
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const h of hosts.splice(0)) await stopHost(h);
  for (const s of servers.splice(0)) await s.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Player {
  client: QuizClient;
  messages: ServerMessage[];
}

function connect(port: number, token: string | null = null): Player {
  const client = new QuizClient({
    url: `ws://127.0.0.1:${port}/ws`,
    WebSocket: WebSocket as never,
    token,
    backoffMs: [100, 200, 400, 800],
  });
  const messages: ServerMessage[] = [];
  client.onMessage((m) => messages.push(m));
  clients.push(client);
  client.connect();
  return { client, messages };
}

const until = (p: Player, check: (v: ClientView) => unknown, what: string, ms = 20_000) =>
  waitFor(() => (check(p.client.view) ? p.client.view : undefined), what, ms);

async function startHost(args: string[]): Promise<HostProcess> {
  const h = runHost(args, { QUIZROOM_STATIC_DIR: dir, XDG_DATA_HOME: dir });
  hosts.push(h);
  await waitFor(
    () => /Host dashboard:/.test(h.stdout()) || h.child.exitCode !== null,
    'the host to start',
    STARTUP_MS,
  );
  expect(h.child.exitCode, h.stderr()).toBeNull();
  return h;
}

describe('a host that crashes and is resumed', () => {
  it('continues the game from its journal after SIGKILL, losing and doubling nothing', async () => {
    const port = await freePort();
    const quizFile = join(dir, 'quiz.json');
    writeFileSync(
      quizFile,
      JSON.stringify({
        title: 'Crash quiz',
        questions: [
          { kind: 'choice', prompt: 'First?', options: ['a', 'b', 'c', 'd'], correct: 0 },
          { kind: 'choice', prompt: 'Second?', options: ['a', 'b'], correct: 1 },
        ],
      }),
    );
    const journalDir = join(dir, 'journal');
    const common = ['--bind', '127.0.0.1', '--no-mdns', '--journal-dir', journalDir];
    const first = await startHost([
      '--port',
      String(port),
      '--quiz',
      quizFile,
      '--min-players',
      '0',
      '--question-time',
      '60',
      ...common,
    ]);
    const hostToken = decodeURIComponent(/\?host=(\S+)/.exec(first.stdout())![1]!);

    const host = connect(port, hostToken);
    const [ada, bob, cy] = [connect(port), connect(port), connect(port)];
    for (const [p, name] of [
      [ada, 'Ada'],
      [bob, 'Bob'],
      [cy, 'Cy'],
    ] as const) {
      await until(p, (v) => v.ready, `${name} to connect`);
      p.client.join(name);
      await until(p, (v) => v.you?.name === name, `${name} to join`);
    }
    await until(host, (v) => v.players.length === 3, 'the host to see three players');
    host.client.start();
    await until(ada, (v) => v.phase === 'question', 'the first question');
    await until(bob, (v) => v.phase === 'question', 'the first question for Bob');
    ada.client.answer(0);
    bob.client.answer(2);
    const adaAck = await until(ada, (v) => v.you?.answer, 'Ada’s answer to be acknowledged');
    await until(bob, (v) => v.you?.answer, 'Bob’s answer to be acknowledged');
    const deadline = ada.client.view.question!.deadline;

    // The host process dies without any warning.
    first.child.kill('SIGKILL');
    await first.exited;
    await until(ada, (v) => v.connection === 'reconnecting', 'Ada to notice');

    const second = await startHost(['--resume', ...common]);
    expect(second.stdout()).toMatch(/Resuming the room/);
    for (const [p, name] of [
      [ada, 'Ada'],
      [bob, 'Bob'],
      [cy, 'Cy'],
    ] as const) {
      await until(
        p,
        (v) => v.connection === 'open' && v.you?.name === name && v.phase === 'question',
        `${name} to be back`,
      );
    }
    await until(host, (v) => v.connection === 'open' && v.role === 'host', 'the host dashboard to be back');
    // The same question, the same deadline, and the acknowledged answers are still there.
    expect(ada.client.view.question).toMatchObject({ index: 0, deadline });
    expect(ada.client.view.you?.answer).toEqual(adaAck.you?.answer);
    ada.client.send({ type: 'answer', question: 0, option: 1 });
    await waitFor(
      () => ada.messages.find((m) => m.type === 'error' && m.code === 'already_answered'),
      'the second answer to be refused',
    );

    cy.client.answer(0);
    const adaResult = await waitFor(() => ada.messages.find((m) => m.type === 'result'), 'the first result');
    expect(adaResult).toMatchObject({
      result: { correct: true, points: answerPoints(1000, adaAck.you!.answer!.elapsedMs, 60_000) },
    });
    host.client.end();
    const finished = await until(
      host,
      (v) => v.phase === 'finished' && v.standings.length === 3,
      'the final standings',
    );
    expect(finished.standings.map((r) => r.name).sort()).toEqual(['Ada', 'Bob', 'Cy']);
    const adaRow = finished.standings.find((r) => r.name === 'Ada')!;
    expect(adaRow.score).toBe(answerPoints(1000, adaAck.you!.answer!.elapsedMs, 60_000) + streakBonus(1));
    expect(finished.standings.find((r) => r.name === 'Bob')!.score).toBe(0);
  }, 120_000);
});

describe('resuming a journal in-process', () => {
  async function playUntilAnswered(clock: FakeClock, journalDir: string) {
    const a = new QuizServer({
      quiz: TEST_QUIZ,
      roomName: 'R',
      port: 0,
      bind: '127.0.0.1',
      staticDir: null,
      clock,
      journalDir,
      settings: { minPlayers: 0 },
    });
    servers.push(a);
    const port = await a.listen();
    const host = connect(port, a.hostToken);
    const ada = connect(port);
    const bob = connect(port);
    for (const [p, name] of [
      [ada, 'Ada'],
      [bob, 'Bob'],
    ] as const) {
      await until(p, (v) => v.ready, 'connect');
      p.client.join(name);
      await until(p, (v) => v.you?.name === name, 'join');
    }
    await until(host, (v) => v.ready, 'host');
    host.client.start();
    await until(ada, (v) => v.phase === 'countdown', 'countdown');
    clock.advance(3000);
    await until(ada, (v) => v.phase === 'question', 'question');
    clock.advance(1000);
    ada.client.answer(0);
    await until(ada, (v) => v.you?.answer, 'ack');
    await a.close({ resumable: true });
    return a.journalPath ?? (await waitFor(() => a, 'server')).journalPath;
  }

  it('re-opens the question with its remaining time when its deadline has not passed', async () => {
    const clock = new FakeClock();
    const journalDir = join(dir, 'j1');
    await playUntilAnswered(clock, journalDir);
    const { findInterruptedJournal } = await import('../../src/main/server/game-journal');
    const path = findInterruptedJournal(journalDir)!;
    clock.advance(2000);
    const b = QuizServer.resume(path, { port: 0, bind: '127.0.0.1', staticDir: null, clock });
    servers.push(b);
    await b.listen();
    expect(b.game.phase).toBe('question');
    expect(b.game.round?.deadline).toBe(clock.now() - 3000 + 10_000);
    expect(b.game.connectedCount).toBe(0);
    expect([...b.game.players.values()].map((p) => [p.name, p.pending?.option ?? null])).toEqual([
      ['Ada', 0],
      ['Bob', null],
    ]);
  });

  it('closes the question at once when its deadline passed while the host was down', async () => {
    const clock = new FakeClock();
    const journalDir = join(dir, 'j2');
    await playUntilAnswered(clock, journalDir);
    const { findInterruptedJournal } = await import('../../src/main/server/game-journal');
    const path = findInterruptedJournal(journalDir)!;
    clock.advance(60_000);
    const b = QuizServer.resume(path, { port: 0, bind: '127.0.0.1', staticDir: null, clock });
    servers.push(b);
    await b.listen();
    expect(b.game.phase).toBe('reveal');
    const ada = [...b.game.players.values()].find((p) => p.name === 'Ada')!;
    expect(ada.score).toBe(answerPoints(1000, 1000, 10_000));
    expect(ada.answers[0]).toMatchObject({ option: 0, correct: true, elapsedMs: 1000 });
  });
});
