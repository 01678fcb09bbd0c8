/**
 * The desktop app's main process: one instance, one window (and, while hosting, a projector
 * window on another display if the host opens one). It owns the DesktopSession (hosting,
 * LAN browsing, the game sockets), wires it to the window over validated IPC and pushes its
 * state. Closing the window, quitting, and the system's shutdown or log-off all run one quit path
 * (quit-sequence.ts): the window hands over unsaved edits, the room, the announcement and saves
 * stop together, and the process ends within QUIT_DEADLINE_MS whatever hangs. Anything that
 * fails while starting ends in one place that tells the person, not in a silent blank window.
 */
import { app, BrowserWindow, dialog, Menu, powerMonitor } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IntentResult } from '../shared/api/quiz-api';
import { STATE_CHANNEL } from '../shared/ipc/channels';
import { StateDeltas } from '../shared/ipc/state-delta';
import { APP_URL, isAppUrl } from './app/app-files';
import { appMenuTemplate } from './app/app-menu';
import { handleAppScheme, registerAppScheme } from './app/app-protocol';
import { devServerOrigin, isDevServerUrl } from './app/dev-server';
import { registerIpc, registerViewOnlyIpc } from './app/ipc-handlers';
import { applyDevCsp, createMainWindow, denyAllPermissions, preloadPath } from './app/main-window';
import { openProjectorWindow } from './app/projector-window';
import { QUIT_DEADLINE_MS, runQuit } from './app/quit-sequence';
import { WindowFlush } from './app/window-flush';
import { DesktopSession } from './desktop/desktop-session';
import { throttle } from './desktop/throttle';
import { createDiscovery } from './discovery';
import { IMPORTABLE_EXTENSIONS } from './library/importers/import-quiz-file';

const rendererDir = join(__dirname, '../renderer');

let win: BrowserWindow | null = null;
let projector: BrowserWindow | null = null;
let session: DesktopSession | null = null;
let quitting: Promise<void> | null = null;
const flush = new WindowFlush();

/** The one way out, from every door: idempotent, bounded, ends the process. */
function quit(): Promise<void> {
  quitting ??= runQuit({
    flushWindow: (ms) => flush.request(win && !win.isDestroyed() ? win.webContents : null, ms),
    shutdown: () => session?.shutdown() ?? Promise.resolve(),
    settleSaves: () => session?.settleSaves() ?? Promise.resolve(),
  }).then((outcome) => {
    if (outcome === 'deadline')
      console.error(`Quizroom: quitting took over ${QUIT_DEADLINE_MS} ms; ending now.`);
    app.exit(0);
  });
  return quitting;
}

function failedToStart(e: unknown): void {
  console.error('Quizroom could not start:', e);
  const message = e instanceof Error ? e.message : String(e);
  dialog.showErrorBox(
    'Quizroom could not start',
    `${message}\n\nIf this happens again, reinstall Quizroom and include this message when you report it.`,
  );
  app.exit(1);
}

/**
 * Pushes the session's state to a window's page: only what changed (shared/ipc/state-delta.ts),
 * at most ~30 times a second however fast players change it; a (re)load gets it all. Returns the
 * unsubscriber.
 */
function pushState(contents: Electron.WebContents, s: DesktopSession): () => void {
  const deltas = new StateDeltas();
  const push = throttle(() => {
    if (contents.isDestroyed()) return;
    const change = deltas.next(s.getState());
    if (change) contents.send(STATE_CHANNEL, change);
  }, 33);
  const unsubscribe = s.subscribe(push);
  contents.on('did-finish-load', () => {
    deltas.reset();
    push();
  });
  return unsubscribe;
}

