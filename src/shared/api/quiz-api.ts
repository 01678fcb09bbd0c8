/**
 * QuizApi: everything the React screens may see and do. The game (join, answer, the host's
 * commands) exists on every platform; the desktop's own services (hosting, browsing the LAN, the
 * quiz library, reports) exist only in the desktop app, as `api.desktop`, and screens offer them
 * only where it is present. The methods are derived from the intent table (shared/ipc/intents.ts).
 *
 * Two adapters implement it: the web one (a QuizClient in the page, for phones and the
 * `?host=TOKEN` dashboard) and the Electron one (the preload's `window.quiz`, whose sockets live
 * in the main process). No method rejects: one that can fail resolves with a failure.
 */
import type { SurfaceMethods } from '../ipc/intents';
import type { AppState } from './app-state';

export type * from './app-state';
export type * from './intent-results';

/** The game: what every platform can do. */
export type GameApi = SurfaceMethods<'game'>;
/** The desktop app's own services: hosting, browsing, the library and reports. */
export type DesktopApi = SurfaceMethods<'desktop'>;

export interface QuizApi extends GameApi {
  /** The current state: the same object until something changes (React's useSyncExternalStore needs that). */
  getState(): AppState;
  /** Calls `listener` with each new state (an adapter may also call it at once); returns unsubscribe. */
  subscribe(listener: (state: AppState) => void): () => void;
  /** Present in the desktop app only. */
  desktop?: DesktopApi;
}
