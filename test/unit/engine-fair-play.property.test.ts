/**
 * Fair play under any input: whatever clients send (answers to any question, any option, at any
 * time, as often as they like), nobody scores more than an honest perfect player could, sending
 * every option earns exactly what the first answer earns, and the engine never throws. Players
 * may have extra time (1.5 or 2 times each question's time): an answer is still refused past that
 * player's own deadline, and still counts once, and no reveal comes before every connected player
 * with extra time has answered or run out of their own time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  deadlineFor,
  MAX_GRACE_MS,
  quizIndexAt,
  streakBonus,
  type Effect,
  type GameState,
  type Input,
  type Round,
} from '../../src/main/game';
import type { GameSettings, HostCommand } from '../../src/shared/protocol';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { choice } from '../support/choice-question';
import { correctOptionLeaks, EngineHarness, makeQuiz, type QuestionSpec } from '../support/engine-harness';

const SEED = 20_240_601;
const RUNS = 200;

/** The most a player can score: every answer right at full speed, the streak never broken. */
function honestMaximum(quiz: Quiz): number {
  let streak = 0;
  let total = 0;
  for (const q of quiz.questions) {
    if (q.points === 0) continue;
    streak++;
    total += q.points + streakBonus(streak);
  }
  return total;
}

const questionSpec: fc.Arbitrary<QuestionSpec> = fc
  .record({
    options: fc.integer({ min: 2, max: 4 }),
    correct: fc.nat(3),
    points: fc.constantFrom<0 | 1000 | 2000>(0, 1000, 1000, 2000),
    timeLimit: fc.option(fc.integer({ min: 5, max: 12 }), { nil: undefined }),
  })
  .map((s) => ({ ...s, correct: s.correct % s.options }));

const quizArb = fc.array(questionSpec, { minLength: 1, maxLength: 5 }).map((specs) => makeQuiz(...specs));

const settingsArb: fc.Arbitrary<Partial<GameSettings>> = fc.record({
  minPlayers: fc.constant(0),
  countdownSeconds: fc.integer({ min: 0, max: 3 }),
  questionSeconds: fc.integer({ min: 5, max: 10 }),
  revealSeconds: fc.integer({ min: 1, max: 3 }),
  leaderboardSeconds: fc.integer({ min: 1, max: 3 }),
});

/** Which question an answer names: the open one, or any index (earlier, later, out of range). */
const questionRef = fc.oneof(fc.constant('open' as const), fc.integer({ min: -1, max: 6 }));

const OTHERS = 3;

type Action =
  | { kind: 'answer'; who: number; question: 'open' | number; option: number; dt: number; graceMs: number }
  | { kind: 'disconnected' | 'connected'; who: number; dt: number }
  | { kind: 'skip'; dt: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      who: fc.nat(OTHERS - 1),
      question: questionRef,
      option: fc.integer({ min: -1, max: 5 }),
      dt: fc.nat(14_000),
      graceMs: fc.integer({ min: -100, max: 1000 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constantFrom('disconnected' as const, 'connected' as const),
      who: fc.nat(OTHERS - 1),
      dt: fc.nat(14_000),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), dt: fc.nat(14_000) }) },
);

/** The player who sends every option, 0 to 3 in some order, quickly one after another. */
interface Burst {
  dt: number;
  order: number[];
  gaps: number[];
  graceMs: number;
  /** Answers to other questions sent first; they must change nothing. */
  noise: { question: number; option: number }[];
}

const burstArb: fc.Arbitrary<Burst> = fc.record({
  dt: fc.nat(13_000),
  order: fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
  gaps: fc.array(fc.nat(400), { minLength: 3, maxLength: 3 }),
  graceMs: fc.integer({ min: 0, max: 1000 }),
  noise: fc.array(
    fc.record({ question: fc.integer({ min: -1, max: 6 }), option: fc.integer({ min: -1, max: 5 }) }),
    { maxLength: 2 },
  ),
});

