/**
 * Bad input from raw sockets: every malformed, unauthorized or out-of-place message gets an error
 * with a stable code (to that client only) or a close code, the game state does not change, and a
 * game played beside it by honest clients completes with the right scores.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { answerPoints, streakBonus, type GameState } from '../../src/main/game';
import { HELLO_TIMEOUT_MS } from '../../src/main/server/admission';
import { MAX_PAYLOAD } from '../../src/main/server/listener';
import {
  CLIENT_MESSAGE_TYPES,
  CLOSE_CODES,
  PROTOCOL_VERSION,
  SUPPORTED_PROTOCOLS,
  type ErrorCode,
} from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';

/** Everything about the game that bad input must leave alone. */
function fingerprint(game: Readonly<GameState>): string {
  const round = game.round;
  return JSON.stringify({
    phase: game.phase,
    endsAt: game.endsAt,
    questionIndex: game.questionIndex,
    settings: game.settings,
    quiz: game.quiz.title,
    gameNo: game.gameNo,
    connected: game.connectedCount,
    players: [...game.players.values()].map((p) => [
      p.id,
      p.name,
      p.connected,
      p.score,
      p.streak,
      p.pending,
      p.answers,
    ]),
    round: round && [round.index, round.deadline, round.answered, round.counts, round.closed],
  });
}

/** A token in the right shape that the host never issued. */
function randomToken(): string {
  return randomBytes(18).toString('base64url');
}

/** The same token with its last character changed: what a guess from a leaked prefix looks like. */
function tamper(token: string): string {
  const last = token.at(-1);
  return token.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}

interface Context {
  adaToken: string;
  adaId: string;
  hostToken: string;
}

interface Case {
  rule: string;
  /** How the socket introduces itself before the bad input: not at all, as a guest, or as host. */
  as: 'nobody' | 'guest' | 'host';
  send: (socket: RawSocket, ctx: Context) => void;
  /** The error codes the socket gets, in order. */
  errors?: ErrorCode[];
  /** The `ref` of the first error. */
  ref?: string;
  /** What the first error's message must say. */
  says?: RegExp;
  /** The close code the socket gets. */
  close?: number;
  /** The role the host welcomed the socket with, after a hello in `send`. */
  welcomedAs?: 'guest';
  /** Anything else the socket must see. */
  check?: (socket: RawSocket) => Promise<void>;
}

const UNREFERENCED: ErrorCode[] = ['binary_frame', 'bad_json', 'unknown_type', 'rate_limited'];

const msg = (value: unknown) => (s: RawSocket) => s.send(value);
const text = (value: string) => (s: RawSocket) => s.sendText(value);

