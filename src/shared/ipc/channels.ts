/**
 * IPC channel names between the desktop window and the main process: one per intent, derived
 * from the intent table (intents.ts), and the few that carry state and the window's flush.
 * The sandboxed preload bundles this file, so it (and what it imports) loads no package.
 */
import { INTENT_NAMES, type IntentName } from './intents';

/** `hostRoom` travels on `quiz:host-room`. */
export function channelOf(name: IntentName): string {
  return `quiz:${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

export const INTENT_CHANNELS = Object.fromEntries(INTENT_NAMES.map((name) => [name, channelOf(name)])) as {
  readonly [K in IntentName]: string;
};

export { INTENT_NAMES, type IntentName };

/** Main -> window: the whole AppState, whenever it changes. */
export const STATE_CHANNEL = 'quiz:state';
/** Window -> main: the current AppState, once at start. */
export const GET_STATE_CHANNEL = 'quiz:get-state';

/** Main -> window: hand over unsaved edits now, the window is about to close. */
export const FLUSH_CHANNEL = 'quiz:flush';
/** Window -> main: the edits are on their way (sent before this answer, on the same pipe). */
export const FLUSHED_CHANNEL = 'quiz:flushed';
/** The DOM event the preload fires on `window` for a flush: pages save what is pending. */
export const FLUSH_EVENT = 'quizroom:flush';

/** The methods window.quiz has: every intent plus getState and subscribe. */
export const BRIDGE_METHODS: readonly string[] = [...INTENT_NAMES, 'getState', 'subscribe'];
