/**
 * Host crash recovery: the host keeps a journal, is killed with SIGKILL, is started again with
 * --resume, and the game goes on: players reconnect by themselves with their tokens, keep name
 * and score, acknowledged answers count once, and the open question goes on with the time it had
 * left when the host went down. Killed mid-answer-burst twice, with the journal's last write torn
 * each time, nothing acknowledged is lost. A journal damaged in the middle is not resumed without
 * the host's say-so.
 */
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerPoints, streakBonus } from '../../src/main/game';
import { findInterruptedJournal, rebuildRoom, scanJournal } from '../../src/main/server/game-journal';
import { encodeRecord } from '../../src/main/server/journal-records';
import { QuizServer } from '../../src/main/server/quiz-server';
import { QuizClient } from '../../src/shared/client/quiz-client';
import type { ClientView } from '../../src/shared/client/client-view';
import type { ServerMessage } from '../../src/shared/protocol';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import { AnswerLedger, expectedScore } from '../support/answer-ledger';
import { FakeClock } from '../support/fake-clock';
import { freePort, runHost, stopHost, type HostProcess } from '../support/host-process';
import { SeededRandom } from '../support/seeded-random';
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

function connect(port: number, token: string | null = null, onMessage?: (m: ServerMessage) => void): Player {
  const client = new QuizClient({
    url: `ws://127.0.0.1:${port}/ws`,
    WebSocket: WebSocket as never,
    token,
    backoffMs: [100, 200, 400, 800],
  });
  const messages: ServerMessage[] = [];
  client.onMessage((m) => {
    messages.push(m);
    onMessage?.(m);
  });
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

function writeQuiz(name: string, questions: number): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify({
      title: 'Crash quiz',
      questions: Array.from({ length: questions }, (_, i) => ({
        kind: 'choice',
        prompt: `Question ${i + 1}?`,
        options: ['a', 'b', 'c', 'd'],
        correct: i % 4,
      })),
    }),
  );
  return path;
}

/** What a crash mid-write leaves: the start of a record and no newline. */
function tearLastWrite(journal: string): void {
  appendFileSync(journal, encodeRecord({ t: 'in', at: Date.now(), input: { kind: 'timer' } }).slice(0, 30));
}

