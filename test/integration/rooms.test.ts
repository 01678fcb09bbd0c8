/**
 * The room as a whole: games one after another in one process, the one port (health, web player,
 * fallback to the next port), who may join (nicknames, PIN, connection cap) and closing the room.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { answerPoints, streakBonus } from '../../src/main/game';
import { ListenError } from '../../src/main/server/quiz-server';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../src/shared/protocol';
import { QuizSchema } from '../../src/shared/quiz/quiz-schema';
import { RawSocket } from '../support/raw-socket';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';

const SECOND_QUIZ = QuizSchema.parse({
  title: 'Second quiz',
  questions: [
    {
      kind: 'choice',
      prompt: 'Red and blue make?',
      options: ['a shade of brown', 'a shade of violet', 'a shade of grey'],
      correct: 1,
    },
    {
      kind: 'choice',
      prompt: 'Seven times six?',
      options: ['42', '36', '48', '56'],
      correct: 0,
      timeLimit: 20,
    },
  ],
});

const hosts: TestHost[] = [];
const sockets: RawSocket[] = [];
const cleanups: (() => void)[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const h of hosts.splice(0)) await h.stop();
  for (const c of cleanups.splice(0)) c();
});

async function startHost(options: ConstructorParameters<typeof TestHost>[0] = {}): Promise<TestHost> {
  const h = new TestHost(options);
  hosts.push(h);
  return h.start();
}

async function rawSocket(h: TestHost, token?: string): Promise<RawSocket> {
  const s = await RawSocket.hello(h.url, token);
  sockets.push(s);
  return s;
}

async function health(h: TestHost): Promise<{ status: number; type: string | null; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${h.server.port}/health`);
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
}

/** A GET with the path sent exactly as written (fetch would tidy away `..`). */
function getRaw(
  port: number,
  path: string,
  method = 'GET',
): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

function errorCodes(c: TestClient): string[] {
  return c.messages.filter((m) => m.type === 'error').map((m) => m.code);
}

/** Runs one question: the players answer in order, each after `at` ms of the question. */
async function playQuestion(
  h: TestHost,
  index: number,
  answers: [TestClient, number, number][],
  all: TestClient[],
) {
  for (const c of all) await c.waitFor('question', (m) => m.question.index === index);
  let now = 0;
  for (const [c, option, at] of answers) {
    h.clock.advance(at - now);
    now = at;
    c.client.answer(option);
    await c.waitFor('answer_ack', (m) => m.answer.question === index);
  }
  for (const c of all) await c.waitFor('result', (m) => m.result.question === index);
}

