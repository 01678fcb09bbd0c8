/**
 * An in-memory table for the competition engine: it holds the state and a fake clock (`now`, a
 * plain number), feeds inputs through `step`, keeps every effect, arms the single phase timer the
 * way the server would, and finds messages by type and recipient. No timers, no sockets.
 */
import {
  createGame,
  snapshotFor,
  step,
  type Effect,
  type GameState,
  type Input,
  type Viewer,
} from '../../src/main/game';
import type {
  ErrorCode,
  GameSettings,
  HostCommand,
  MessageOf,
  RoomView,
  ServerMessage,
  ServerMessageType,
  Snapshot,
} from '../../src/shared/protocol';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';

/** A question as a test writes it: four options and correct option 0 unless told otherwise. */
export interface QuestionSpec {
  correct?: number;
  options?: number;
  points?: 0 | 1000 | 2000;
  timeLimit?: number;
}

export function makeQuiz(...specs: QuestionSpec[]): Quiz {
  return parseQuiz({
    title: 'Test quiz',
    questions: specs.map((s, i) => ({
      kind: 'choice',
      prompt: `Question ${i + 1}?`,
      options: Array.from({ length: s.options ?? 4 }, (_, o) => `Q${i + 1} option ${o + 1}`),
      correct: s.correct ?? 0,
      ...(s.points === undefined ? {} : { points: s.points }),
      ...(s.timeLimit === undefined ? {} : { timeLimit: s.timeLimit }),
    })),
  });
}

/** `n` questions of 1000 points, four options, correct option 0. */
export function plainQuiz(n: number): Quiz {
  return makeQuiz(...Array.from({ length: n }, () => ({})));
}

export const ROOM: RoomView = { name: 'Test room', pinRequired: false, protocol: 1 };
export const T0 = 1_700_000_000_000;

/** Where the round stood: which question, and whether it had closed. */
export interface RoundMark {
  index: number;
  closed: boolean;
}

export interface StepRecord {
  input: Input;
  now: number;
  effects: Effect[];
  roundBefore: RoundMark | null;
  roundAfter: RoundMark | null;
}

function roundMark(state: GameState): RoundMark | null {
  return state.round ? { index: state.round.index, closed: state.round.closed } : null;
}

export function messageOf(effect: Effect): ServerMessage | null {
  return effect.kind === 'send' || effect.kind === 'reply' || effect.kind === 'broadcast' ? effect.msg : null;
}

/** Every message in `effects`, a broadcast's personal messages right after it. */
export function messagesIn(effects: readonly Effect[]): ServerMessage[] {
  return effects.flatMap((e) => {
    const msg = messageOf(e);
    if (msg === null) return [];
    return e.kind === 'broadcast' && e.personal ? [msg, ...e.personal.values()] : [msg];
  });
}

export function messagesOfType<T extends ServerMessageType>(
  effects: readonly Effect[],
  type: T,
): MessageOf<T>[] {
  return messagesIn(effects).filter((m): m is MessageOf<T> => m.type === type);
}

/** Error codes in the effects, in order. */
export function errorCodes(effects: readonly Effect[]): ErrorCode[] {
  return messagesOfType(effects, 'error').map((m) => m.code);
}

export class EngineHarness {
  state: GameState;
  now: number;
  /** Every step so far, in order. */
  readonly log: StepRecord[] = [];
  /** Effects of the last step. */
  last: Effect[] = [];
  /** The phase timer as the effects left it (null: not armed). */
  timerAt: number | null = null;
  /** Each player's connection, as the join's `bind` effect gave it. */
  readonly connOf = new Map<string, number>();
  private nextConn = 1;
  readonly hostConn = 0;

  constructor(quiz: Quiz = plainQuiz(3), settings: Partial<GameSettings> = {}, start = T0) {
    this.state = createGame(quiz, { settings });
    this.now = start;
  }

  /** Moves the fake clock to `t` (never backwards). */
  at(t: number): this {
    if (t < this.now) throw new Error(`the clock cannot go back from ${this.now} to ${t}`);
    this.now = t;
    return this;
  }

  advance(ms: number): this {
    return this.at(this.now + ms);
  }

  send(input: Input): Effect[] {
    const roundBefore = roundMark(this.state);
    const { state, effects } = step(this.state, input, this.now);
    this.state = state;
    this.last = effects;
    this.log.push({ input, now: this.now, effects, roundBefore, roundAfter: roundMark(state) });
    for (const e of effects) if (e.kind === 'timer') this.timerAt = e.at;
    return effects;
  }