const CASES: Case[] = [
  // Framing
  {
    rule: 'answers text that is not JSON with bad_json',
    as: 'nobody',
    send: text('{"type":"hello",'),
    errors: ['bad_json'],
  },
  { rule: 'answers an empty frame with bad_json', as: 'guest', send: text(''), errors: ['bad_json'] },
  {
    rule: 'answers a JSON number with unknown_type',
    as: 'nobody',
    send: text('42'),
    errors: ['unknown_type'],
  },
  { rule: 'answers JSON null with unknown_type', as: 'nobody', send: text('null'), errors: ['unknown_type'] },
  {
    rule: 'answers a JSON string with unknown_type',
    as: 'nobody',
    send: text('"hello"'),
    errors: ['unknown_type'],
  },
  {
    rule: 'answers a JSON array (even of a good message) with unknown_type',
    as: 'nobody',
    send: text(`[{"type":"hello","protocol":${PROTOCOL_VERSION}}]`),
    errors: ['unknown_type'],
  },
  {
    rule: 'answers an object without a type with unknown_type',
    as: 'guest',
    send: msg({ question: 0, option: 0 }),
    errors: ['unknown_type'],
  },
  {
    rule: 'answers an unknown type with unknown_type, naming the known ones',
    as: 'guest',
    send: msg({ type: 'give_points', points: 1e6 }),
    errors: ['unknown_type'],
    says: /"give_points".*hello, join, answer/,
  },
  {
    rule: 'treats a type in other letter case as unknown',
    as: 'guest',
    send: msg({ type: 'START' }),
    errors: ['unknown_type'],
  },
  {
    rule: 'answers a binary frame with binary_frame',
    as: 'nobody',
    send: (s) =>
      s.ws.send(Buffer.from(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })), { binary: true }),
    errors: ['binary_frame'],
  },
  {
    rule: 'closes a 1 MB frame with 1009 (message too big)',
    as: 'guest',
    send: text(JSON.stringify({ type: 'join', name: 'x'.repeat(1024 * 1024) })),
    close: CLOSE_CODES.tooLarge,
  },
  {
    rule: 'closes a message whose fragments add up to more than 16 KiB with 1009',
    as: 'guest',
    send: (s) => {
      s.ws.send('{"type":"join","name":"', { fin: false });
      for (let i = 0; i < 3; i++) s.ws.send('x'.repeat(6 * 1024), { fin: false });
      s.ws.send('"}', { fin: true });
    },
    close: CLOSE_CODES.tooLarge,
  },
  {
    rule: 'takes a frame just under 16 KiB (the limit is about size, not content)',
    as: 'guest',
    send: text(`{"type":"ping","t":7}${' '.repeat(MAX_PAYLOAD - 100)}`),
    check: async (s) => {
      await s.waitFor('pong', (m) => m.t === 7);
    },
  },
  {
    rule: 'closes a text frame that is not UTF-8 with 1007',
    as: 'guest',
    send: (s) => s.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }),
    close: 1007,
  },
  // Schema
  {
    rule: 'refuses a hello whose protocol is a string',
    as: 'nobody',
    send: msg({ type: 'hello', protocol: '1' }),
    errors: ['invalid_message'],
    ref: 'hello',
    says: /protocol/,
  },
  {
    rule: 'treats a hello with a token that is not token-shaped as an unknown token',
    as: 'nobody',
    send: msg({ type: 'hello', protocol: 1, token: 'abc' }),
    errors: ['unknown_token'],
    ref: 'hello',
    says: /not known/,
  },
  {
    rule: 'refuses an answer whose question is a string',
    as: 'guest',
    send: msg({ type: 'answer', question: '0', option: 0 }),
    errors: ['invalid_message'],
    ref: 'answer',
    says: /question/,
  },
  {
    rule: 'refuses an answer with a negative option',
    as: 'guest',
    send: msg({ type: 'answer', question: 0, option: -1 }),
    errors: ['invalid_message'],
    says: /option/,
  },
  {
    rule: 'refuses an answer with a fractional option',
    as: 'guest',
    send: msg({ type: 'answer', question: 0, option: 0.5 }),
    errors: ['invalid_message'],
    says: /option/,
  },
  {
    rule: 'refuses an answer with a missing option',
    as: 'guest',
    send: msg({ type: 'answer', question: 0 }),
    errors: ['invalid_message'],
    says: /option/,
  },
  {
    rule: 'refuses an answer that names a player (extra field)',
    as: 'guest',
    send: (s, ctx) => s.send({ type: 'answer', question: 0, option: 0, playerId: ctx.adaId }),
    errors: ['invalid_message'],
    says: /playerId/,
  },
  {
    rule: 'refuses a join with an extra field',
    as: 'guest',
    send: msg({ type: 'join', name: 'Eve', admin: true }),
    errors: ['invalid_message'],
    says: /admin/,
  },
  {
    rule: 'refuses a join with a 201-character name',
    as: 'guest',
    send: msg({ type: 'join', name: 'e'.repeat(201) }),
    errors: ['invalid_message'],
    ref: 'join',
  },
  {
    rule: 'refuses a join whose name is a number',
    as: 'guest',
    send: msg({ type: 'join', name: 7 }),
    errors: ['invalid_message'],
  },
  {
    rule: 'refuses a ping whose time is not a number',
    as: 'guest',
    send: msg({ type: 'ping', t: 'now' }),
    errors: ['invalid_message'],
    ref: 'ping',
  },
  {
    rule: "refuses the host's settings outside their range",
    as: 'host',
    send: msg({ type: 'settings', settings: { questionSeconds: 1 } }),
    errors: ['invalid_message'],
    ref: 'settings',
    says: /questionSeconds/,
  },
  {
    rule: "refuses the host's settings with an unknown key",
    as: 'host',
    send: msg({ type: 'settings', settings: { everyoneWins: true } }),
    errors: ['invalid_message'],
  },
  {
    rule: 'refuses a new game whose quiz is not a quiz',
    as: 'host',
    send: msg({ type: 'new_game', quiz: { title: '' } }),
    errors: ['invalid_quiz'],
    ref: 'new_game',
  },
  {
    rule: 'refuses a new game whose quiz id is not a string',
    as: 'host',
    send: msg({ type: 'new_game', quizId: 42 }),
    errors: ['invalid_message'],
    ref: 'new_game',
  },
  // Session
  {
    rule: 'asks for hello before a join',
    as: 'nobody',
    send: msg({ type: 'join', name: 'Eve' }),
    errors: ['hello_required'],
    ref: 'join',
  },
  {
    rule: 'asks for hello before an answer',
    as: 'nobody',
    send: msg({ type: 'answer', question: 0, option: 0 }),
    errors: ['hello_required'],
    ref: 'answer',
  },
  {
    rule: 'asks for hello before a host command',
    as: 'nobody',
    send: msg({ type: 'start' }),
    errors: ['hello_required'],
    ref: 'start',
  },
  {
    rule: 'refuses another protocol version with protocol_unsupported and closes 4000, naming the supported versions',
    as: 'nobody',
    send: msg({ type: 'hello', protocol: 99 }),
    errors: ['protocol_unsupported'],
    ref: 'hello',
    says: new RegExp(`(?=.*\\b99\\b)${SUPPORTED_PROTOCOLS.map((v) => `(?=.*\\b${v}\\b)`).join('')}`),
    close: CLOSE_CODES.protocolUnsupported,
  },
  {
    rule: 'refuses protocol version 0 the same way',
    as: 'nobody',
    send: msg({ type: 'hello', protocol: 0 }),
    errors: ['protocol_unsupported'],
    close: CLOSE_CODES.protocolUnsupported,
  },
  {
    rule: 'refuses a second hello on one connection',
    as: 'guest',
    send: msg({ type: 'hello', protocol: PROTOCOL_VERSION }),
    errors: ['already_hello'],
  },
  {
    rule: 'answers a hello with a random token with unknown_token and keeps the socket a guest',
    as: 'nobody',
    send: (s) => {
      s.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: randomToken() });
      s.send({ type: 'answer', question: 0, option: 0 });
    },
    errors: ['unknown_token', 'not_joined'],
    ref: 'hello',
    welcomedAs: 'guest',
  },
  {
    rule: "answers a hello with a player's token one character off with unknown_token (guest)",
    as: 'nobody',
    send: (s, ctx) => {
      s.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: tamper(ctx.adaToken) });
      s.send({ type: 'answer', question: 0, option: 0 });
    },
    errors: ['unknown_token', 'not_joined'],
    welcomedAs: 'guest',
  },
  {
    rule: 'answers a hello with the host token one character off with unknown_token (guest, no host commands)',
    as: 'nobody',
    send: (s, ctx) => {
      s.send({ type: 'hello', protocol: PROTOCOL_VERSION, token: tamper(ctx.hostToken) });
      s.send({ type: 'end' });
    },
    errors: ['unknown_token', 'forbidden'],
    welcomedAs: 'guest',
  },
  // Authorization
  {
    rule: 'forbids start without the host token',
    as: 'guest',
    send: msg({ type: 'start' }),
    errors: ['forbidden'],
    ref: 'start',
  },
  {
    rule: 'forbids next without the host token',
    as: 'guest',
    send: msg({ type: 'next' }),
    errors: ['forbidden'],
    ref: 'next',
  },
  {
    rule: 'forbids skip without the host token',
    as: 'guest',
    send: msg({ type: 'skip' }),
    errors: ['forbidden'],
    ref: 'skip',
  },
  {
    rule: 'forbids end without the host token',
    as: 'guest',
    send: msg({ type: 'end' }),
    errors: ['forbidden'],
    ref: 'end',
  },
  {
    rule: 'forbids kick without the host token',
    as: 'guest',
    send: (s, ctx) => s.send({ type: 'kick', playerId: ctx.adaId }),
    errors: ['forbidden'],
    ref: 'kick',
  },
  {
    rule: 'forbids cancelling the start without the host token',
    as: 'guest',
    send: msg({ type: 'cancel_start' }),
    errors: ['forbidden'],
    ref: 'cancel_start',
  },
  {
    rule: 'forbids removing the disconnected players without the host token',
    as: 'guest',
    send: msg({ type: 'remove_disconnected' }),
    errors: ['forbidden'],
    ref: 'remove_disconnected',
  },
  {
    rule: 'forbids settings without the host token',
    as: 'guest',
    send: msg({ type: 'settings', settings: { questionSeconds: 240 } }),
    errors: ['forbidden'],
  },
  {
    rule: 'forbids a new game without the host token',
    as: 'guest',
    send: msg({ type: 'new_game' }),
    errors: ['forbidden'],
    ref: 'new_game',
  },
  {
    rule: 'refuses an answer from a connection that has not joined',
    as: 'guest',
    send: msg({ type: 'answer', question: 0, option: 0 }),
    errors: ['not_joined'],
    ref: 'answer',
  },
  {
    rule: 'refuses a join whose name looks like a player already here, naming them',
    as: 'guest',
    send: msg({ type: 'join', name: '\u0410DA' }),
    errors: ['name_taken'],
    ref: 'join',
    says: /looks the same as a player already here: \u2068Ada\u2069/,
  },
  {
    rule: 'refuses a join whose name hides an invisible character, saying where',
    as: 'guest',
    send: msg({ type: 'join', name: 'Ada\u200bX' }),
    errors: ['name_invalid'],
    ref: 'join',
    says: /invisible character at position 4/,
  },
  {
    rule: 'refuses a leave from a connection that has not joined',
    as: 'guest',
    send: msg({ type: 'leave' }),
    errors: ['not_joined'],
    ref: 'leave',
  },
  {
    rule: 'does not let the host connection join as a player',
    as: 'host',
    send: msg({ type: 'join', name: 'Host' }),
    errors: ['forbidden'],
    ref: 'join',
  },
  // The host's commands at the wrong time
  {
    rule: 'refuses start while a question is open (wrong_phase)',
    as: 'host',
    send: msg({ type: 'start' }),
    errors: ['wrong_phase'],
    ref: 'start',
    says: /question/,
  },
  {
    rule: 'refuses to cancel the start once a question is open (wrong_phase)',
    as: 'host',
    send: msg({ type: 'cancel_start' }),
    errors: ['wrong_phase'],
    ref: 'cancel_start',
  },
  {
    rule: 'refuses to remove the disconnected players during a game (wrong_phase)',
    as: 'host',
    send: msg({ type: 'remove_disconnected' }),
    errors: ['wrong_phase'],
    ref: 'remove_disconnected',
  },
  {
    rule: 'refuses a new game while one is running (wrong_phase)',
    as: 'host',
    send: msg({ type: 'new_game' }),
    errors: ['wrong_phase'],
    ref: 'new_game',
  },
  {
    rule: 'refuses to kick a player who does not exist',
    as: 'host',
    send: msg({ type: 'kick', playerId: 'p999' }),
    errors: ['unknown_player'],
    ref: 'kick',
  },
  {
    rule: 'refuses settings that need more players than the room allows',
    as: 'host',
    send: msg({ type: 'settings', settings: { minPlayers: 10, maxPlayers: 5 } }),
    errors: ['invalid_message'],
    ref: 'settings',
  },
  // Flooding
  {
    rule: 'warns a flooding client with rate_limited, then closes it with 4003',
    as: 'guest',
    send: (s) => {
      for (let i = 0; i < 400; i++) s.send({ type: 'ping', t: i });
    },
    errors: ['rate_limited'],
    says: /Too many messages/,
    close: CLOSE_CODES.flood,
  },
];

