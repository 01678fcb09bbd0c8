/**
 * The engine's state as plain data and back: what a journal snapshot holds, so that a long game
 * can be written down once instead of as every input since it began. `GameState` keeps Maps (for
 * O(1) lookups) and the open round points at its question inside the quiz; the plain form lists
 * players in their Map order (which decides the order of rosters and of ties before ranking),
 * keeps the name index as pairs, and names the round's question by its position (through `order`).
 *
 * The one thing JSON cannot keep is an empty slot in a player's `answers` (a late joiner has
 * none for the questions before they came); it comes back as `null`, which is what every reader
 * of `answers` takes a missing answer to be.
 */
import { responseOf } from '../../shared/protocol';
import { gradeResponse } from './grading';
import { isQuestionOrder } from './question-order';
import type { GameState, Player, Round } from './state';

export type SerializedRound = Omit<Round, 'question'>;

export interface SerializedGame extends Omit<
  GameState,
  'players' | 'waiting' | 'names' | 'perAddress' | 'blockedNames' | 'round'
> {
  players: Player[];
  /** Latecomers waiting for the next game, in join order. */
  waiting: Player[];
  /** The name index, `[name key, player id]`, in its Map order. */
  names: [string, string][];
  /** Seats per joining address, `[address, count]`. */
  perAddress: [string, number][];
  /** Blocked name keys, `[name key, the name blocked]`. */
  blockedNames: [string, string][];
  round: SerializedRound | null;
}

export class RestoreError extends Error {
  override name = 'RestoreError';
}

/**
 * `state` as plain data, a copy that later steps do not change. It shares only what the engine
 * never changes in place once made (the quiz, settings, answer records and pending answers, which
 * it replaces rather than edits): a snapshot of 5,000 players is taken between two turns of a live
 * room, and a deep clone of all of it cost three times as long as writing it out.
 */
export function serializeGame(state: Readonly<GameState>): SerializedGame {
  const { players, waiting, names, perAddress, blockedNames, dropQueue, round, ranking, ...rest } = state;
  return {
    ...rest,
    players: Array.from(players.values(), plainPlayer),
    waiting: Array.from(waiting.values(), plainPlayer),
    names: Array.from(names, ([key, id]): [string, string] => [key, id]),
    perAddress: Array.from(perAddress, ([address, n]): [string, number] => [address, n]),
    blockedNames: Array.from(blockedNames, ([key, name]): [string, string] => [key, name]),
    dropQueue: dropQueue.map((d) => ({ ...d })),
    round: round ? withoutQuestion(round) : null,
    ranking: ranking.slice(),
  };
}

function plainPlayer(p: Player): Player {
  return {
    ...p,
    answers: Array.from(p.answers, (a) => a ?? null),
    lastResult: p.lastResult && { ...p.lastResult },
  };
}

function withoutQuestion(round: Round): SerializedRound {
  const { question: _question, ...rest } = round;
  return { ...rest, counts: round.counts.slice(), groups: { ...round.groups } };
}

/**
 * The state that `serializeGame` wrote down. Checks what the types cannot: the round's question
 * exists, and the name index and the ranking point at players that exist.
 */
export function restoreGame(data: SerializedGame): GameState {
  const copy = structuredClone(data);
  const players = new Map<string, Player>();
  const waiting = new Map<string, Player>();
  for (const [list, into] of [
    [copy.players, players],
    [copy.waiting, waiting],
  ] as const) {
    for (const p of list) {
      if (players.has(p.id) || waiting.has(p.id)) throw new RestoreError(`player "${p.id}" appears twice`);
      into.set(p.id, p);
    }
  }
  for (const [key, id] of copy.names) {
    if (!players.has(id) && !waiting.has(id))
      throw new RestoreError(`the name "${key}" belongs to no player ("${id}")`);
  }
  if (!isQuestionOrder(copy.order, copy.quiz.questions.length))
    throw new RestoreError(
      `the question order [${copy.order.join(', ')}] does not ask each of the quiz's ${copy.quiz.questions.length} questions once`,
    );
  for (const id of copy.ranking) {
    if (!players.has(id)) throw new RestoreError(`the ranking names no player "${id}"`);
  }
  let round: Round | null = null;
  if (copy.round) {
    const question = copy.quiz.questions[copy.order[copy.round.index] ?? copy.round.index];
    if (!question)
      throw new RestoreError(
        `the round is on question ${copy.round.index + 1} but the quiz has ${copy.quiz.questions.length}`,
      );
    round = { ...copy.round, question };
    // Grade pending answers again: the credit follows from the answer and the question (and a
    // journal written before question kinds did not hold it).
    for (const p of players.values()) {
      if (!p.pending) continue;
      const fields = responseOf(p.pending);
      const graded = fields ? gradeResponse(question, copy.round.index, fields) : null;
      if (!graded?.ok)
        throw new RestoreError(
          `player "${p.id}" has a pending answer that does not fit question ${copy.round.index + 1}`,
        );
      p.pending.credit = graded.credit;
    }
  }
  return {
    ...copy,
    players,
    waiting,
    names: new Map(copy.names),
    perAddress: new Map(copy.perAddress),
    blockedNames: new Map(copy.blockedNames),
    round,
  };
}
