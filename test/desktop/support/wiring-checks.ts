/**
 * The checks the wiring tests make of a main process run under the Electron stand-in, shared by
 * the test of the built app (main-wiring.test.ts) and the one of the packaged tree
 * (packaged-tree.test.ts): what a packaged start asks of Electron, that app:// serves the built
 * renderer, hosting a room over the IPC handlers, and reading a room's journal afterwards.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { expect } from 'vitest';
import { menuRoles } from '../../../src/main/app/app-menu';
import { scanJournal } from '../../../src/main/server/game-journal';
import type { AppState } from '../../../src/shared/api/quiz-api';
import { FLUSHED_CHANNEL, GET_STATE_CHANNEL, INTENT_CHANNELS } from '../../../src/shared/ipc/channels';
import type { RecordedCall, StandInConfig } from './electron-stand-in';
import { MainProcess } from './main-process';

/** Main processes a test started, and their data folders: `cleanup` ends and removes them. */
export class MainRuns {
  private readonly running: MainProcess[] = [];
  private readonly dirs: string[] = [];

  /** Starts the main process at `main`; `config` without userData gets a fresh folder. */
  start(
    main: string,
    config: Partial<StandInConfig> = {},
    env: Record<string, string> = {},
  ): { proc: MainProcess; userData: string } {
    const userData = config.userData ?? mkdtempSync(join(tmpdir(), 'quizroom-wiring-'));
    if (!config.userData) this.dirs.push(userData);
    const proc = new MainProcess(main, { ...config, userData }, env);
    this.running.push(proc);
    return { proc, userData };
  }

  async cleanup(): Promise<void> {
    await Promise.all(this.running.splice(0).map((p) => p.stop()));
    for (const dir of this.dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}

/** Polls an async check with a generous bound (no fixed sleeps). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  what: string,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > 20_000) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const named = (calls: RecordedCall[], api: string) => calls.filter((c) => c.api === api);
export const indexOf = (calls: RecordedCall[], api: string, arg?: unknown) =>
  calls.findIndex((c) => c.api === api && (arg === undefined || c.args[0] === arg));

/** Readies the app and waits until the window's page is being loaded. */
export async function ready(proc: MainProcess): Promise<RecordedCall[]> {
  await proc.send({ cmd: 'ready' });
  return eventually(async () => {
    const calls = await proc.calls();
    return indexOf(calls, 'win.loadURL') >= 0 &&
      indexOf(calls, 'webContents.ipc.handle', FLUSHED_CHANNEL) >= 0
      ? calls
      : null;
  }, 'the window to load its page');
}

export const EVERY_CHANNEL = [...Object.values(INTENT_CHANNELS), GET_STATE_CHANNEL, FLUSHED_CHANNEL].sort();

/** The checks that hold for any start of a packaged main process: shared with the packaged-tree test. */
export function expectPackagedWiring(calls: RecordedCall[], main: string): void {
  expect(calls[0]?.api).toBe('app.requestSingleInstanceLock');
  // The privileged scheme is registered before ready, as Electron requires.
  const scheme = named(calls, 'protocol.registerSchemesAsPrivileged');
  expect(scheme).toHaveLength(1);
  expect(scheme[0]!.ready).toBe(false);
  expect(scheme[0]!.args[0]).toEqual([
    { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
  ]);
  // Everything about the window comes after ready.
  for (const api of [
    'new BrowserWindow',
    'protocol.handle',
    'Menu.setApplicationMenu',
    'session.setPermissionRequestHandler',
    'session.setPermissionCheckHandler',
    'webContents.ipc.handle',
    'powerMonitor.on',
  ]) {
    const made = named(calls, api);
    expect(made.length, api).toBeGreaterThan(0);
    expect(
      made.every((c) => c.ready),
      `${api} after ready`,
    ).toBe(true);
  }
  expect(indexOf(calls, 'protocol.handle', 'app')).toBeLessThan(indexOf(calls, 'win.loadURL'));
  expect(named(calls, 'win.loadURL').map((c) => c.args[0])).toEqual(['app://quizroom/index.html']);

  const [window] = named(calls, 'new BrowserWindow');
  const prefs = (window!.args[0] as { webPreferences: Record<string, unknown> }).webPreferences;
  expect(prefs).toMatchObject({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    devTools: false,
  });
  expect(prefs.preload).toBe(join(dirname(main), '../preload/index.js'));
  expect(existsSync(prefs.preload as string)).toBe(true);

  // Every channel the preload can call has its handler, on this window's own IPC.
  expect(
    named(calls, 'webContents.ipc.handle')
      .map((c) => c.args[0] as string)
      .sort(),
  ).toEqual(EVERY_CHANNEL);
  expect(named(calls, 'session.webRequest.onHeadersReceived')).toEqual([]);

  const menus = named(calls, 'Menu.setApplicationMenu');
  expect(menus).toHaveLength(1);
  const roles = menuRoles(menus[0]!.args[0] as MenuItemConstructorOptions[]);
  expect(roles).not.toContain('toggleDevTools');
  expect(roles).not.toContain('reload');

  // Every door out leads to the quit path.
  expect(named(calls, 'app.on').map((c) => c.args[0])).toEqual(
    expect.arrayContaining(['before-quit', 'window-all-closed', 'second-instance']),
  );
  expect(named(calls, 'win.on').map((c) => c.args[0])).toEqual(
    expect.arrayContaining(['close', 'closed', 'session-end']),
  );
  expect(named(calls, 'powerMonitor.on').map((c) => c.args[0])).toContain('shutdown');
}

/** Fetches index.html and its script and stylesheet through the app:// handler. */
export async function expectRendererServed(proc: MainProcess): Promise<void> {
  type Fetched = { status: number; contentType: string; csp: string; body: string };
  const index = (await proc.send({ cmd: 'fetch', url: 'app://quizroom/index.html' })) as Fetched;
  expect(index.status).toBe(200);
  expect(index.contentType).toBe('text/html; charset=utf-8');
  expect(index.csp).toContain("default-src 'none'");
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.body)?.[1];
  const style = /href="\.\/(assets\/[^"]+\.css)"/.exec(index.body)?.[1];
  expect(script).toBeDefined();
  expect(style).toBeDefined();
  const js = (await proc.send({ cmd: 'fetch', url: `app://quizroom/${script}` })) as Fetched;
  expect([js.status, js.contentType]).toEqual([200, 'text/javascript; charset=utf-8']);
  const css = (await proc.send({ cmd: 'fetch', url: `app://quizroom/${style}` })) as Fetched;
  expect([css.status, css.contentType]).toEqual([200, 'text/css; charset=utf-8']);
  const outside = (await proc.send({ cmd: 'fetch', url: 'app://quizroom/%2e%2e/main/index.js' })) as Fetched;
  expect(outside.status).toBe(404);
}

/** Hosts a room with the built-in quiz through the IPC handlers, as the Host screen does. */
export async function hostRoom(proc: MainProcess): Promise<void> {
  const state = (await proc.invoke(GET_STATE_CHANNEL)) as AppState;
  const quizId = state.quizzes[0]?.id;
  expect(quizId).toBeDefined();
  const result = await proc.invoke(INTENT_CHANNELS.hostRoom, {
    quizId,
    roomName: 'Wiring room',
    minPlayers: 0,
    questionSeconds: 20,
    pin: false,
    playToo: false,
  });
  expect(result).toEqual({ ok: true });
}

export function journals(userData: string) {
  const dir = join(userData, 'journal');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .map((n) => scanJournal(join(dir, n)));
}