describe('games in a row', () => {
  it('plays a second game after the first, with the players kept and their scores back at zero', async () => {
    const h = await startHost();
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    const bob = await h.player('Bob');
    const ids = [ada.view().you!.id, bob.view().you!.id];

    // Game 1: Bob wins every question.
    await ada.waitFor('countdown');
    h.clock.advance(3000);
    for (let q = 0; q < 3; q++) {
      await playQuestion(
        h,
        q,
        [
          [bob, [0, 1, 1][q]!, 100],
          [ada, [3, 3, 0][q]!, 200],
        ],
        [ada, bob],
      );
      h.clock.advance(5000);
      if (q < 2) {
        await waitFor(
          () => ada.messages.filter((m) => m.type === 'leaderboard').length === q + 1,
          'the leaderboard',
        );
        h.clock.advance(5000);
      }
    }
    const first = await ada.waitFor('finished');
    expect(first.top.map((r) => [r.name, r.score])).toEqual([
      ['Bob', 1000 + 1100 + 2200],
      ['Ada', 0],
    ]);
    await dashboard.waitView((v) => v.phase === 'finished', 'the host to see the end');

    // Game 2, with another quiz: it waits in the lobby for the host's Start, though the two
    // players are still connected.
    for (const c of [dashboard, ada, bob]) c.messages.length = 0;
    dashboard.client.newGame({ quiz: SECOND_QUIZ });
    const snapshot = await ada.waitFor('snapshot');
    expect(snapshot.quiz).toEqual({ title: 'Second quiz', questionCount: 2 });
    expect(snapshot.phase).toBe('lobby');
    expect(snapshot.you).toMatchObject({
      id: ids[0],
      name: 'Ada',
      score: 0,
      streak: 0,
      answer: null,
      result: null,
    });
    expect((await bob.waitFor('snapshot')).you).toMatchObject({ id: ids[1], score: 0, streak: 0 });
    const roster = await dashboard.waitView(
      (v) => v.quiz?.title === 'Second quiz',
      'the host to see the new game',
    );
    expect(roster.players.map((p) => [p.id, p.score, p.connected])).toEqual([
      [ids[0], 0, true],
      [ids[1], 0, true],
    ]);
    expect(dashboard.view().settings.minPlayers).toBe(0);
    dashboard.client.start();
    await ada.waitFor('countdown');
    expect(h.server.game.gameNo).toBe(2);
    expect((await health(h)).body).toMatchObject({ state: 'STARTED', players: 2 });

    // Ada wins this one: right at 0.4 s and at 5 s of 20; Bob right at 4 s, then wrong.
    h.clock.advance(3000);
    const q0 = await ada.waitFor('question', (m) => m.question.index === 0);
    expect(q0.question).toMatchObject({ prompt: 'Red and blue make?', count: 2 });
    await playQuestion(
      h,
      0,
      [
        [ada, 1, 400],
        [bob, 1, 4000],
      ],
      [ada, bob],
    );
    h.clock.advance(5000);
    h.clock.advance(5000);
    await playQuestion(
      h,
      1,
      [
        [ada, 0, 5000],
        [bob, 2, 6000],
      ],
      [ada, bob],
    );
    h.clock.advance(5000);
    const second = await ada.waitFor('finished');

    const adaScore = 1000 + answerPoints(1000, 5000, 20_000) + streakBonus(2);
    const bobScore = answerPoints(1000, 4000, 10_000);
    expect(second.top.map((r) => [r.name, r.score, r.correct])).toEqual([
      ['Ada', adaScore, 2],
      ['Bob', bobScore, 1],
    ]);
    const final = await dashboard.waitView(
      (v) => v.phase === 'finished' && v.standings.length === 2,
      'the final standings',
    );
    expect(final.standings.map((r) => r.score)).toEqual([adaScore, bobScore]);
    expect([...errorCodes(dashboard), ...errorCodes(ada), ...errorCodes(bob)]).toEqual([]);

    // A third game with the same quiz needs no quiz in the command.
    dashboard.client.newGame();
    await waitFor(() => h.server.game.gameNo === 3, 'a third game');
    expect(h.server.game.quiz.title).toBe('Second quiz');
  });

  it('starts a new game from the lobby of the last one only when the host asks, and refuses it mid-game', async () => {
    const h = await startHost({ settings: { minPlayers: 0 } });
    const dashboard = await h.hostClient();
    await h.player('Ada');
    dashboard.client.start();
    await dashboard.waitFor('countdown');
    dashboard.client.newGame({ quiz: SECOND_QUIZ });
    expect((await dashboard.waitFor('error')).code).toBe('wrong_phase');
    expect(h.server.game.quiz.title).toBe('Test quiz');
    dashboard.client.end();
    await dashboard.waitFor('finished');
    dashboard.client.newGame({ quiz: SECOND_QUIZ });
    await dashboard.waitView((v) => v.phase === 'lobby' && v.quiz?.title === 'Second quiz', 'the new lobby');
    expect((await health(h)).body).toMatchObject({ state: 'NOT_STARTED', players: 1 });
  });
});

