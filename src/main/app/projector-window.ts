/**
 * The projector window: the hosted room's screen without its controls (the page at
 * `?view=projector`), full screen on another display (projector-placement.ts) while the host keeps
 * the controls in the main window. It only shows: its IPC gives the state and refuses every intent
 * (ipc-handlers.ts). It closes by itself when its display goes away; closing it changes nothing
 * in the game.
 */
import { screen, type BrowserWindow } from 'electron';
import { createMainWindow, type MainWindowOptions } from './main-window';
import { projectorPlacement } from './projector-placement';

/** The page's query that makes it the projector view (src/renderer/projector-view.ts reads it). */
export const PROJECTOR_QUERY = '?view=projector';

export interface ProjectorWindowOptions extends Omit<MainWindowOptions, 'placement' | 'title' | 'pageUrl'> {
  /** The app page (the main window's), to which the projector query is added. */
  pageUrl: string;
  /** The host's own window: the projector goes on another display. */
  hostWindow: BrowserWindow;
}

export function openProjectorWindow(options: ProjectorWindowOptions): BrowserWindow {
  const hostDisplay = screen.getDisplayMatching(options.hostWindow.getBounds());
  const placement = projectorPlacement(screen.getAllDisplays(), hostDisplay.id);
  const { win, loaded } = createMainWindow({
    ...options,
    pageUrl: `${options.pageUrl}${PROJECTOR_QUERY}`,
    placement,
    title: 'Quizroom · Projector',
  });
  loaded.catch((e: unknown) => console.error('Quizroom: the projector window did not load:', e));
  // A projector unplugged: its window goes with it, rather than landing on the laptop's screen.
  const onRemoved = (_event: unknown, display: { id: number }) => {
    if (display.id === placement.displayId && placement.fullscreen && !win.isDestroyed()) win.close();
  };
  screen.on('display-removed', onRemoved);
  win.on('closed', () => screen.removeListener('display-removed', onRemoved));
  return win;
}
