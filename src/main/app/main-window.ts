/**
 * The app's windows (the main one, and the projector window: same page, same lock), locked down per Electron's security checklist: context isolation, sandbox,
 * no Node in the page, web security on, no navigation away from the app's own page, no new
 * windows, no permission prompts, no developer tools in a packaged build, and external links only
 * for http(s) URLs the app itself built (the join URL).
 */
import { BrowserWindow, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { devWindowCsp, isDevServerUrl } from './dev-server';

export interface MainWindowOptions {
  /** The built preload script; it must exist, or the page would start without its bridge. */
  preload: string;
  /** What the window shows: app://quizroom/index.html, or the dev server's page in a dev run. */
  pageUrl: string;
  /** The pages that belong to the app: the only ones the window may navigate to. */
  isAppPage: (url: string) => boolean;
  /** http(s) URLs that may open in the person's browser. */
  allowedExternal: (url: string) => boolean;
  developer: boolean;
  /** Where and how large; the main window's default size when absent. */
  placement?: { bounds: { x: number; y: number; width: number; height: number }; fullscreen: boolean };
  title?: string;
}

export function createMainWindow(options: MainWindowOptions): { win: BrowserWindow; loaded: Promise<void> } {
  if (!existsSync(options.preload)) {
    throw new Error(`The desktop bridge is missing (${options.preload}). Reinstall Quizroom.`);
  }
  const place = options.placement;
  const win = new BrowserWindow({
    ...(place ? { ...place.bounds, fullscreen: place.fullscreen } : { width: 1280, height: 800 }),
    // A projector window on the host's only display is 960×540: never held above its own size.
    minWidth: Math.min(360, place?.bounds.width ?? 360),
    minHeight: Math.min(560, place?.bounds.height ?? 560),
    title: options.title ?? 'Quizroom',
    backgroundColor: '#1b1033',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: options.developer,
      // Middle-click must not open links in new windows.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!options.isAppPage(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!options.isAppPage(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (options.allowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  return { win, loaded: win.loadURL(options.pageUrl) };
}

/** No camera, microphone, notifications or anything else: the app needs none. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** A dev run only: the dev server's pages get the policy app:// pages get from app-files.ts. */
export function applyDevCsp(origin: string): void {
  const csp = devWindowCsp(origin);
  // A pattern without a port matches every port; the exact origin is checked in the listener.
  const pattern = `http://${new URL(origin).hostname}/*`;
  session.defaultSession.webRequest.onHeadersReceived({ urls: [pattern] }, (details, callback) => {
    if (!isDevServerUrl(origin, details.url)) return callback({});
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

export function preloadPath(outMain: string): string {
  return join(outMain, '../preload/index.js');
}
