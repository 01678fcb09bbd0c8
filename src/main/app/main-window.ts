/**
 * The one app window, locked down per Electron's security checklist: context isolation, sandbox,
 * no Node in the page, web security on, no navigation, no new windows, no permission prompts,
 * and external links only for http(s) URLs the app itself built (the join URL).
 */
import { BrowserWindow, session, shell } from 'electron';
import { join } from 'node:path';
import { APP_URL, isAppUrl } from './app-protocol';

export function createMainWindow(
  preloadPath: string,
  allowedExternal: (url: string) => boolean,
): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 360,
    minHeight: 560,
    title: 'Quizroom',
    backgroundColor: '#1b1033',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (allowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_URL);
  return win;
}

/** No camera, microphone, notifications or anything else: the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

export function preloadPath(outMain: string): string {
  return join(outMain, '../preload/index.js');
}
