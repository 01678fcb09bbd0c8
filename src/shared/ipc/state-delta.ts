/**
 * What the main process pushes to the window: only what changed since the last push. The host's
 * AppState holds every player (5,000 in a big room), and a push crosses two copies (IPC, then
 * contextBridge), so sending the whole state 30 times a second costs in proportion to the room,
 * not to what happened. The state is built immutably (a part that did not change keeps its
 * identity), so a change is found by identity: top-level parts and the game view's fields that
 * changed are sent whole, except the host's player list, which is sent as the players added,
 * changed or removed (keyed by id) when its order allows, and who answered the open question,
 * sent as the ids added. The first push after a (re)load is
 * the whole state. Pure and free of imports with side effects: the sandboxed preload reads it.
 */
import type { AppState } from '../api/app-state';
import type { ClientView } from '../client/client-view';
import type { PlayerSummary } from '../protocol/server-messages';

/** Players changed in place or appended (`upsert`) and removed (`remove`, by id). */
export interface ListChange {
  upsert: PlayerSummary[];
  remove: string[];
}

/**
 * `answeredAppend`: ids added at the end of the host's `answeredIds` (who answered the open
 * question), which only grows until the next question starts it again.
 */
export type GameChange =
  { view: ClientView | null } | { set: Partial<ClientView>; players?: ListChange; answeredAppend?: string[] };

export type StateDelta = { full: AppState } | { set: Partial<Omit<AppState, 'game'>>; game?: GameChange };

/** The players from `before` to `after` as a change, or null when only a whole list says it. */
export function diffPlayers(before: PlayerSummary[], after: PlayerSummary[]): ListChange | null {
  // The usual case, players joining or changing in place: one walk, no lookups.
  if (after.length >= before.length) {
    const upsert: PlayerSummary[] = [];
    let same = true;
    for (let i = 0; i < before.length && same; i++) {
      if (before[i]!.id !== after[i]!.id) same = false;
      else if (before[i] !== after[i]) upsert.push(after[i]!);
    }
    if (same) {
      for (let i = before.length; i < after.length; i++) upsert.push(after[i]!);
      return { upsert, remove: [] };
    }
  }
  const afterIds = new Set<string>();
  for (const p of after) afterIds.add(p.id);
  const remove: string[] = [];
  const kept: PlayerSummary[] = [];
  for (const p of before) {
    if (afterIds.has(p.id)) kept.push(p);
    else remove.push(p.id);
  }
  // What stays keeps its order and comes first; what is new is appended (as the view does).
  if (kept.length > after.length) return null;
  const upsert: PlayerSummary[] = [];
  for (let i = 0; i < after.length; i++) {
    const next = after[i]!;
    if (i < kept.length) {
      if (kept[i]!.id !== next.id) return null;
      if (kept[i] !== next) upsert.push(next);
    } else {
      upsert.push(next);
    }
  }
  return { upsert, remove };
}

export function applyPlayers(before: PlayerSummary[], change: ListChange): PlayerSummary[] {
  const removed = new Set(change.remove);
  const out = removed.size > 0 ? before.filter((p) => !removed.has(p.id)) : [...before];
  const index = new Map<string, number>();
  out.forEach((p, i) => index.set(p.id, i));
  for (const p of change.upsert) {
    const at = index.get(p.id);
    if (at === undefined) {
      index.set(p.id, out.length);
      out.push(p);
    } else {
      out[at] = p;
    }
  }
  return out;
}

/** What `after` adds at the end of `before`, or null when it is not `before` and more. */
function appendedTo(
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): string[] | null {
  if (!before || !after || after.length < before.length) return null;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) return null;
  return after.slice(before.length);
}

function changedKeys<T extends object>(before: T, after: T): Partial<T> {
  const set: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (before[key] !== after[key]) set[key] = after[key];
  }
  return set;
}

/** The change from `before` to `after`. */
export function diffState(before: AppState | null, after: AppState): StateDelta {
  if (!before) return { full: after };
  const { game: gameBefore, ...restBefore } = before;
  const { game: gameAfter, ...restAfter } = after;
  const delta: { set: Partial<Omit<AppState, 'game'>>; game?: GameChange } = {
    set: changedKeys(restBefore, restAfter),
  };
  if (gameBefore !== gameAfter) {
    if (!gameBefore || !gameAfter) {
      delta.game = { view: gameAfter };
    } else {
      const set = changedKeys(gameBefore, gameAfter);
      const players = 'players' in set ? diffPlayers(gameBefore.players, gameAfter.players) : null;
      if (players) delete set.players;
      const appended =
        'answeredIds' in set ? appendedTo(gameBefore.answeredIds, gameAfter.answeredIds) : null;
      if (appended) delete set.answeredIds;
      const change: GameChange = players ? { set, players } : { set };
      if (appended) change.answeredAppend = appended;
      delta.game = change;
    }
  }
  return delta;
}

/** `state` with `delta` applied; a part that did not change keeps its identity. */
export function applyDelta(state: AppState, delta: StateDelta): AppState {
  if ('full' in delta) return delta.full;
  let game = state.game;
  if (delta.game) {
    if ('view' in delta.game) {
      game = delta.game.view;
    } else if (game) {
      game = { ...game, ...delta.game.set };
      if (delta.game.players) game.players = applyPlayers(state.game!.players, delta.game.players);
      if (delta.game.answeredAppend) game.answeredIds = game.answeredIds.concat(delta.game.answeredAppend);
    }
  }
  const unchanged = Object.keys(delta.set).length === 0 && game === state.game;
  return unchanged ? state : { ...state, ...delta.set, game };
}

/** Remembers what the window was last sent, to send only the change next time. */
export class StateDeltas {
  private last: AppState | null = null;

  /** The next push; null when nothing changed. */
  next(state: AppState): StateDelta | null {
    if (state === this.last) return null;
    const delta = diffState(this.last, state);
    this.last = state;
    return delta;
  }

  /** The window (re)loaded: the next push is the whole state. */
  reset(): void {
    this.last = null;
  }
}
