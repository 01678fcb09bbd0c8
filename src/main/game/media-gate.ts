/**
 * The media gate: a question with pictures opens its clock only when every connected player's
 * phone says it has them (`media_ready`), or after MEDIA_WAIT_MS, whichever comes first, so that a
 * slow phone is never robbed of answering time. Everyone's clock then starts at the same moment.
 *
 * How it goes: when a question closes (and when the game starts) the engine names the next
 * question's pictures to everybody (`media`); phones fetch them during the reveal and leaderboard
 * and answer `media_ready`. When the question is due, `holdForMedia` either lets it open at once
 * (no pictures, or everyone ready) or holds it, once, for at most MEDIA_WAIT_MS, telling the hosts
 * who is still loading (`media_wait`). While held, the phase that came before goes on; the hold
 * ends when the last connected player is ready or leaves (`heldQuestionReady`), at the deadline,
 * or when the host presses Next. Sounds are not gated: they play from the host screen only.
 */
import type { Question } from '../../shared/quiz/quiz-schema';
import type { Effect } from './io';
import { questionAt } from './question-order';
import type { GameState, MediaGate } from './state';

/** The longest a question waits for slow phones before its clock starts anyway. */
export const MEDIA_WAIT_MS = 5_000;

/** The pictures a phone shows for `q`: its own and its options' (never its sound). */
export function picturesOf(q: Question): string[] {
  const refs: string[] = [];
  if (q.image) refs.push(q.image);
  if ('optionImages' in q && q.optionImages) for (const r of q.optionImages) if (r) refs.push(r);
  return [...new Set(refs)];
}

/** Names question `index`'s pictures to everybody, so that phones fetch them before it opens. */
export function announceMedia(state: GameState, out: Effect[], index: number): void {
  const q = questionAt(state, index);
  const refs = q ? picturesOf(q) : [];
  if (refs.length === 0) {
    state.mediaGate = null;
    return;
  }
  state.mediaGate = { question: index, refs, ready: [], until: null };
  out.push({ kind: 'broadcast', audience: 'everyone', msg: { type: 'media', question: index, refs } });
}

/** A player's phone has question `question`'s pictures; a repeat or one for another question changes nothing. */
export function mediaReady(state: GameState, out: Effect[], playerId: string, question: number): void {
  const gate = state.mediaGate;
  if (!gate || gate.question !== question || !state.players.has(playerId)) return;
  if (gate.ready.includes(playerId)) return;
  gate.ready.push(playerId);
  // Each phone that becomes ready shortens the list: a crowd's readies make one update a batch.
  if (gate.until !== null && !everyoneReady(state, gate)) tellHosts(state, out, gate, true);
}

/**
 * The hook where question `index` is due to open: true when it must wait for phones (the hold is
 * set up and the caller opens nothing now); false when it opens now. A question is held once: when
 * it is due again (its wait is over, or the host pressed Next) it opens.
 */
export function holdForMedia(state: GameState, out: Effect[], index: number, now: number): boolean {
  let gate = state.mediaGate;
  if (!gate || gate.question !== index) {
    // Not named in advance (the host moved on quickly): named now, and held.
    announceMedia(state, out, index);
    gate = state.mediaGate;
  }
  if (!gate || gate.until !== null || everyoneReady(state, gate)) {
    state.mediaGate = null;
    return false;
  }
  gate.until = now + MEDIA_WAIT_MS;
  state.endsAt = gate.until;
  tellHosts(state, out, gate, false);
  out.push({ kind: 'timer', at: gate.until });
  return true;
}

/** The question being held for media, when every connected player has become ready (or gone). */
export function heldQuestionReady(state: GameState): number | null {
  const gate = state.mediaGate;
  // Nobody connected (the room's Wi-Fi dropped, or the host has just restarted): the question
  // does not open for nobody; it waits for its deadline, as players come back.
  if (!gate || gate.until === null || state.connectedCount === 0 || !everyoneReady(state, gate)) return null;
  return gate.question;
}

/** Players still fetching the held question's pictures (for the host screen). */
export function stillLoading(state: GameState, gate: MediaGate): { id: string; name: string }[] {
  const ready = new Set(gate.ready);
  const loading: { id: string; name: string }[] = [];
  for (const p of state.players.values())
    if (p.connected && !ready.has(p.id)) loading.push({ id: p.id, name: p.name });
  return loading;
}

function everyoneReady(state: GameState, gate: MediaGate): boolean {
  if (gate.ready.length < state.connectedCount) return false;
  const ready = new Set(gate.ready);
  for (const p of state.players.values()) if (p.connected && !ready.has(p.id)) return false;
  return true;
}

function tellHosts(state: GameState, out: Effect[], gate: MediaGate, batched: boolean): void {
  if (gate.until === null) return;
  out.push({
    kind: 'broadcast',
    audience: 'hosts',
    msg: {
      type: 'media_wait',
      question: gate.question,
      until: gate.until,
      loading: stillLoading(state, gate),
    },
    ...(batched ? { coalesce: 'media_wait' } : {}),
  });
}