describe('one port for everything', () => {
  it('answers /health with the room name, state, player count and protocol version', async () => {
    const h = await startHost({ roomName: 'Quiz night', settings: { minPlayers: 0 } });
    const first = await health(h);
    expect(first.status).toBe(200);
    expect(first.type).toMatch(/^application\/json/);
    expect(first.body).toEqual({
      room: 'Quiz night',
      state: 'NOT_STARTED',
      players: 0,
      protocol: PROTOCOL_VERSION,
      pinRequired: false,
    });

    const dashboard = await h.hostClient();
    await h.player('Ada');
    expect((await health(h)).body).toMatchObject({ state: 'NOT_STARTED', players: 1 });
    dashboard.client.start();
    await dashboard.waitFor('countdown');
    expect((await health(h)).body).toMatchObject({ state: 'STARTED', players: 1 });
    dashboard.client.end();
    await dashboard.waitFor('finished');
    expect((await health(h)).body).toMatchObject({ room: 'Quiz night', state: 'FINISHED', players: 1 });
  });

  it('serves the web player from its folder, and nothing outside it', async () => {
    const root = mkdtempSync(join(tmpdir(), 'quizroom-static-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    mkdirSync(join(root, 'player', 'assets'), { recursive: true });
    writeFileSync(join(root, 'player', 'index.html'), '<!doctype html><title>Quizroom</title>');
    writeFileSync(join(root, 'player', 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(root, 'secret.txt'), 'not for players');
    const h = await startHost({ staticDir: join(root, 'player') });
    const port = h.server.port;

    const index = await getRaw(port, '/');
    expect(index).toMatchObject({ status: 200, body: '<!doctype html><title>Quizroom</title>' });
    expect(index.type).toMatch(/^text\/html/);
    expect((await getRaw(port, '/?host=abc')).status).toBe(200);
    expect((await getRaw(port, '/assets/app-1234.js')).type).toMatch(/^text\/javascript/);
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/nope.html',
    ]) {
      const res = await getRaw(port, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('not for players');
    }
    expect((await getRaw(port, '/', 'POST')).status).toBe(405);
    // The WebSocket is only at /ws.
    await expect(RawSocket.open(`ws://127.0.0.1:${port}/elsewhere`)).rejects.toThrow(/404/);
  });

  it('moves to the next port when the one asked for is taken, unless told to use that port only', async () => {
    // Find a port P whose neighbour P+1 is free, with a room already on P.
    let first: TestHost | null = null;
    for (let attempt = 0; attempt < 10 && !first; attempt++) {
      const candidate = await startHost({ port: 0 });
      if (await portIsFree(candidate.server.port + 1)) first = candidate;
    }
    expect(first, 'a free pair of ports').not.toBeNull();
    const taken = first!.server.port;

    const second = await startHost({ port: taken, strictPort: false });
    expect(second.server.port).toBe(taken + 1);
    expect((await health(second)).body).toMatchObject({ room: 'Test room' });

    const strict = new TestHost({ port: taken, strictPort: true });
    hosts.push(strict);
    const error = await strict.start().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ListenError);
    expect((error as ListenError).port).toBe(taken);
    expect((error as ListenError).message).toContain(String(taken));
    expect((error as ListenError).message).toMatch(/already in use/);
    // The first room is unaffected.
    expect((await health(first!)).status).toBe(200);
  });

  it('closes every socket with 4008 (room closed, final) when the room closes, even one that stopped reading', async () => {
    const h = await startHost({ settings: { minPlayers: 0 } });
    const player = await rawSocket(h);
    player.send({ type: 'join', name: 'Ada' });
    await player.waitFor('joined');
    const guest = await rawSocket(h);
    const dashboard = await rawSocket(h, h.server.hostToken);
    const frozen = await rawSocket(h);
    const frozenTcp = (frozen.ws as unknown as { _socket: import('node:net').Socket })._socket;
    frozenTcp.pause();
    const bob = await h.player('Bob');

    await h.server.close();
    for (const s of [player, guest, dashboard]) expect(await s.waitClose()).toBe(CLOSE_CODES.roomClosed);
    // The QuizClient takes it as final: no "reconnecting" forever.
    const closed = await bob.waitView(
      (v) => v.connection === 'closed',
      'the QuizClient to see the room close',
    );
    expect(closed.closedReason).toBe('The host closed the room.');
    await expect(fetch(`http://127.0.0.1:${h.server.port}/health`)).rejects.toThrow();
    // The frozen socket was cut after the grace period; what it had been sent still says why.
    frozenTcp.resume();
    expect(await frozen.waitClose()).toBe(CLOSE_CODES.roomClosed);
  });
});

describe('who may join', () => {
  it('applies the nickname rules over the wire: trimmed, 1 to 24 visible characters, no name that looks like another', async () => {
    const h = await startHost({ settings: { minPlayers: 0 } });
    const dashboard = await h.hostClient();
    const ada = h.client();
    await ada.waitView((v) => v.ready, 'Ada to connect');
    ada.client.join('   Ada  ');
    expect((await ada.waitFor('joined')).player.name).toBe('Ada');

    const eve = h.client();
    await eve.waitView((v) => v.ready, 'Eve to connect');
    const refusals: [string, string, RegExp][] = [
      ['', 'name_invalid', /nickname/i],
      ['    ', 'name_invalid', /nickname/i],
      ['x'.repeat(25), 'name_invalid', /24/],
      ['Ev\u0007e', 'name_invalid', /control/],
      ['Ev\ne', 'name_invalid', /control/],
      ['Ev\u0000e', 'name_invalid', /control/],
      ['\u202eEve', 'name_invalid', /invisible character at position 1/],
      ['Ev\u3164e', 'name_invalid', /invisible character at position 3/],
      ['Ev\u2800e', 'name_invalid', /blank-looking character at position 3/],
      ['Ev\ud800e', 'name_invalid', /broken character at position 3/],
      ['ADA', 'name_taken', /looks the same as a player already here: \u2068Ada\u2069/],
      ['  ada ', 'name_taken', /looks the same as a player already here/],
      ['\u0410da', 'name_taken', /looks the same as a player already here/],
    ];
    for (const [i, [name, code, says]] of refusals.entries()) {
      eve.client.join(name);
      await waitFor(
        () => eve.messages.filter((m) => m.type === 'error').length === i + 1,
        `the refusal of ${JSON.stringify(name)}`,
      );
      const error = eve.messages.filter((m) => m.type === 'error')[i]!;
      expect([error.code, error.ref], JSON.stringify(name)).toEqual([code, 'join']);
      expect(error.message, JSON.stringify(name)).toMatch(says);
    }
    expect(eve.view().role).toBe('guest');
    expect(h.server.game.players.size).toBe(1);

    // Trailing whitespace does not count, and 24 characters (not UTF-16 units) is the limit.
    const fox = '🦊'.repeat(24);
    eve.client.join(` ${fox} `);
    expect((await eve.waitFor('joined')).player.name).toBe(fox);
    await dashboard.waitView((v) => v.players.length === 2, 'two players on the roster');
    expect(dashboard.view().players.map((p) => p.name)).toEqual(['Ada', fox]);
  });

  it('asks for the room PIN when there is one, refuses a wrong one and lets the right one in', async () => {
    const h = await startHost({ pin: '482913', settings: { minPlayers: 0 } });
    expect((await health(h)).body).toMatchObject({ pinRequired: true });
    const dashboard = await h.hostClient();
    expect(dashboard.view().access?.pin).toBe('482913');

    const eve = h.client();
    await eve.waitView((v) => v.ready, 'Eve to connect');
    expect(eve.view().room?.pinRequired).toBe(true);
    expect(JSON.stringify(eve.messages)).not.toContain('482913');
    const tries: [string | undefined, string][] = [
      [undefined, 'pin_required'],
      ['', 'pin_required'],
      ['000000', 'pin_wrong'],
      ['48291', 'pin_wrong'],
      ['4829130', 'pin_wrong'],
    ];
    for (const [i, [pin, code]] of tries.entries()) {
      eve.client.join('Eve', pin);
      await waitFor(
        () => eve.messages.filter((m) => m.type === 'error').length === i + 1,
        `the answer to PIN ${pin}`,
      );
      expect(eve.messages.filter((m) => m.type === 'error')[i]).toMatchObject({ code, ref: 'join' });
    }
    expect(h.server.game.players.size).toBe(0);
    eve.client.join('Eve', '482913');
    expect((await eve.waitFor('joined')).player.name).toBe('Eve');
    await dashboard.waitView((v) => v.players.length === 1, 'Eve on the roster');
  });

  it('refuses connections from one address beyond the cap with too_many_connections and 4006', async () => {
    const h = await startHost({ maxConnectionsPerAddress: 2 });
    const one = await rawSocket(h);
    await rawSocket(h);
    const third = await RawSocket.open(h.url);
    sockets.push(third);
    expect((await third.waitError('too_many_connections')).message).toMatch(/at most 2/);
    expect(await third.waitClose()).toBe(CLOSE_CODES.tooManyConnections);
    // A place frees up when a connection ends.
    one.destroy();
    const again = await waitForAsync(async () => {
      const s = await RawSocket.open(h.url);
      sockets.push(s);
      s.send({ type: 'hello', protocol: PROTOCOL_VERSION });
      await waitFor(() => s.messages.length > 0, 'an answer');
      return s.of('welcome').length > 0 ? s : null;
    }, 'a free place after one connection ended');
    expect((await again.waitFor('snapshot')).phase).toBe('lobby');
  });
});

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });
}

/** Retries an async check until it gives a value (for conditions only a new attempt can test). */
async function waitForAsync<T>(check: () => Promise<T | null>, what: string, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== null) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