  /**
   * Joins with a fresh connection, from `address` (by default an address of its own, as every
   * phone has); returns the new player's id, or null when refused.
   */
  tryJoin(name: string, address?: string): string | null {
    const conn = this.nextConn++;
    const effects = this.send({ kind: 'join', conn, name, address: address ?? `device-${conn}` });
    const bind = effects.find((e): e is Extract<Effect, { kind: 'bind' }> => e.kind === 'bind');
    if (!bind) return null;
    this.connOf.set(bind.playerId, conn);
    return bind.playerId;
  }

  join(name: string, address?: string): string {
    const id = this.tryJoin(name, address);
    if (id === null) throw new Error(`join of "${name}" was refused: ${errorCodes(this.last).join(', ')}`);
    return id;
  }

  joinAll(...names: string[]): string[] {
    return names.map((n) => this.join(n));
  }

  /** The connection of the last join attempt (accepted or not). */
  get lastConn(): number {
    return this.nextConn - 1;
  }

  /** Answers the open question (or `question`) with `option`. */
  answer(
    playerId: string,
    option: number,
    opts: { question?: number; graceMs?: number; conn?: number } = {},
  ): Effect[] {
    const question = opts.question ?? this.state.round?.index ?? 0;
    const conn = opts.conn ?? this.connOf.get(playerId) ?? 999;
    const input: Input = { kind: 'answer', conn, playerId, question, option };
    if (opts.graceMs !== undefined) input.graceMs = opts.graceMs;
    return this.send(input);
  }

  host(command: HostCommand): Effect[] {
    return this.send({ kind: 'host', conn: this.hostConn, command });
  }

  /** The player's own `leave`, on their connection. */
  leave(playerId: string): Effect[] {
    return this.send({ kind: 'leave', conn: this.connOf.get(playerId) ?? 999, playerId });
  }

  disconnect(playerId: string): Effect[] {
    return this.send({ kind: 'disconnected', playerId });
  }

  reconnect(playerId: string): Effect[] {
    return this.send({ kind: 'connected', playerId });
  }

  /** A timer input at the current time (possibly before it is due). */
  tick(): Effect[] {
    return this.send({ kind: 'timer' });
  }

  /** Moves the clock to the armed timer (if it is ahead) and fires it. */
  fireTimer(): Effect[] {
    if (this.timerAt === null) throw new Error(`no timer is armed (phase "${this.state.phase}")`);
    this.at(Math.max(this.now, this.timerAt));
    return this.tick();
  }

  /** Fires timers until `done` holds; fails rather than loop forever. */
  fireUntil(done: (s: GameState) => boolean, limit = 50): this {
    for (let i = 0; i < limit && !done(this.state); i++) this.fireTimer();
    if (!done(this.state)) throw new Error(`still in phase "${this.state.phase}" after ${limit} timers`);
    return this;
  }

  /** Fires timers until question `index` is open. */
  toQuestion(index: number): this {
    return this.fireUntil((s) => s.phase === 'question' && s.round?.index === index);
  }

  /** Fires timers until the open question has closed. */
  closeQuestion(): this {
    return this.fireUntil((s) => s.phase !== 'question');
  }

  /** Starts by hand when the game is not already counting down, then opens question 0. */
  startGame(): this {
    if (this.state.phase === 'lobby') this.host({ type: 'start' });
    return this.toQuestion(0);
  }

  /** When the open question opened. */
  get openedAt(): number {
    const round = this.state.round;
    if (!round || round.closed) throw new Error('no question is open');
    return round.openedAt;
  }

  /** Moves the clock to `ms` after the open question opened. */
  atElapsed(ms: number): this {
    return this.at(this.openedAt + ms);
  }

  snapshot(viewer: Viewer): Snapshot {
    return snapshotFor(this.state, viewer, ROOM, this.now);
  }

  player(id: string) {
    const p = this.state.players.get(id);
    if (!p) throw new Error(`no player ${id}`);
    return p;
  }

  score(id: string): number {
    return this.player(id).score;
  }

  /** Every effect since the start. */
  get allEffects(): Effect[] {
    return this.log.flatMap((r) => r.effects);
  }

