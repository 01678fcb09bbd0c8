/**
 * Builds the `window.quiz` object from the intent table (one named method per intent, each on its
 * own channel), against a minimal ipcRenderer interface so that it is tested under Node with a
 * fake. The main process pushes only what changed (shared/ipc/state-delta.ts); the bridge keeps
 * the latest AppState so that getState() answers at once, as the web adapter's does, and hands
 * subscribers the same small changes, so that a push is not copied whole into the page again. A refused call rejects here, as ipcRenderer.invoke does; the renderer's adapter turns
 * that into a failure the screens can show.
 */
import type { AppState } from '../shared/api/quiz-api';
import {
  FLUSH_CHANNEL,
  FLUSHED_CHANNEL,
  GET_STATE_CHANNEL,
  INTENT_CHANNELS,
  INTENT_NAMES,
  STATE_CHANNEL,
} from '../shared/ipc/channels';
import { applyDelta, type StateDelta } from '../shared/ipc/state-delta';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** What the window shows until the main process's first state arrives: the desktop, with nothing in it yet. */
export const EMPTY_STATE: AppState = {
  game: null,
  player: null,
  clockOffset: 0,
  quizzes: [],
  desktop: { rooms: [], library: [], reports: [], hosting: null, interrupted: null },
};

/**
 * `flushPage` makes the page send its unsaved edits now (the preload fires FLUSH_EVENT); the
 * answer to the main process goes after whatever the page sent, so the edits arrive first.
 */
export function buildBridge(
  ipc: IpcRendererLike,
  flushPage: () => void = () => undefined,
): Record<string, (...args: never[]) => unknown> {
  ipc.on(FLUSH_CHANNEL, () => {
    try {
      flushPage();
    } finally {
      // A refused answer leaves main to its own bound; nothing here can do better.
      ipc.invoke(FLUSHED_CHANNEL).catch(() => undefined);
    }
  });
  let current: AppState = EMPTY_STATE;
  let received = false;
  const subscribers = new Set<(change: StateDelta) => void>();
  const tell = (change: StateDelta) => {
    for (const listener of subscribers) listener(change);
  };
  ipc.on(STATE_CHANNEL, (_event, change) => {
    received = true;
    current = applyDelta(current, change as StateDelta);
    tell(change as StateDelta);
  });
  ipc.invoke(GET_STATE_CHANNEL).then(
    (state) => {
      // A push may have come first; it is newer.
      if (received) return;
      current = state as AppState;
      tell({ full: current });
    },
    // The window shows the empty state until the first push.
    (e: unknown) => console.error('Quizroom: the first state did not arrive:', e),
  );

  const bridge: Record<string, (...args: never[]) => unknown> = {
    getState: () => current,
    /** `listener` gets each change to apply to what getState() answered when subscribing. */
    subscribe: (listener: (change: StateDelta) => void) => {
      if (typeof listener !== 'function') throw new TypeError('subscribe takes a function');
      subscribers.add(listener);
      return () => {
        subscribers.delete(listener);
      };
    },
  };
  for (const name of INTENT_NAMES) {
    const channel = INTENT_CHANNELS[name];
    bridge[name] = (...args: unknown[]) => ipc.invoke(channel, ...args);
  }
  return bridge;
}
