/**
 * A game written down as plain data (`serializeGame`) and read back (`restoreGame`) is the same
 * game: equal state, the same JSON, and every later input gives the same effects and the same end
 * state as in the game that was never written down. Games are played by random inputs (joins,
 * answers, drops, host commands, timers, host restarts) and written down at a random point; the
 * journal's own line format (checksum and schema) is part of the round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  restoreGame,
  serializeGame,
  step,
  type Effect,
  type GameState,
  type Input,
} from '../../src/main/game';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import type { HostCommand } from '../../src/shared/protocol';
import { EngineHarness, makeQuiz, type QuestionSpec } from '../support/engine-harness';

const SEED = 20_250_714;
const RUNS = 150;

type Action =
  | { kind: 'join'; name: number; dt: number }
  | { kind: 'answer'; who: number; option: number; late: boolean; dt: number }
  | { kind: 'connected' | 'disconnected'; who: number; dt: number }
  | {
      kind: 'host';
      command: 'start' | 'next' | 'skip' | 'end' | 'kick' | 'late_join' | 'new_game';
      who: number;
      dt: number;
    }
  | { kind: 'timer'; dt: number }
  | { kind: 'resumed'; pausedMs: number; dt: number };

const dt = fc.nat(4_000);
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('join' as const), name: fc.nat(8), dt }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('answer' as const),
      who: fc.nat(9),
      option: fc.integer({ min: -1, max: 4 }),
      late: fc.boolean(),
      dt,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constantFrom('connected' as const, 'disconnected' as const),
      who: fc.nat(9),
      dt,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('host' as const),
      command: fc.constantFrom(
        'start' as const,
        'next' as const,
        'skip' as const,
        'end' as const,
        'kick' as const,
        'late_join' as const,
        'new_game' as const,
      ),
      who: fc.nat(9),
      dt,
    }),
  },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('timer' as const), dt }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('resumed' as const), pausedMs: fc.nat(60_000), dt }),
  },
);

const questionArb: fc.Arbitrary<QuestionSpec> = fc
  .record({
    options: fc.integer({ min: 2, max: 4 }),
    correct: fc.nat(3),
    points: fc.constantFrom<0 | 1000 | 2000>(0, 1000, 2000),
    timeLimit: fc.option(fc.integer({ min: 5, max: 12 }), { nil: undefined }),
  })
  .map((s) => ({ ...s, correct: s.correct % s.options }));

const scriptArb = fc.record({
  questions: fc.array(questionArb, { minLength: 1, maxLength: 4 }),
  minPlayers: fc.constantFrom(0, 0, 2),
  autoAdvance: fc.boolean(),
  /** Players who join before the game starts (by hand, or by itself at two). */
  players: fc.integer({ min: 1, max: 6 }),
  actions: fc.array(actionArb, { minLength: 1, maxLength: 80, size: 'large' }),
  /** Where the game is written down, as a share of the actions (in thousandths). */
  cut: fc.integer({ min: 0, max: 1000 }),
});

/** The input an action stands for, in the game as it is now. */
function inputOf(action: Action, state: GameState): Input {
  const ids = [...state.players.keys()];
  const who = (n: number) => ids[n % Math.max(ids.length, 1)] ?? 'p999';
  switch (action.kind) {
    case 'join':
      return { kind: 'join', conn: 100 + action.name, name: `Player ${action.name}` };
    case 'answer': {
      const round = state.round;
      return {
        kind: 'answer',
        conn: 7,
        playerId: who(action.who),
        question: round ? round.index : 0,
        option: action.option,
        graceMs: action.late ? 150 : 0,
      };
    }
    case 'connected':
    case 'disconnected':
      return { kind: action.kind, playerId: who(action.who) };
    case 'host': {
      const command: HostCommand =
        action.command === 'kick'
          ? { type: 'kick', playerId: who(action.who) }
          : action.command === 'late_join'
            ? { type: 'settings', settings: { lateJoin: !state.settings.lateJoin } }
            : { type: action.command };
      return { kind: 'host', conn: 0, command };
    }
    case 'timer':
      return { kind: 'timer' };
    case 'resumed':
      return { kind: 'resumed', pausedMs: action.pausedMs };
  }
}

/** Plays `actions` on `state` from `now`; returns the effects of every step and the final time. */
function play(
  state: GameState,
  actions: readonly Action[],
  now: number,
): { effects: Effect[][]; now: number } {
  const effects: Effect[][] = [];
  for (const action of actions) {
    now += action.dt;
    effects.push(step(state, inputOf(action, state), now).effects);
  }
  return { effects, now };
}

/** A player's missing answers (empty slots) as JSON keeps them: null. */
function holesAsNull(state: GameState): GameState {
  for (const p of state.players.values()) p.answers = Array.from(p.answers, (a) => a ?? null);
  return state;
}

describe('a game written down as plain data (property)', () => {
  it('reads back as the same game, and goes on exactly as the game that was never written down', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const quiz = makeQuiz(...script.questions);
        const settings = { minPlayers: script.minPlayers, autoAdvance: script.autoAdvance };
        const h = new EngineHarness(quiz, settings);
        for (let i = 0; i < script.players; i++) h.tryJoin(`Player ${i + 10}`);
        if (h.state.phase === 'lobby') h.host({ type: 'start' });
        const original = h.state;
        const cut = Math.round((script.cut / 1000) * script.actions.length);
        const before = play(original, script.actions.slice(0, cut), h.now);

        const data = serializeGame(original);
        // Plain data: JSON keeps all of it.
        expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
        // The journal's line (checksum, schema) keeps all of it too.
        const line = encodeRecord({ t: 'snapshot', at: before.now, game: data, tokens: [] });
        const decoded = decodeRecord(Buffer.from(line.slice(0, -1)));
        expect(decoded.ok && decoded.record.t === 'snapshot' && decoded.record.game).toStrictEqual(data);

        const restored = restoreGame(data);
        expect(restored).toEqual(holesAsNull(structuredClone(original)));
        // The round's question is the quiz's own, as in a game that was never written down.
        if (restored.round)
          expect(restored.round.question).toBe(restored.quiz.questions[restored.round.index]);

        const written = JSON.stringify(data);
        const rest = script.actions.slice(cut);
        const goOn = play(original, rest, before.now);
        const goOnRestored = play(restored, rest, before.now);
        expect(goOnRestored.effects).toEqual(goOn.effects);
        expect(serializeGame(restored)).toStrictEqual(serializeGame(original));
        // What was written down did not move with the game.
        expect(JSON.stringify(data)).toBe(written);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses plain data whose round or names point at nothing', () => {
    const h = new EngineHarness(makeQuiz({}, {}), { minPlayers: 0 });
    h.join('Ada');
    h.startGame();
    const data = serializeGame(h.state);
    expect(() => restoreGame({ ...data, round: { ...data.round!, index: 5 } })).toThrow(
      /round is on question 6 but the quiz has 2/,
    );
    expect(() => restoreGame({ ...data, names: [['bob', 'p7']] })).toThrow(/"bob" belongs to no player/);
    expect(() => restoreGame({ ...data, ranking: ['p9'] })).toThrow(/ranking names no player "p9"/);
  });
});
