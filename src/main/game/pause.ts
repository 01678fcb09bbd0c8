/**
 * The host's pause of the open question's timer (P on the host's screen): while paused, no answer
 * is taken and the question does not close by itself; on resume its deadline moves by the time it
 * was paused, and so does its start, so that an answer's time does not count the pause. Only an
 * open question pauses, and only before its deadline. Moving on (show answer now, skip, end)
 * ends the pause with the question. Players with extra time (extra-time.ts) are told their own
 * time left; while the question is finishing for them only, it can still be paused.
 */
import { deadlineFor, lastDeadline, nextCheck, personalTimes } from './extra-time';
import type { ConnId, Effect } from './io';
import { error } from './messages';
import { MAX_GRACE_MS } from './round';
import type { GameState } from './state';

export function isPaused(state: GameState): boolean {
  return state.pausedAt !== undefined && state.pausedAt !== null;
}

/**
 * How long the paused question had left when it was paused (for `playerId`, their own time with
 * extra time); null when not paused.
 */
export function pausedRemainingMs(state: GameState, playerId?: string): number | null {
  if (!isPaused(state) || !state.round) return null;
  const deadline = playerId === undefined ? state.round.deadline : deadlineFor(state.round, playerId);
  return Math.max(0, deadline - state.pausedAt!);
}

/** The host's `pause` command: `paused` true pauses, false resumes; the same twice changes nothing. */
export function setPaused(state: GameState, out: Effect[], conn: ConnId, paused: boolean, now: number): void {
  const round = state.round;
  if (state.phase !== 'question' || !round || round.closed) {
    out.push({
      kind: 'reply',
      conn,
      msg: error(
        'wrong_phase',
        `Only an open question can be ${paused ? 'paused' : 'resumed'} (the game is in phase "${state.phase}").`,
        'pause',
      ),
    });
    return;
  }
  if (paused === isPaused(state)) return;
  if (paused) {
    if (now >= lastDeadline(state, round)) {
      out.push({
        kind: 'reply',
        conn,
        msg: error('wrong_phase', 'Time is already up for this question: it cannot be paused.', 'pause'),
      });
      return;
    }
    state.pausedAt = now;
    out.push({ kind: 'timer', at: null });
    const personal = personalTimes(round, (_limit, deadline) => ({
      type: 'paused',
      question: round.index,
      remainingMs: Math.max(0, deadline - now),
    }));
    out.push({
      kind: 'broadcast',
      audience: 'everyone',
      msg: { type: 'paused', question: round.index, remainingMs: Math.max(0, round.deadline - now) },
      ...(personal ? { personal } : {}),
    });
    return;
  }
  const shift = Math.max(0, now - state.pausedAt!);
  state.pausedAt = null;
  round.openedAt += shift;
  round.deadline += shift;
  state.endsAt = round.deadline;
  out.push({ kind: 'timer', at: nextCheck(state, round, MAX_GRACE_MS) });
  const personal = personalTimes(round, (_limit, deadline) => ({
    type: 'resumed',
    question: round.index,
    openedAt: round.openedAt,
    deadline,
    endsAt: deadline,
  }));
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: {
      type: 'resumed',
      question: round.index,
      openedAt: round.openedAt,
      deadline: round.deadline,
      endsAt: round.deadline,
    },
    ...(personal ? { personal } : {}),
  });
}

/** The question closed or the game moved on: no pause is left behind. */
export function clearPause(state: GameState): void {
  if (isPaused(state)) state.pausedAt = null;
}

/** While the host was down, a paused question stayed paused: the downtime is not counted twice. */
export function shiftPause(state: GameState, shift: number): void {
  if (isPaused(state)) state.pausedAt! += shift;
}

/** An answer to a paused question: not taken, and the player is told why. */
export function refusePausedAnswer(out: Effect[], conn: ConnId): void {
  out.push({
    kind: 'reply',
    conn,
    msg: error('not_open', 'The host has paused the question: answer when it goes on.', 'answer'),
  });
}
