/**
 * Fuzzing the host: 100,000 malformed or adversarial frames from a seeded generator, over a few
 * thousand short-lived connections, while honest players play a full game beside them. The host
 * must stay up, answer every frame it looked at, keep its memory bounded, let nobody pollute a
 * prototype or take over a seat they do not hold, and finish the honest game with the scores the
 * players' acknowledged answers earned.
 *
 * Every connection sends at most RATE_BURST frames (its sentinel ping included), so the flood
 * limiter never drops one: each frame is parsed, validated and refused on its merits. Frames the
 * host closes a connection for (bad UTF-8, too large, wrong protocol) are sent last.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_GRACE_MS } from '../../src/main/game';
import { RATE_BURST } from '../../src/main/server/connection';
import { CLOSE_CODES, PROTOCOL_VERSION } from '../../src/shared/protocol';
import { makeQuiz } from '../support/engine-harness';
import { FrameGenerator, type Frame, type FrameContext, type FrameKind } from '../support/adversarial-frames';
import { AnswerLedger, expectedScore } from '../support/answer-ledger';
import { heapPeak, settledMemory, type MemoryReading } from '../support/heap';
import { RawSocket } from '../support/raw-socket';
import { SeededRandom } from '../support/seeded-random';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';
import { choice } from '../support/choice-question';

const SEED = 0x5eed_f022;
const TOTAL_FRAMES = 100_000;
/** Connections sending at the same time. */
const WORKERS = 12;
/** Share of connections that end with a frame the host closes them for. */
const FATAL_SHARE = 0.03;
const QUESTION_SECONDS = 10;
const MAX_HEAP_GROWTH_MB = 200;

const QUIZ = makeQuiz(
  { correct: 0 },
  { correct: 2 },
  { correct: 1, options: 2, points: 2000 },
  { correct: 3, points: 0 },
  { correct: 1 },
);

/**
 * How the host ends a connection for its fatal frame. A frame over the limit may also end in 1006:
 * the host cuts the socket right after its close frame while the client is still sending the rest,
 * and the reset can arrive before the close frame is read.
 */
const FATAL_CLOSES: Record<string, number[]> = {
  'invalid-utf8': [1007, 1006],
  oversized: [CLOSE_CODES.tooLarge, 1006],
  'bad-protocol': [CLOSE_CODES.protocolUnsupported],
};
/**
 * Closes a connection can meet by chance: a random first hello with a huge protocol number
 * (4000), another fuzzing connection resuming the same player (4002), game time moving 10 s on
 * before a silent connection said hello (4004).
 */
const SURPRISE_CLOSES: number[] = [
  CLOSE_CODES.protocolUnsupported,
  CLOSE_CODES.replaced,
  CLOSE_CODES.helloTimeout,
];

interface FuzzStats {
  /** Frames written to a socket. */
  sent: number;
  /** Frames the host certainly looked at: all before an answered sentinel or an expected close. */
  looked: number;
  /** Frames of connections still running. */
  inFlight: number;
  byKind: Partial<Record<FrameKind, number>>;
  connections: number;
  closedByHost: Map<number, number>;
  errorCodes: Map<string, number>;
  nonJsonReplies: number;
  fuzzPlayersJoined: number;
  /** Connections that were neither answered nor closed, or closed for no reason the test knows. */
  problems: string[];
}

const OPENINGS = ['silent', 'guest', 'guest', 'token', 'token', 'joiner'] as const;

const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