interface Script {
  quiz: Quiz;
  settings: Partial<GameSettings>;
  /** Per question: what the other players and the host do. */
  actions: Action[][];
  /** Per question: what the spamming player sends. */
  bursts: Burst[];
  /** Extra time for the spamming player and for the first other player (1: none). */
  extraTime: [1 | 1.5 | 2, 1 | 1.5 | 2];
}

const factorArb = fc.constantFrom<1 | 1.5 | 2>(1, 1, 1.5, 2);

const scriptArb: fc.Arbitrary<Script> = fc.tuple(quizArb, settingsArb).chain(([quiz, settings]) =>
  fc.record({
    quiz: fc.constant(quiz),
    settings: fc.constant(settings),
    actions: fc.array(fc.array(actionArb, { maxLength: 10 }), {
      minLength: quiz.questions.length,
      maxLength: quiz.questions.length,
    }),
    bursts: fc.array(burstArb, { minLength: quiz.questions.length, maxLength: quiz.questions.length }),
    extraTime: fc.tuple(factorArb, factorArb),
  }),
);

/**
 * Runs one step and checks that a reveal it sends (unless the host closed the question) waited
 * for every connected player with extra time: they answered, or their own time and the longest
 * grace are over.
 */
function revealWaits(h: EngineHarness, check: boolean, run: () => Effect[]): Effect[] {
  const open = h.state.round && !h.state.round.closed ? { ...h.state.round } : null;
  const stillAnswering = Object.keys(open?.extraTime ?? {}).filter((id) => !h.state.players.get(id)?.pending);
  const effects = run();
  if (!open || !check || !effects.some((e) => e.kind === 'broadcast' && e.msg.type === 'reveal'))
    return effects;
  const s = h.state;
  for (const id of stillAnswering) {
    const p = s.players.get(id);
    if (!p?.connected || (p.answers[quizIndexAt(s, open.index)] ?? null) !== null) continue;
    expect(h.now).toBeGreaterThanOrEqual(deadlineFor(open, id) + MAX_GRACE_MS);
  }
  return effects;
}

interface Timed {
  t: number;
  input: (state: GameState) => Input;
}

/**
 * Plays the script. `spam`: the spamming player sends all four options; otherwise only the first
 * one that the question has (the one the engine must count either way).
 */
function play(script: Script, spam: boolean): EngineHarness {
  const h = new EngineHarness(script.quiz, script.settings);
  const spammer = h.join('Spammer');
  const others = Array.from({ length: OTHERS }, (_, i) => h.join(`Player ${i + 1}`));
  h.host({ type: 'extra_time', playerId: spammer, factor: script.extraTime[0] });
  h.host({ type: 'extra_time', playerId: others[0]!, factor: script.extraTime[1] });
  h.host({ type: 'start' });
  script.quiz.questions.forEach((question, q) => {
    h.toQuestion(q);
    const opened = h.openedAt;
    const conn = (id: string) => h.connOf.get(id)!;
    const openIndex = (s: GameState) => s.round?.index ?? q;
    const timed: Timed[] = [];
    for (const a of script.actions[q]!) {
      if (a.kind === 'answer') {
        const id = others[a.who]!;
        timed.push({
          t: opened + a.dt,
          input: (s) => ({
            kind: 'answer',
            conn: conn(id),
            playerId: id,
            question: a.question === 'open' ? openIndex(s) : a.question,
            option: a.option,
            graceMs: a.graceMs,
          }),
        });
      } else if (a.kind === 'skip') {
        const command: HostCommand = { type: 'skip' };
        timed.push({ t: opened + a.dt, input: () => ({ kind: 'host', conn: h.hostConn, command }) });
      } else {
        const id = others[a.who]!;
        timed.push({ t: opened + a.dt, input: () => ({ kind: a.kind, playerId: id }) });
      }
    }
    const burst = script.bursts[q]!;
    const spam1 =
      (question: (s: GameState) => number, option: number) =>
      (s: GameState): Input => ({
        kind: 'answer',
        conn: conn(spammer),
        playerId: spammer,
        question: question(s),
        option,
        graceMs: burst.graceMs,
      });
    let t = opened + burst.dt;
    for (const n of burst.noise)
      if (n.question !== q) timed.push({ t, input: spam1(() => n.question, n.option) });
    const firstValid = burst.order.findIndex((o) => o < choice(question).options.length);
    burst.order.forEach((option, i) => {
      if (i > 0) t += burst.gaps[i - 1]!;
      if (spam || i === firstValid) timed.push({ t, input: spam1(() => q, option) });
    });
    timed.sort((x, y) => x.t - y.t); // stable: equal times keep their order
    for (const ev of timed) {
      // The server fires the question's timer when it is due, before later messages.
      while (h.state.phase === 'question' && h.timerAt !== null && h.timerAt <= ev.t)
        revealWaits(h, true, () => h.fireTimer());
      h.at(Math.max(h.now, ev.t));
      const input = ev.input(h.state);
      revealWaits(h, input.kind !== 'host', () => h.send(input));
    }
    while (h.state.phase === 'question') revealWaits(h, true, () => h.fireTimer());
  });
  h.fireUntil((s) => s.phase === 'finished');
  return h;
}