  /** Messages of `type` sent to one player (by id) in `effects` (the last step by default). */
  sentTo<T extends ServerMessageType>(
    playerId: string,
    type: T,
    effects: readonly Effect[] = this.last,
  ): MessageOf<T>[] {
    return effects
      .flatMap((e) =>
        e.kind === 'send' && e.to === playerId
          ? [e.msg]
          : e.kind === 'broadcast' && e.personal?.has(playerId)
            ? [e.personal.get(playerId)!]
            : [],
      )
      .filter((m): m is MessageOf<T> => m.type === type);
  }

  /** Replies on one connection in `effects` (the last step by default). */
  repliesTo(conn: number, effects: readonly Effect[] = this.last): ServerMessage[] {
    return effects
      .filter((e): e is Extract<Effect, { kind: 'reply' }> => e.kind === 'reply' && e.conn === conn)
      .map((e) => e.msg);
  }

  /** Broadcasts of `type` (to `audience`, if given) in `effects` (the last step by default). */
  broadcasts<T extends ServerMessageType>(
    type: T,
    audience?: 'everyone' | 'hosts',
    effects: readonly Effect[] = this.last,
  ): MessageOf<T>[] {
    return effects
      .filter(
        (e): e is Extract<Effect, { kind: 'broadcast' }> =>
          e.kind === 'broadcast' && (audience === undefined || e.audience === audience),
      )
      .map((e) => e.msg)
      .filter((m): m is MessageOf<T> => m.type === type);
  }

  /** The one error code in the last step's effects (fails when there is not exactly one). */
  get lastError(): ErrorCode | null {
    const codes = errorCodes(this.last);
    if (codes.length > 1) throw new Error(`several errors: ${codes.join(', ')}`);
    return codes[0] ?? null;
  }
}

/**
 * The objects in a value that carry a question's correct option: a number-valued `correct` key
 * (a leaderboard row's `correct` is a count, told apart by its `name`), or a question shown with
 * its prompt and a `correct` key.
 */
export function correctOptionCarriers(
  value: unknown,
  found: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (Array.isArray(value)) {
    for (const v of value) correctOptionCarriers(v, found);
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if ('correct' in obj && ((typeof obj.correct === 'number' && !('name' in obj)) || 'prompt' in obj))
      found.push(obj);
    for (const v of Object.values(obj)) correctOptionCarriers(v, found);
  }
  return found;
}

/**
 * Fair-play check over a harness's whole log: describes every message that carried the correct
 * option of a question not closed by the end of that step, or any question shown with its
 * answer, and every message sent while a question stayed open that mentions `correct` at all.
 */
export function correctOptionLeaks(log: readonly StepRecord[]): string[] {
  const leaks: string[] = [];
  log.forEach((record, i) => {
    const after = record.roundAfter;
    const notClosed = (index: unknown) =>
      after === null ||
      typeof index !== 'number' ||
      index > after.index ||
      (index === after.index && !after.closed);
    const openThroughout =
      record.roundBefore !== null && !record.roundBefore.closed && after !== null && !after.closed;
    for (const msg of messagesIn(record.effects)) {
      const json = JSON.stringify(msg);
      for (const carrier of correctOptionCarriers(msg)) {
        if ('prompt' in carrier || notClosed(carrier.index))
          leaks.push(`step ${i} (${record.input.kind}): ${json}`);
      }
      if (openThroughout && json.includes('"correct"'))
        leaks.push(`step ${i} (${record.input.kind}) while open: ${json}`);
    }
  });
  return leaks;
}

/**
 * Plays `quiz` with Alice answering per `plan` (an option, or null for no answer) `ms` after each
 * question opens, and Bob never answering (so that every question runs to its deadline). Returns
 * the points Alice was told for each question, and the table to look at afterwards.
 */
export function playAlice(
  quiz: Quiz,
  plan: (number | null)[],
  ms = 0,
  settings: Partial<GameSettings> = {},
): { points: number[]; alice: string; h: EngineHarness } {
  const h = new EngineHarness(quiz, { minPlayers: 0, ...settings });
  const alice = h.join('Alice');
  h.join('Bob');
  h.startGame();
  const points: number[] = [];
  plan.forEach((option, i) => {
    h.toQuestion(i);
    if (option !== null) h.atElapsed(ms).answer(alice, option);
    h.closeQuestion();
    points.push(h.sentTo(alice, 'result')[0]!.result.points);
  });
  return { points, alice, h };
}