describe('bad input, while a game runs beside it', () => {
  let h: TestHost;
  let dashboard: TestClient;
  let ada: TestClient;
  let bob: TestClient;
  let ctx: Context;
  let sockets: RawSocket[] = [];

  const honestErrors = () =>
    [dashboard, ada, bob].flatMap((c) =>
      c.messages.filter((m) => m.type === 'error').map((m) => `${c.view().you?.name ?? 'host'}: ${m.code}`),
    );

  async function socketAs(as: Case['as']): Promise<RawSocket> {
    const socket =
      as === 'nobody'
        ? await RawSocket.open(h.url)
        : await RawSocket.hello(h.url, as === 'host' ? h.server.hostToken : undefined);
    sockets.push(socket);
    if (as === 'host') expect((await socket.waitFor('welcome')).role).toBe('host');
    return socket;
  }

  beforeAll(async () => {
    h = await new TestHost().start();
    dashboard = await h.hostClient();
    ada = await h.player('Ada');
    bob = await h.player('Bob');
    await ada.waitFor('countdown');
    h.clock.advance(3000);
    for (const c of [dashboard, ada, bob]) await c.waitFor('question', (m) => m.question.index === 0);
    ctx = { adaToken: ada.client.currentToken!, adaId: ada.view().you!.id, hostToken: h.server.hostToken };
  });

  afterEach(() => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
  });

  afterAll(async () => {
    await h.stop();
  });

  it.each(CASES)('$rule', async (c) => {
    const before = fingerprint(h.server.game);
    const socket = await socketAs(c.as);
    c.send(socket, ctx);

    const expected = c.errors ?? [];
    if (expected.length > 0) {
      await waitFor(() => socket.errors.length >= expected.length, `errors ${expected.join(', ')}`);
      expect(socket.errors.slice(0, expected.length).map((e) => e.code)).toEqual(expected);
      const first = socket.errors[0]!;
      expect(first.message.length).toBeGreaterThan(10);
      if (c.ref !== undefined) expect(first.ref).toBe(c.ref);
      // Errors about the frame itself cannot name the message they refuse.
      if (UNREFERENCED.includes(first.code)) expect(first.ref).toBeUndefined();
      if (c.says) expect(first.message).toMatch(c.says);
    }
    if (c.close !== undefined) expect(await socket.waitClose()).toBe(c.close);
    else expect(socket.open).toBe(true);
    if (c.welcomedAs) {
      expect((await socket.waitFor('welcome')).role).toBe(c.welcomedAs);
      expect((await socket.waitFor('snapshot')).you).toBeNull();
    }
    await c.check?.(socket);
    // Flooding aside, each bad message gets exactly its own error back.
    if (c.close !== CLOSE_CODES.flood) expect(socket.errors.map((e) => e.code)).toEqual(expected);
    expect(socket.garbage).toEqual([]);

    expect(fingerprint(h.server.game)).toBe(before);
    expect(honestErrors()).toEqual([]);
    // The host still answers: a fresh guest gets a snapshot of the same game.
    const probe = await socketAs('guest');
    expect(probe.of('snapshot')[0]?.phase).toBe('question');
  });

  it('lets the game beside them complete with the right scores, and the honest clients never see an error', async () => {
    const intruder = await socketAs('host');
    const guest = await socketAs('guest');

    // Question 1: Ada right at 0.4 s, Bob wrong at 2 s.
    h.clock.advance(400);
    ada.client.answer(0);
    await ada.waitFor('answer_ack', (m) => m.answer.question === 0);
    guest.send({ type: 'answer', question: 0, option: 0 });
    await guest.waitError('not_joined');
    h.clock.advance(1600);
    bob.client.answer(2);
    await bob.waitFor('reveal', (m) => m.reveal.index === 0);
    // A skip in the reveal is out of phase.
    intruder.send({ type: 'skip' });
    expect((await intruder.waitError('wrong_phase')).ref).toBe('skip');
    h.clock.advance(5000);
    await ada.waitFor('leaderboard');
    h.clock.advance(5000);
    for (const c of [ada, bob]) await c.waitFor('question', (m) => m.question.index === 1);

    // Question 2: Bob right at 0.5 s, Ada right at 3 s.
    h.clock.advance(500);
    bob.client.answer(1);
    await bob.waitFor('answer_ack', (m) => m.answer.question === 1);
    guest.send({ type: 'start' });
    await guest.waitError('forbidden');
    h.clock.advance(2500);
    ada.client.answer(1);
    await ada.waitFor('reveal', (m) => m.reveal.index === 1);
    h.clock.advance(5000);
    h.clock.advance(5000);
    for (const c of [ada, bob]) await c.waitFor('question', (m) => m.question.index === 2);

    // Question 3 (2000 points, true/false): Ada right at 1 s, Bob wrong at 1 s.
    h.clock.advance(1000);
    ada.client.answer(1);
    bob.client.answer(0);
    await ada.waitFor('reveal', (m) => m.reveal.index === 2);
    h.clock.advance(5000);
    const finished = await ada.waitFor('finished');

    const adaScore =
      1000 +
      answerPoints(1000, 3000, 10_000) +
      streakBonus(2) +
      answerPoints(2000, 1000, 10_000) +
      streakBonus(3);
    const bobScore = 1000;
    expect(finished.top.map((r) => [r.name, r.score])).toEqual([
      ['Ada', adaScore],
      ['Bob', bobScore],
    ]);
    expect((await bob.waitFor('finished')).top).toEqual(finished.top);
    const final = await dashboard.waitView(
      (v) => v.phase === 'finished' && v.standings.length === 2,
      'the final standings',
    );
    expect(final.standings.map((r) => r.score)).toEqual([adaScore, bobScore]);

    // Host commands after the end are out of phase too.
    for (const type of ['next', 'skip', 'end'] as const) {
      intruder.send({ type });
      expect((await intruder.waitFor('error', (e) => e.ref === type)).code).toBe('wrong_phase');
    }
    expect(honestErrors()).toEqual([]);
    expect(h.server.game.phase).toBe('finished');
  });
});

