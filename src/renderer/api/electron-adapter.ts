/**
 * The desktop adapter, over the preload's `window.quiz` bridge (its sockets live in the main
 * process). Its methods come from the intent table: the game's on the API itself, the desktop's
 * services under `api.desktop`. It keeps the API's promise that nothing rejects: a call the main
 * process refuses (or that fails on the way) answers with a failure a screen can show (in the
 * interface's language, see i18n/translate.ts), and a
 * fire-and-forget one is reported in the console. It also keeps the last state here, because
 * values that cross contextBridge are copies: calling the bridge's getState() on every render
 * would hand React a new object each time, and useSyncExternalStore would re-render without end.
 */
import type { AppState, DesktopApi, GameApi, QuizApi } from '../../shared/api/quiz-api';
import { failure } from '../../shared/api/intent-results';
import { INTENTS, intentsOf, type IntentName, type Surface } from '../../shared/ipc/intents';
import { applyDelta, type StateDelta } from '../../shared/ipc/state-delta';
import { translate } from '../i18n/translate';

/** The preload's `window.quiz`: one method per intent, plus the state. */
export type Bridge = {
  getState(): AppState;
  /** Each change after getState()'s answer (see shared/ipc/state-delta.ts). */
  subscribe(listener: (change: StateDelta) => void): () => void;
} & Record<IntentName, (...args: never[]) => unknown>;

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    quiz?: Bridge;
  }
}

/** "Error invoking remote method 'quiz:host-room': IpcRefused: Refused hostRoom: …" → "Refused hostRoom: …". */
function reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.replace(/^Error invoking remote method '[^']*': /, '').replace(/^\w*Error: |^IpcRefused: /, '');
}

/** Calls `name` on the bridge the way the API promises: a failure instead of a rejection. */
function call(bridge: Bridge, name: IntentName, args: unknown[]): unknown {
  const answers = INTENTS[name].answers;
  let pending: Promise<unknown>;
  try {
    pending = Promise.resolve((bridge[name] as (...a: unknown[]) => unknown)(...args));
  } catch (e) {
    pending = Promise.reject(e);
  }
  if (answers) {
    return pending.catch((e: unknown) => {
      const text = reason(e);
      return failure(
        /^Refused\b/.test(text) ? 'refused' : 'failed',
        translate('failure.app', { reason: text }),
      );
    });
  }
  pending.catch((e: unknown) => console.error(`Quizroom: ${name} failed: ${reason(e)}`));
  return undefined;
}

function methods<S extends Surface>(
  bridge: Bridge,
  surface: S,
): Record<string, (...args: unknown[]) => unknown> {
  return Object.fromEntries(
    intentsOf(surface).map((name) => [name, (...args: unknown[]) => call(bridge, name, args)]),
  );
}

export function createElectronAdapter(bridge: Bridge): QuizApi {
  // Both calls run in this turn: no push can land between them.
  let state: AppState = bridge.getState();
  const listeners = new Set<(state: AppState) => void>();
  bridge.subscribe((change) => {
    const next = applyDelta(state, change);
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener(next);
  });
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...(methods(bridge, 'game') as unknown as GameApi),
    desktop: methods(bridge, 'desktop') as unknown as DesktopApi,
  };
}