function createSession(toggleProjector: () => IntentResult): DesktopSession {
  return new DesktopSession({
    toggleProjector,
    staticDir: rendererDir,
    announce: true,
    journalDir: join(app.getPath('userData'), 'journal'),
    libraryDir: join(app.getPath('userData'), 'library'),
    createDiscovery: () => createDiscovery(),
    saveFile: async (defaultName, content) => {
      const result = win
        ? await dialog.showSaveDialog(win, { defaultPath: defaultName })
        : { canceled: true, filePath: '' };
      if (result.canceled || !result.filePath) return false;
      await writeFile(result.filePath, content);
      return true;
    },
    pickQuizFile: async () => {
      if (!win) return null;
      const result = await dialog.showOpenDialog(win, {
        properties: ['openFile'],
        filters: [{ name: 'Quiz files', extensions: IMPORTABLE_EXTENSIONS.map((e) => e.slice(1)) }],
      });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
}

/** After ready: the window, its IPC and state pushes. Resolves when the page has loaded. */
function start(devOrigin: string | null): Promise<void> {
  const developer = devOrigin !== null;
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, developer)));
  denyAllPermissions();
  if (devOrigin) applyDevCsp(devOrigin);

  const pageUrl = devOrigin ? `${devOrigin}/` : APP_URL;
  /** Opens the projector window, or closes it when open; it shows the room, it commands nothing. */
  const toggleProjector = (): IntentResult => {
    if (projector && !projector.isDestroyed()) {
      projector.close();
      return { ok: true };
    }
    if (!win) return { ok: false, code: 'no_window', message: 'The app window is gone.' };
    const p = openProjectorWindow({
      preload: preloadPath(__dirname),
      pageUrl,
      isAppPage,
      allowedExternal: () => false,
      developer,
      hostWindow: win,
    });
    projector = p;
    const unregisterView = registerViewOnlyIpc(p.webContents.ipc, s, isAppPage);
    const unsubscribe = pushState(p.webContents, s);
    // The room closed: nothing left to project.
    const unwatch = s.subscribe((state) => {
      if (!state.desktop?.hosting && !p.isDestroyed()) p.close();
    });
    p.on('closed', () => {
      unsubscribe();
      unwatch();
      unregisterView();
      if (projector === p) projector = null;
      s.setProjectorOpen(false);
    });
    s.setProjectorOpen(true);
    return { ok: true };
  };
  const s = createSession(toggleProjector);
  session = s;
  handleAppScheme(rendererDir, s.media, (ref) => s.remoteMedia(ref));
  const isAppPage = (url: string) => isAppUrl(url) || (devOrigin !== null && isDevServerUrl(devOrigin, url));
  // Only the join URLs of the room we host may open in the person's browser.
  const isOwnJoinUrl = (url: string) =>
    /^https?:\/\//.test(url) && (s.getState().game?.access?.joinUrls.includes(url) ?? false);

  const created = createMainWindow({
    preload: preloadPath(__dirname),
    pageUrl,
    isAppPage,
    allowedExternal: isOwnJoinUrl,
    developer,
  });
  const w = created.win;
  win = w;
  const contents = w.webContents;
  const unregister = registerIpc(contents.ipc, s, isAppPage);
  const unregisterFlush = flush.register(contents.ipc, isAppPage);
  const unsubscribe = pushState(contents, s);
  // Closing the window quits the app, through the quit path (edits first, then the room).
  w.on('close', (event) => {
    event.preventDefault();
    void quit();
  });
  // Windows: log-off, restart or shutdown; the system does not wait long after this.
  w.on('session-end', () => void quit());
  w.on('closed', () => {
    unsubscribe();
    // The projector shows this window's room: it goes with it.
    if (projector && !projector.isDestroyed()) projector.destroy();
    unregister();
    unregisterFlush();
    flush.windowGone();
    win = null;
  });
  // Linux (logind) and macOS: the system waits for an app that prevents the default.
  (powerMonitor as unknown as NodeJS.EventEmitter).on('shutdown', (event: { preventDefault(): void }) => {
    event.preventDefault();
    void quit();
  });
  s.startBrowsing();
  return created.loaded;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  try {
    const devOrigin = devServerOrigin(process.env, app.isPackaged);
    registerAppScheme();
    app.on('second-instance', () => {
      if (win?.isMinimized()) win.restore();
      win?.focus();
    });
    app.on('window-all-closed', () => void quit());
    app.on('before-quit', (event) => {
      event.preventDefault();
      void quit();
    });
    // .catch, not a second argument to .then: an exception in start() must reach it too.
    app
      .whenReady()
      .then(() => start(devOrigin))
      .catch(failedToStart);
  } catch (e) {
    failedToStart(e);
  }
}
