/**
 * The desktop app's main process: one instance, one window. It owns the DesktopSession (hosting,
 * LAN browsing, the game sockets), wires it to the window over validated IPC, pushes its state,
 * and on quit closes the room and exits within 2 seconds even if the network is gone.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { STATE_CHANNEL } from '../shared/ipc/channels';
import { handleAppScheme, isAppUrl, registerAppScheme } from './app/app-protocol';
import { registerIpc } from './app/ipc-handlers';
import { createMainWindow, denyAllPermissions, preloadPath } from './app/main-window';
import { DesktopSession } from './desktop/desktop-session';
import { createDiscovery } from './discovery';
import { throttle } from './desktop/throttle';
import { IMPORTABLE_EXTENSIONS } from './library/importers/import-quiz-file';

const QUIT_DEADLINE_MS = 1800;
const rendererDir = join(__dirname, '../renderer');

let win: BrowserWindow | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  const session = new DesktopSession({
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

  // Only the join URLs of the room we host may open in the person's browser.
  const isOwnJoinUrl = (url: string) =>
    /^https?:\/\//.test(url) && (session.getState().game?.access?.joinUrls.includes(url) ?? false);

  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });

  app.whenReady().then(
    () => {
      denyAllPermissions();
      handleAppScheme(rendererDir);
      win = createMainWindow(preloadPath(__dirname), isOwnJoinUrl);
      const contents = win.webContents;
      const unregister = registerIpc(contents.ipc, session, isAppUrl);
      // Many players change the host's view many times a second; the window needs ~30 frames.
      const push = throttle(() => {
        if (!contents.isDestroyed()) contents.send(STATE_CHANNEL, session.getState());
      }, 33);
      const unsubscribe = session.subscribe(push);
      contents.on('did-finish-load', push);
      win.on('closed', () => {
        unsubscribe();
        unregister();
        win = null;
      });
      session.startBrowsing();
    },
    (e: unknown) => {
      console.error('Quizroom could not start:', e);
      app.exit(1);
    },
  );

  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    const deadline = new Promise((resolve) => setTimeout(resolve, QUIT_DEADLINE_MS));
    void Promise.race([session.shutdown(), deadline]).finally(() => app.exit(0));
  });
}
