/**
 * The desktop adapter: the preload's `window.quiz` bridge already implements QuizApi (its sockets
 * live in the main process). This wrapper only keeps the last state here, because values that
 * cross contextBridge are copies: calling the bridge's getState() on every render would hand React
 * a new object each time, and useSyncExternalStore would re-render without end.
 */
import type { AppState, QuizApi } from '../../shared/api/quiz-api';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    quiz?: QuizApi;
  }
}

export function createElectronAdapter(bridge: QuizApi): QuizApi {
  let state: AppState = bridge.getState();
  const listeners = new Set<(state: AppState) => void>();
  bridge.subscribe((next) => {
    state = next;
    for (const listener of listeners) listener(state);
  });
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    join: (name, pin) => bridge.join(name, pin),
    answer: (option) => bridge.answer(option),
    start: () => bridge.start(),
    cancelStart: () => bridge.cancelStart(),
    next: () => bridge.next(),
    skip: () => bridge.skip(),
    end: () => bridge.end(),
    kick: (playerId) => bridge.kick(playerId),
    removeDisconnected: () => bridge.removeDisconnected(),
    updateSettings: (settings) => bridge.updateSettings(settings),
    newGame: (quizId) => bridge.newGame(quizId),
    exportCsv: () => bridge.exportCsv(),
    hostRoom: (config) => bridge.hostRoom(config),
    stopHosting: () => bridge.stopHosting(),
    importQuiz: () => bridge.importQuiz(),
    resumeHosting: () => bridge.resumeHosting(),
    connect: (address, port) => bridge.connect(address, port),
    leave: () => bridge.leave(),
    refreshRooms: () => bridge.refreshRooms(),
    openQuiz: (id) => bridge.openQuiz(id),
    saveQuiz: (id, quiz) => bridge.saveQuiz(id, quiz),
    createQuiz: () => bridge.createQuiz(),
    duplicateQuiz: (id) => bridge.duplicateQuiz(id),
    deleteQuiz: (id) => bridge.deleteQuiz(id),
    openReport: (id) => bridge.openReport(id),
    exportReport: (id, format) => bridge.exportReport(id, format),
    deleteReport: (id) => bridge.deleteReport(id),
  };
}