describe('a host that crashes and is resumed', () => {
  it('continues the game from its journal after SIGKILL, with the time the question had left', async () => {
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
    const before = ada.client.view.question!;

    // The host process dies without any warning.
    const killedAt = Date.now();
    first.child.kill('SIGKILL');
    await first.exited;
    await until(ada, (v) => v.connection === 'reconnecting', 'Ada to notice');

    const restartedAt = Date.now();
    const second = await startHost(['--resume', ...common]);
    const readyAt = Date.now();
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
    // The same question, moved on by the time the host was down: it has the time it had left.
    const after = ada.client.view.question!;
    expect(after).toMatchObject({ index: 0, timeLimitMs: 60_000 });
    const shift = after.deadline - before.deadline;
    expect(after.openedAt - before.openedAt).toBe(shift);
    // Down from (at most a second's note before) the kill until the second host was up.
    expect(shift).toBeGreaterThanOrEqual(restartedAt - killedAt);
    expect(shift).toBeLessThanOrEqual(readyAt - killedAt + 2 * 1000);
    expect(ada.client.view.you?.answer).toEqual(adaAck.you?.answer);
    ada.client.send({ type: 'answer', question: 0, option: 1 });
    await waitFor(
      () => ada.messages.find((m) => m.type === 'error' && m.code === 'already_answered'),
      'the second answer to be refused',
    );

    // Cy, who had not answered when the host went down, still can.
    cy.client.answer(0);
    await until(cy, (v) => v.you?.answer, 'Cy’s answer to be acknowledged');
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
    expect(finished.standings.find((r) => r.name === 'Cy')!.score).toBeGreaterThan(0);
  }, 120_000);

  it('keeps every acknowledged answer, once, through two kills mid-answer-burst with torn writes', async () => {
    const PLAYERS = 60;
    const WAVES = 6;
    const QUESTIONS = 3;
    const rng = new SeededRandom(0x5ca1ab1e);
    const port = await freePort();
    const quizFile = writeQuiz('burst-quiz.json', QUESTIONS);
    const quiz = parseQuiz(JSON.parse(readFileSync(quizFile, 'utf8')));
    const journalDir = join(dir, 'journal-burst');
    const common = ['--bind', '127.0.0.1', '--no-mdns', '--journal-dir', journalDir];
    let running = await startHost([
      '--port',
      String(port),
      '--quiz',
      quizFile,
      '--min-players',
      '0',
      '--question-time',
      '120',
      // Every player of this test connects from 127.0.0.1.
      '--max-players-per-address',
      '100',
      ...common,
    ]);
    const hostToken = decodeURIComponent(/\?host=(\S+)/.exec(running.stdout())![1]!);
    const journal = /Game journal: (\S+)/.exec(running.stdout())![1]!;
    const dashboard = connect(port, hostToken);

    /** Acknowledgements seen since the burst began; the host is killed when enough have come. */
    const burst = { acks: 0, killAfter: Infinity, victim: running as HostProcess | null };
    const onAck = (m: ServerMessage) => {
      if (m.type !== 'answer_ack') return;
      if (++burst.acks === burst.killAfter && burst.victim) burst.victim.child.kill('SIGKILL');
    };
    const players = Array.from({ length: PLAYERS }, (_, i) => {
      const ledger = new AnswerLedger(`Player ${i}`);
      const p = connect(port, null, (m) => {
        ledger.take(m);
        onAck(m);
      });
      return {
        ...p,
        ledger,
        name: `Player ${i}`,
        options: Array.from({ length: QUESTIONS }, () => rng.int(0, 3)),
      };
    });
    // A player who never answers keeps each question open until the host moves on.
    const straggler = connect(port);
    for (const p of [...players, straggler]) await until(p, (v) => v.ready, 'everyone to connect');
    for (const p of players) p.client.join(p.name);
    straggler.client.join('Straggler');
    for (const p of players) await until(p, (v) => v.you?.name === p.name, `${p.name} to join`);
    await until(dashboard, (v) => v.players.length === PLAYERS + 1, 'the host to see everyone');

    const reveals: ServerMessage[] = [];
    dashboard.client.onMessage((m) => {
      if (m.type === 'reveal') reveals.push(m);
    });
    const stats: Record<string, number>[] = [];
    const answersOf = (q: number) => players.filter((p) => p.ledger.acked.has(q)).length;

    async function burstAndKill(q: number): Promise<void> {
      await waitFor(
        () => players.every((p) => p.client.view.phase === 'question' && p.client.view.question?.index === q),
        `question ${q + 1} to reach everyone`,
      );
      burst.acks = 0;
      burst.killAfter = 1;
      burst.victim = running;
      // Everyone answers, in waves a few milliseconds apart; the host dies at the first
      // acknowledgement, while later waves are still arriving.
      for (let wave = 0; wave < WAVES; wave++) {
        for (const p of players.slice((wave * PLAYERS) / WAVES, ((wave + 1) * PLAYERS) / WAVES))
          p.client.answer(p.options[q]!);
        await new Promise((r) => setTimeout(r, 3));
      }
      await running.exited;
      const acked = answersOf(q);
      const fromSnapshots = players.reduce((n, p) => n + p.ledger.learnedFrom.snapshot, 0);
      expect(acked).toBeGreaterThanOrEqual(burst.killAfter);
      tearLastWrite(journal);
      expect(scanJournal(journal).tail).not.toBeNull();

      running = await startHost(['--resume', ...common]);
      expect(running.stdout()).toMatch(/Cut \d+ bytes after the last whole record/);
      burst.victim = null;
      for (const p of players)
        await until(
          p,
          (v) =>
            v.connection === 'open' && v.phase === 'question' && v.question?.index === q && v.you !== null,
          `${p.name} to be back on question ${q + 1}`,
        );
      // The straggler too, before anyone answers again: were it still away, the last answer would
      // close the question by itself (every connected player answered) and the host's Next that
      // follows would skip past the leaderboard.
      await until(
        straggler,
        (v) => v.connection === 'open' && v.phase === 'question' && v.question?.index === q,
        `the straggler to be back on question ${q + 1}`,
      );
      // Whoever's answer the host did not keep (its snapshot says so) answers again.
      const again = players.filter((p) => !p.client.view.you?.answer);
      for (const p of again) p.client.answer(p.options[q]!);
      await waitFor(() => answersOf(q) === PLAYERS, `every answer to question ${q + 1} to be acknowledged`);
      stats.push({
        question: q,
        ackedBeforeKill: acked,
        keptButNotAcked: players.reduce((n, p) => n + p.ledger.learnedFrom.snapshot, 0) - fromSnapshots,
        sentAgain: again.length,
      });
    }

    await until(dashboard, (v) => v.ready, 'the dashboard');
    dashboard.client.start();
    await burstAndKill(0);
    await until(dashboard, (v) => v.connection === 'open' && v.role === 'host', 'the dashboard to be back');
    dashboard.client.next(); // reveal
    await waitFor(() => reveals.length === 1, 'the first reveal');
    dashboard.client.next(); // leaderboard
    await until(dashboard, (v) => v.phase === 'leaderboard', 'the leaderboard');
    dashboard.client.next(); // question 2
    await burstAndKill(1);
    await until(
      dashboard,
      (v) => v.connection === 'open' && v.role === 'host',
      'the dashboard to be back again',
    );
    dashboard.client.end();
    const finished = await until(
      dashboard,
      (v) => v.phase === 'finished' && v.standings.length === PLAYERS + 1,
      'the final standings',
    );
    console.log(`[reliability] crash-burst ${JSON.stringify(stats)}`);

    // Nothing the host ever acknowledged was lost or contradicted...
    for (const p of players) expect(p.ledger.conflicts).toEqual([]);
    // ...each acknowledged answer counted once in its question's reveal...
    for (const q of [0, 1]) {
      const reveal = reveals.find((m) => m.type === 'reveal' && m.reveal.index === q);
      const counts = [0, 0, 0, 0];
      for (const p of players) counts[p.ledger.acked.get(q)!.option!]!++;
      expect(reveal && reveal.type === 'reveal' && reveal.reveal.counts).toEqual(counts);
    }
    // ...and in the score: exactly what the acknowledged answers earn.
    for (const p of players) {
      const row = finished.standings.find((r) => r.name === p.name)!;
      expect(row.score, p.name).toBe(expectedScore(quiz, p.ledger.acked, 120).score);
      expect(row.correct, p.name).toBe(expectedScore(quiz, p.ledger.acked, 120).correct);
    }
  }, 240_000);

  it('refuses to resume a journal damaged in the middle, saying what would be lost, until told to', async () => {
    const journalDir = join(dir, 'journal-damaged');
    const clock = new FakeClock(Date.now());
    const a = new QuizServer({
      quiz: TEST_QUIZ,
      roomName: 'Damaged',
      port: 0,
      bind: '127.0.0.1',
      staticDir: null,
      clock,
      journalDir,
      settings: { minPlayers: 0 },
    });
    servers.push(a);
    const port = await a.listen();
    for (const name of ['Ada', 'Bob', 'Cy']) {
      const p = connect(port);
      await until(p, (v) => v.ready, 'connect');
      p.client.join(name);
      await until(p, (v) => v.you?.name === name, 'join');
    }
    const path = a.journalPath!;
    await a.close({ resumable: true });
    // Bob's join record turns bad on disk; Cy's join comes after it.
    const lines = readFileSync(path, 'utf8').split('\n');
    const bob = lines.findIndex((l) => l.includes('"name":"Bob"'));
    lines[bob] = lines[bob]!.replace('Bob', 'Bub');
    writeFileSync(path, lines.join('\n'));
    const common = ['--bind', '127.0.0.1', '--no-mdns', '--journal-dir', journalDir, '--port', String(port)];

    const refused = runHost(['--resume', ...common], { QUIZROOM_STATIC_DIR: dir, XDG_DATA_HOME: dir });
    hosts.push(refused);
    expect((await refused.exited).code).toBe(5);
    expect(refused.stderr()).toMatch(
      new RegExp(
        `${basename(path)} is damaged at line ${bob + 1} \\(byte [\\d,]+\\): its checksum does not match its content\\. ` +
          'After it come 4 good records \\(0 answers, 2 players joining.*\\) that a resume would drop',
      ),
    );
    expect(refused.stderr()).toMatch(
      /Nothing was changed\. To resume up to the damage anyway, run again with --resume --accept-damage/,
    );
    expect(readFileSync(path, 'utf8')).toBe(lines.join('\n'));

    const resumed = await startHost(['--resume', '--accept-damage', ...common]);
    expect(resumed.stdout()).toMatch(/Resuming up to the damage \(--accept-damage\)/);
    const copies = readdirSync(dirname(path)).filter((n) => n.startsWith(`${basename(path)}.damaged-`));
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dirname(path), copies[0]!), 'utf8')).toBe(lines.join('\n'));
    const dashboardToken = decodeURIComponent(/\?host=(\S+)/.exec(resumed.stdout())![1]!);
    const dashboard = connect(port, dashboardToken);
    const view = await until(dashboard, (v) => v.ready && v.role === 'host', 'the dashboard');
    expect(view.players.map((p) => p.name)).toEqual(['Ada']);
    expect(existsSync(path)).toBe(true);
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
    const deadline = a.game.round!.deadline;
    await a.close({ resumable: true });
    return { port, deadline };
  }

  it('re-opens the question with the time it had left, however long the host was down', async () => {
    for (const [name, downMs] of [
      ['j1', 2000],
      // Far past the question's own deadline.
      ['j2', 60_000],
    ] as const) {
      const clock = new FakeClock();
      const journalDir = join(dir, name);
      const { deadline } = await playUntilAnswered(clock, journalDir);
      const path = findInterruptedJournal(journalDir)!;
      const bobToken = new Map(rebuildRoom(path).tokens).get('p2')!;
      const downAt = clock.now();
      clock.advance(downMs);
      const b = QuizServer.resume(path, { port: 0, bind: '127.0.0.1', staticDir: null, clock });
      servers.push(b);
      const port = await b.listen();
      expect(b.game.phase).toBe('question');
      // 10 s question, answered 1 s in, closed right then: 9 s left, now as then.
      expect(b.game.round?.deadline).toBe(deadline + downMs);
      expect(b.game.round!.deadline - clock.now()).toBe(deadline - downAt);
      expect(b.game.connectedCount).toBe(0);
      expect([...b.game.players.values()].map((p) => [p.name, p.pending])).toEqual([
        ['Ada', { option: 0, elapsedMs: 1000, credit: expect.any(Number) }],
        ['Bob', null],
      ]);
      // Bob comes back and answers 2 s later: 3 s into the question, the downtime not counted.
      const bob = connect(port, bobToken);
      await until(
        bob,
        (v) =>
          v.connection === 'open' && v.phase === 'question' && v.question?.deadline === deadline + downMs,
        'Bob to see the question again',
      );
      clock.advance(2000);
      bob.client.answer(1);
      const acked = await until(bob, (v) => v.you?.answer, 'Bob’s answer');
      expect(acked.you?.answer).toEqual({ question: 0, option: 1, elapsedMs: 3000 });
      await b.close();
    }
  });
});
