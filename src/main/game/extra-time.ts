/**
 * Extra time for chosen players: the host grants a player 1.5 or 2 times each question's time
 * (`extra_time`). The factor is kept on the player (it survives reconnects, new games and, through
 * the journal, a crash) and copied into each round as it opens, so a grant during a question counts
 * from the next one. Such a player's deadline is `openedAt + factor × limit`, and their answer is
 * scored against that limit. When everyone else is done (answered, or out of time) the question
 * stays open for them only ("finishing"); nothing about the answers is told before it closes.
 *
 * The rest of the engine asks here for a player's limit and deadline, and for when the round is
 * due to close; without extra time every answer is the same as the round's own.
 */
import type { MessageOf, ServerMessage } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import { error, namedSeat } from './messages';
import type { GameState, Player, Round } from './state';

/** The factors a host may grant; 1 is none. */
export const EXTRA_TIME_FACTORS: readonly number[] = [1, 1.5, 2];

/** The factor this player has on the round (1 when none). */
export function factorOf(round: Round, playerId: string): number {
  return round.extraTime?.[playerId] ?? 1;
}

/** This player's time limit on the round. */
export function limitFor(round: Round, playerId: string): number {
  const factor = factorOf(round, playerId);
  return factor === 1 ? round.timeLimitMs : Math.round(round.timeLimitMs * factor);
}

/** This player's deadline on the round. */
export function deadlineFor(round: Round, playerId: string): number {
  return round.openedAt + limitFor(round, playerId);
}

/** The factors of the players who have extra time, for a round opening now; undefined when none. */
export function factorsForRound(state: GameState): Record<string, number> | undefined {
  let factors: Record<string, number> | undefined;
  for (const p of state.players.values()) {
    if (p.extraTime && p.extraTime > 1) (factors ??= {})[p.id] = p.extraTime;
  }
  return factors;
}

/** Connected players with extra time on the round who have not answered yet. */
function stillAnswering(state: GameState, round: Round): string[] {
  if (!round.extraTime) return [];
  const ids: string[] = [];
  for (const id of Object.keys(round.extraTime)) {
    const p = state.players.get(id);
    if (p && p.connected && !p.pending) ids.push(id);
  }
  return ids;
}

/**
 * The last deadline the open round waits for: its own, or the latest of a connected player with
 * extra time who has not answered yet.
 */
export function lastDeadline(state: GameState, round: Round): number {
  let last = round.deadline;
  for (const id of stillAnswering(state, round)) last = Math.max(last, deadlineFor(round, id));
  return last;
}

/**
 * When the open round's timer should next fire: at its own deadline (plus grace), where it closes
 * or starts finishing, and once finishing, at the last deadline it waits for.
 */
export function nextCheck(state: GameState, round: Round, graceMs: number): number {
  return (round.finishing ? lastDeadline(state, round) : round.deadline) + graceMs;
}

/**
 * After an answer, a presence change or the round's own deadline (plus `graceMs`): when everyone
 * without extra time is done while someone with it is still answering, the room is told that the
 * question is finishing, and how many it waits for (again each time that number falls).
 */
export function updateFinishing(state: GameState, out: Effect[], graceMs: number, now: number): void {
  const round = state.round;
  if (!round || round.closed || !round.extraTime || state.phase !== 'question') return;
  const waiting = stillAnswering(state, round);
  if (waiting.length === 0) return;
  const othersAnswered = round.answeredConnected + waiting.length >= state.connectedCount;
  const othersOutOfTime = now >= round.deadline + graceMs;
  if (!round.finishing && !othersAnswered && !othersOutOfTime) return;
  const changed = !round.finishing || round.finishingWaiting !== waiting.length;
  round.finishing = true;
  round.finishingWaiting = waiting.length;
  if (changed)
    out.push({
      kind: 'broadcast',
      audience: 'everyone',
      msg: { type: 'finishing', question: round.index, waiting: waiting.length },
      coalesce: 'finishing',
    });
}

/**
 * Each player with extra time on the round gets `make(theirLimit, theirDeadline)` right after a
 * broadcast about the round's time (the question, a pause, a resume); undefined when nobody has any.
 */
export function personalTimes(
  round: Round,
  make: (limitMs: number, deadline: number) => ServerMessage,
): ReadonlyMap<string, ServerMessage> | undefined {
  if (!round.extraTime) return undefined;
  const personal = new Map<string, ServerMessage>();
  for (const id of Object.keys(round.extraTime))
    personal.set(id, make(limitFor(round, id), deadlineFor(round, id)));
  return personal;
}

/** The question as this player sees it: with their own limit and deadline. */
export function ownQuestion(
  round: Round,
  playerId: string,
  view: MessageOf<'question'>['question'],
): MessageOf<'question'>['question'] {
  if (factorOf(round, playerId) === 1) return view;
  return { ...view, timeLimitMs: limitFor(round, playerId), deadline: deadlineFor(round, playerId) };
}

/** The host's `extra_time` command: the player whose extra time changed, or null (refused or the same). */
export function grantExtraTime(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  playerId: string,
  factor: number,
): Player | null {
  const player = namedSeat(state, out, conn, playerId, 'extra_time');
  if (!player) return null;
  if (!EXTRA_TIME_FACTORS.includes(factor)) {
    out.push({
      kind: 'reply',
      conn,
      msg: error(
        'invalid_message',
        `Extra time is 1, 1.5 or 2 times a question's time, not ${factor}.`,
        'extra_time',
      ),
    });
    return null;
  }
  if ((player.extraTime ?? 1) === factor) return null;
  if (factor === 1) delete player.extraTime;
  else player.extraTime = factor;
  return player;
}