describe('connections that misbehave on their own', () => {
  let h: TestHost | null = null;
  let sockets: RawSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets) socket.destroy();
    sockets = [];
    await h?.stop();
    h = null;
  });

  it('closes a connection that never says hello with 4004 after the hello timeout', async () => {
    h = await new TestHost().start();
    const silent = await RawSocket.open(h.url);
    const polite = await RawSocket.hello(h.url);
    sockets.push(silent, polite);
    h.clock.advance(HELLO_TIMEOUT_MS - 1);
    silent.send({ type: 'ping', t: 1 });
    await silent.waitFor('pong');
    expect(silent.open).toBe(true);
    h.clock.advance(1);
    expect(await silent.waitClose()).toBe(CLOSE_CODES.helloTimeout);
    expect(polite.open).toBe(true);
  });

  it('survives a storm of random frames and still plays', async () => {
    h = await new TestHost({ settings: { minPlayers: 0 } }).start();
    const types = [...CLIENT_MESSAGE_TYPES, 'nope'];
    const frames = fc.sample(
      fc.oneof(
        fc.string({ maxLength: 200 }).map((s) => ({ text: s })),
        fc.jsonValue({ maxDepth: 3 }).map((v) => ({ text: JSON.stringify(v) })),
        fc
          .record(
            {
              type: fc.constantFrom(...types),
              question: fc.jsonValue(),
              option: fc.jsonValue(),
              name: fc.jsonValue(),
              protocol: fc.jsonValue(),
            },
            { requiredKeys: ['type'] },
          )
          .map((v) => ({ text: JSON.stringify(v) })),
        fc.uint8Array({ maxLength: 64 }).map((b) => ({ binary: Buffer.from(b) })),
      ),
      { numRuns: 600, seed: 42 },
    );
    // A fresh socket every 30 frames stays under the flood limit, so each frame is looked at.
    for (let i = 0; i < frames.length; i += 30) {
      const socket = await RawSocket.open(h.url);
      sockets.push(socket);
      for (const frame of frames.slice(i, i + 30)) {
        if ('binary' in frame) socket.ws.send(frame.binary, { binary: true });
        else socket.sendText(frame.text);
      }
      socket.send({ type: 'ping', t: i });
      await waitFor(
        () => socket.of('pong').some((p) => p.t === i) || socket.closeCode !== null,
        'the host to get through the frames',
      );
      expect(socket.garbage).toEqual([]);
    }

    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    dashboard.client.start();
    await ada.waitFor('countdown');
    h.clock.advance(3000);
    await ada.waitFor('question');
    ada.client.answer(0);
    expect((await ada.waitFor('result')).result.correct).toBe(true);
  });
});