/** One hostile connection: an opening, a run of frames, then a sentinel ping or a fatal frame. */
async function fuzzConnection(
  url: string,
  index: number,
  ctx: FrameContext,
  stats: FuzzStats,
): Promise<void> {
  const rng = new SeededRandom(SEED ^ Math.imul(index + 1, 0x9e3779b1));
  const gen = new FrameGenerator(rng, ctx);
  const frames: Frame[] = [];
  const fatal: Frame | null = rng.chance(FATAL_SHARE) ? gen.fatal() : null;
  // A hello with another protocol version closes the connection only as its very first message.
  const opening = fatal?.kind === 'bad-protocol' ? 'fatal' : rng.pick(OPENINGS);
  if (opening === 'guest')
    frames.push(textFrame(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
  if (opening === 'token') frames.push(textFrame(JSON.stringify(gen.tokenHello())));
  if (opening === 'joiner') {
    frames.push(textFrame(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
    frames.push(textFrame(JSON.stringify({ type: 'join', name: `Fuzz${index}` })));
  }
  if (opening !== 'fatal') {
    // The sentinel ping takes the last place the rate allows.
    const room = RATE_BURST - 1 - frames.length;
    for (let i = rng.int(Math.floor(room / 2), room); i > 0; i--) frames.push(gen.next());
  }
  if (fatal) frames.push(fatal);
  stats.inFlight += frames.length;

  const socket = await RawSocket.open(url);
  stats.connections++;
  for (const frame of frames) {
    if (socket.closeCode !== null) break;
    send(socket, frame);
    stats.sent++;
    stats.byKind[frame.kind] = (stats.byKind[frame.kind] ?? 0) + 1;
  }
  const sentinel = 1e15 + index;
  if (!fatal) socket.send({ type: 'ping', t: sentinel });
  const what = `fuzzing connection ${index} (${opening}, ${frames.length} frames, ends ${fatal?.kind ?? 'with a ping'})`;
  const answered = await waitFor(
    () => socket.closeCode !== null || socket.of('pong').some((p) => p.t === sentinel),
    what,
    30_000,
  ).then(
    () => true,
    () => false,
  );

  stats.inFlight -= frames.length;
  const code = socket.closeCode;
  if (!answered) {
    stats.problems.push(`${what}: neither answered nor closed`);
  } else if (code === null) {
    // The host answered the sentinel after every frame before it.
    stats.looked += frames.length;
  } else {
    bump(stats.closedByHost, code);
    if (fatal && (FATAL_CLOSES[fatal.kind] ?? []).includes(code)) stats.looked += frames.length;
    else if (!SURPRISE_CLOSES.includes(code)) stats.problems.push(`${what}: closed with ${code}`);
  }
  for (const m of socket.messages) {
    if (m.type === 'error') bump(stats.errorCodes, m.code);
    if (m.type === 'joined') {
      stats.fuzzPlayersJoined++;
      ctx.ownTokens.push(m.token);
      ctx.playerIds.push(m.player.id);
    }
  }
  stats.nonJsonReplies += socket.garbage.length;
  if (rng.chance(0.5)) socket.ws.close(1000);
  else socket.destroy();
}

function textFrame(data: string): Frame {
  return { kind: 'valid-out-of-phase', data, binary: false, fragments: 1, fatal: false };
}

function send(socket: RawSocket, frame: Frame): void {
  if (frame.fragments <= 1) {
    socket.ws.send(frame.data, { binary: frame.binary });
    return;
  }
  const data = String(frame.data);
  const size = Math.ceil(data.length / frame.fragments);
  for (let i = 0; i < frame.fragments; i++) {
    socket.ws.send(data.slice(i * size, (i + 1) * size), { fin: i === frame.fragments - 1 });
  }
}

describe('fuzzing the host while a game runs', () => {
  let h: TestHost;
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    h = await new TestHost({
      quiz: QUIZ,
      settings: { minPlayers: 0, autoAdvance: false, questionSeconds: QUESTION_SECONDS },
    }).start();
  });
  afterAll(async () => {
    await h?.stop();
    console.log(`[reliability] fuzz ${JSON.stringify(report)}`);
  });

  it(`stays up, bounded and correct through ${TOTAL_FRAMES.toLocaleString('en')} hostile frames`, async () => {
    const dashboard = await h.hostClient();
    const names = ['Ada', 'Bob', 'Cy', 'Dee'];
    const honest: TestClient[] = [];
    for (const name of names) honest.push(await h.player(name));
    const ledgers = honest.map((c, i) => {
      const ledger = new AnswerLedger(names[i]!);
      for (const m of c.messages) ledger.take(m);
      c.client.onMessage((m) => ledger.take(m));
      return ledger;
    });
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
    const settingsBefore = JSON.stringify(h.server.game.settings);

    // Each honest player's plan: per question, an option and when (ms after it opened), or none.
    const planRng = new SeededRandom(SEED);
    const plan = honest.map(() =>
      QUIZ.questions.map(choice).map((q) => {
        if (planRng.chance(0.2)) return null;
        const option = planRng.chance(0.6) ? q.correct : planRng.int(0, q.options.length - 1);
        return { option, at: planRng.pick([300, 800, 1500, 2500, 4000, 6500, 9500]) };
      }),
    );

    // --- The attack runs on its own; the game below paces itself by how far it has got.
    const ctx: FrameContext = {
      ownTokens: [],
      secretTokens: [h.server.hostToken, ...honest.map((c) => c.client.currentToken!)],
      playerIds: honest.map((c) => c.view().you!.id),
    };
    const stats: FuzzStats = {
      sent: 0,
      looked: 0,
      inFlight: 0,
      byKind: {},
      connections: 0,
      closedByHost: new Map(),
      errorCodes: new Map(),
      nonJsonReplies: 0,
      fuzzPlayersJoined: 0,
      problems: [],
    };
    const before: MemoryReading = settledMemory();
    const peak = heapPeak();
    let nextIndex = 0;
    const started = performance.now();
    const attack = Promise.all(
      Array.from({ length: WORKERS }, async () => {
        while (stats.looked + stats.inFlight < TOTAL_FRAMES)
          await fuzzConnection(h.url, nextIndex++, ctx, stats);
      }),
    );
    let attackFailed: unknown = null;
    attack.catch((e: unknown) => (attackFailed = e));
    const fuzzReached = (share: number) =>
      waitFor(
        () => {
          if (attackFailed) throw attackFailed;
          return stats.sent >= share * TOTAL_FRAMES;
        },
        `${Math.round(share * 100)} % of the fuzz frames`,
        90_000,
      );
    const allSee = (what: string, check: (c: TestClient) => boolean) =>
      Promise.all([dashboard, ...honest].map((c) => waitFor(() => check(c), what, 30_000)));
    const saw = (c: TestClient, type: string, index?: number) =>
      c.messages.some(
        (m) =>
          m.type === type &&
          (index === undefined ||
            (m.type === 'question' && m.question.index === index) ||
            (m.type === 'reveal' && m.reveal.index === index)),
      );

    // --- The honest game, spread over the attack.
    const checkpoints = 2 + QUIZ.questions.length * 3;
    let checkpoint = 0;
    const pace = () => fuzzReached(++checkpoint / (checkpoints + 1));

    await pace(); // lobby
    dashboard.client.start();
    await allSee('the countdown', (c) => saw(c, 'countdown'));
    await pace();
    h.clock.advance(3000);
    for (let q = 0; q < QUIZ.questions.length; q++) {
      await allSee(`question ${q + 1}`, (c) => saw(c, 'question', q));
      let elapsed = 0;
      const answers = honest.flatMap((c, i) => {
        const a = plan[i]![q];
        return a ? [{ c, ...a }] : [];
      });
      const times = [...new Set(answers.map((a) => a.at))].sort((a, b) => a - b);
      for (const at of times) {
        h.clock.advance(at - elapsed);
        elapsed = at;
        const due = answers.filter((a) => a.at === at);
        for (const a of due) a.c.client.answer(a.option);
        await Promise.all(
          due.map(({ c }) =>
            c
              .waitFor('answer_ack', (m) => m.answer.question === q)
              .catch(() => {
                throw new Error(`${c.view().you?.name}'s answer to question ${q + 1} was not acknowledged`);
              }),
          ),
        );
      }
      await pace();
      h.clock.advance(QUESTION_SECONDS * 1000 + MAX_GRACE_MS - elapsed);
      await allSee(`the reveal of question ${q + 1}`, (c) => saw(c, 'reveal', q));
      await pace();
      dashboard.client.next();
      if (q < QUIZ.questions.length - 1) {
        await allSee(`leaderboard ${q + 1}`, (c) => c.view().phase === 'leaderboard');
        await pace();
        dashboard.client.next();
      }
    }
    await allSee('the end', (c) => c.view().phase === 'finished');
    await attack;
    const seconds = (performance.now() - started) / 1000;
    const peakHeapMb = peak.stop();

    // Every fuzzing socket is gone from the host once the attack is over.
    const server = h.server;
    await waitFor(
      () => server.connectionCount === honest.length + 1,
      'the host to let go of the fuzzing connections',
      30_000,
    );
    const after = settledMemory();

    Object.assign(report, {
      seed: SEED,
      framesSent: stats.sent,
      framesLookedAt: stats.looked,
      connections: stats.connections,
      seconds: Math.round(seconds * 10) / 10,
      framesPerSecond: Math.round(stats.sent / seconds),
      byKind: stats.byKind,
      closedByHost: Object.fromEntries(stats.closedByHost),
      errors: Object.fromEntries([...stats.errorCodes].sort((a, b) => b[1] - a[1])),
      fuzzPlayersJoined: stats.fuzzPlayersJoined,
      memoryBefore: before,
      memoryAfter: after,
      peakHeapMb,
      heapGrowthMb: Math.round((after.heapUsedMb - before.heapUsedMb) * 10) / 10,
    });

    // The host stayed up and looked at every frame.
    expect(stats.problems).toEqual([]);
    expect(stats.looked).toBeGreaterThanOrEqual(TOTAL_FRAMES);
    expect(stats.errorCodes.get('rate_limited') ?? 0).toBe(0);
    expect(stats.nonJsonReplies).toBe(0);
    const probe = await RawSocket.hello(h.url);
    expect(probe.of('snapshot')[0]?.phase).toBe('finished');
    probe.destroy();

    // Memory stayed bounded.
    expect(after.heapUsedMb - before.heapUsedMb).toBeLessThan(MAX_HEAP_GROWTH_MB);

    // Nothing was polluted and nothing the host owns was changed by a guest.
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(h.server.game.settings)).toBe(settingsBefore);
    expect(h.server.game.quiz).toBe(QUIZ);
    expect(h.server.game.gameNo).toBe(1);

    // The honest game: never an error, every acknowledged answer counted once, the right scores.
    for (const c of [dashboard, ...honest]) expect(c.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(ledgers.flatMap((l) => l.conflicts)).toEqual([]);
    const standings = dashboard.view().standings;
    honest.forEach((c, i) => {
      const ledger = ledgers[i]!;
      const planned = plan[i]!.filter((a) => a !== null).length;
      expect(ledger.acked.size, `${names[i]}'s acknowledged answers`).toBe(planned);
      const want = expectedScore(QUIZ, ledger.acked, QUESTION_SECONDS).score;
      expect(c.view().you?.score, `${names[i]}'s score`).toBe(want);
      expect(standings.find((r) => r.name === names[i])?.score).toBe(want);
      const p = h.server.game.players.get(c.view().you!.id)!;
      QUIZ.questions.forEach((_, q) => {
        const acked = ledger.acked.get(q);
        expect(
          p.answers[q] ? { option: p.answers[q].option, elapsedMs: p.answers[q].elapsedMs } : undefined,
        ).toEqual(acked);
      });
    });
    // Each reveal counted each recorded answer once, whoever gave it.
    for (const reveal of dashboard.messages.filter((m) => m.type === 'reveal')) {
      const q = reveal.reveal.index;
      const tally = choice(QUIZ.questions[q]).options.map(() => 0);
      for (const p of h.server.game.players.values()) {
        const a = p.answers[q];
        if (a?.option !== undefined) tally[a.option]!++;
      }
      expect(reveal.reveal.counts, `answers counted for question ${q + 1}`).toEqual(tally);
    }
    // Everybody who played is on the final table once (anyone may join for the next game after it).
    const ids = standings.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(standings.map((r) => r.name.toLowerCase())).size).toBe(ids.length);
    const played = [...h.server.game.players.values()].filter(
      (p) => p.answers.length === QUIZ.questions.length,
    );
    expect(ids.sort()).toEqual(played.map((p) => p.id).sort());
  }, 110_000);
});