describe('fair play under any client input (property)', () => {
  it('nobody scores more than the honest maximum, and every question is scored at most once', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const h = play(script, true);
        const max = honestMaximum(script.quiz);
        for (const p of h.state.players.values()) {
          expect(p.score).toBeLessThanOrEqual(max);
          expect(p.score).toBe(p.answers.reduce((sum, a) => sum + (a?.points ?? 0), 0));
          p.answers.forEach((a, q) => {
            const points = script.quiz.questions[q]!.points;
            expect(a?.points ?? 0).toBeLessThanOrEqual(points === 0 ? 0 : points + 500);
          });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a player who sends every option scores exactly what its first answer earns', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const spam = play(script, true);
        const first = play(script, false);
        const scores = (h: EngineHarness) =>
          [...h.state.players.values()].map((p) => [p.id, p.score, p.correctCount, p.answers]);
        expect(scores(spam)).toEqual(scores(first));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never sends the correct option of a question before it closes', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        expect(correctOptionLeaks(play(script, true).log)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

/* ------------------------------------------------------------------------------------------ */

/** Mostly players who joined at the start; sometimes later joiners or nobody at all. */
const playerId = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('p1', 'p2', 'p3') },
  { weight: 1, arbitrary: fc.constantFrom('p4', 'p5', 'p99') },
);

const hostCommandArb: fc.Arbitrary<HostCommand> = fc.oneof(
  fc.constantFrom<HostCommand>({ type: 'start' }, { type: 'next' }, { type: 'skip' }, { type: 'end' }),
  playerId.map((id): HostCommand => ({ type: 'kick', playerId: id })),
  fc
    .tuple(playerId, fc.constantFrom<1 | 1.5 | 2>(1, 1.5, 2))
    .map(([id, factor]): HostCommand => ({ type: 'extra_time', playerId: id, factor })),
  fc
    .record(
      {
        minPlayers: fc.integer({ min: 0, max: 4 }),
        maxPlayers: fc.integer({ min: 1, max: 6 }),
        countdownSeconds: fc.integer({ min: 0, max: 3 }),
        questionSeconds: fc.integer({ min: 5, max: 8 }),
        autoAdvance: fc.boolean(),
        lateJoin: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((settings): HostCommand => ({ type: 'settings', settings })),
  fc
    .option(quizArb, { nil: undefined })
    .map((quiz): HostCommand => (quiz ? { type: 'new_game', quiz } : { type: 'new_game' })),
);

/** An input as the fuzz writes it: an answer may name "the open question", resolved when sent. */
type FuzzInput =
  | Exclude<Input, { kind: 'answer' }>
  | {
      kind: 'answer';
      conn: number;
      playerId: string;
      question: number | 'open';
      option: number;
      graceMs: number;
    };

const fuzzInput: fc.Arbitrary<FuzzInput> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .constantFrom('Ann', 'ann', 'Bob', 'Cy', 'Dee', 'Eve', 'Fay', ' ', 'x'.repeat(30))
      .map((name): FuzzInput => ({ kind: 'join', conn: 1, name })),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constantFrom('connected' as const, 'disconnected' as const), playerId }),
  },
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      conn: fc.constant(1),
      playerId,
      question: fc.oneof(
        { weight: 3, arbitrary: fc.constant('open' as const) },
        { weight: 1, arbitrary: fc.integer({ min: -1, max: 6 }) },
      ),
      option: fc.integer({ min: -2, max: 5 }),
      graceMs: fc.integer({ min: -500, max: 2000 }),
    }),
  },
  { weight: 2, arbitrary: hostCommandArb.map((command): FuzzInput => ({ kind: 'host', conn: 0, command })) },
  { weight: 1, arbitrary: fc.constant<FuzzInput>({ kind: 'timer' }) },
);

