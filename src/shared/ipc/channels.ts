/**
 * IPC channel names between the desktop window and the main process, one per named intent.
 * No dependencies, because the sandboxed preload bundles this file (it cannot load packages).
 */
export const INTENT_CHANNELS = {
  join: 'quiz:join',
  answer: 'quiz:answer',
  start: 'quiz:start',
  cancelStart: 'quiz:cancel-start',
  next: 'quiz:next',
  skip: 'quiz:skip',
  end: 'quiz:end',
  kick: 'quiz:kick',
  removeDisconnected: 'quiz:remove-disconnected',
  updateSettings: 'quiz:update-settings',
  newGame: 'quiz:new-game',
  exportCsv: 'quiz:export-csv',
  hostRoom: 'quiz:host-room',
  stopHosting: 'quiz:stop-hosting',
  importQuiz: 'quiz:import-quiz',
  resumeHosting: 'quiz:resume-hosting',
  connect: 'quiz:connect',
  leave: 'quiz:leave',
  refreshRooms: 'quiz:refresh-rooms',
  openQuiz: 'quiz:open-quiz',
  saveQuiz: 'quiz:save-quiz',
  createQuiz: 'quiz:create-quiz',
  duplicateQuiz: 'quiz:duplicate-quiz',
  deleteQuiz: 'quiz:delete-quiz',
  openReport: 'quiz:open-report',
  exportReport: 'quiz:export-report',
  deleteReport: 'quiz:delete-report',
} as const;

export type IntentName = keyof typeof INTENT_CHANNELS;
export const INTENT_NAMES = Object.keys(INTENT_CHANNELS) as IntentName[];

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