const gapArb = fc.oneof({ weight: 4, arbitrary: fc.nat(1500) }, { weight: 1, arbitrary: fc.nat(12_000) });

/** Whether the server's timer fired on time before the next input, or only after it. */
const timerOnTime = fc.oneof(
  { weight: 3, arbitrary: fc.constant(true) },
  { weight: 1, arbitrary: fc.constant(false) },
);

const startArb = fc.record({
  minPlayers: fc.integer({ min: 0, max: 2 }),
  lateJoin: fc.boolean(),
  autoAdvance: fc.boolean(),
  joins: fc.integer({ min: 2, max: 4 }),
});

describe('the engine under any input in any order (property)', () => {
  it('never throws, accepts only valid answers, keeps its counts straight and never pays more than the honest maximum', () => {
    fc.assert(
      fc.property(
        quizArb,
        startArb,
        fc.array(fc.tuple(gapArb, timerOnTime, fuzzInput), { minLength: 20, maxLength: 120 }),
        (quiz, start, inputs) => {
          const { joins, ...settings } = start;
          const h = new EngineHarness(quiz, settings);
          for (const name of ['Ann', 'Bob', 'Cy', 'Dee'].slice(0, joins)) h.tryJoin(name);
          for (const [dt, onTime, fuzz] of inputs) {
            const t = h.now + dt;
            // The server fires the phase timer when it is due, or (a busy event loop) a little late.
            for (let i = 0; onTime && i < 20 && h.timerAt !== null && h.timerAt <= t; i++) h.fireTimer();
            h.at(t);
            const input: Input =
              fuzz.kind === 'answer' && fuzz.question === 'open'
                ? { ...fuzz, question: h.state.round?.index ?? 0 }
                : (fuzz as Input);
            const before = h.state.round && !h.state.round.closed ? { ...h.state.round } : null;
            const hadAnswered = input.kind === 'answer' && !!h.state.players.get(input.playerId)?.pending;
            const effects = revealWaits(h, input.kind !== 'host', () => h.send(input));
            const s = h.state;
            if (
              input.kind === 'answer' &&
              effects.some((e) => e.kind === 'send' && e.msg.type === 'answer_ack')
            ) {
              // Accepted: only once, for the open question, in time (the player's own time, with
              // extra time), with an option it has.
              expect(hadAnswered).toBe(false);
              expect(before?.index).toBe(input.question);
              expect(h.now).toBeLessThanOrEqual(
                deadlineFor(before as Round, input.playerId) +
                  Math.min(Math.max(input.graceMs ?? 0, 0), MAX_GRACE_MS),
              );
              const factor = (before as Round).extraTime?.[input.playerId] ?? 1;
              expect(h.now).toBeLessThanOrEqual(
                before!.deadline + (factor - 1) * before!.timeLimitMs + MAX_GRACE_MS,
              );
              expect(input.option).toBeGreaterThanOrEqual(0);
              expect(input.option).toBeLessThan(choice(before!.question).options.length);
            }
            const players = [...s.players.values()];
            expect(s.connectedCount).toBe(players.filter((p) => p.connected).length);
            if (s.round && !s.round.closed) {
              expect(s.phase).toBe('question');
              expect(s.round.answeredConnected).toBe(players.filter((p) => p.connected && p.pending).length);
            }
            const max = honestMaximum(s.quiz);
            for (const p of players) expect(p.score).toBeLessThanOrEqual(max);
          }
          expect(correctOptionLeaks(h.log)).toEqual([]);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });
});
