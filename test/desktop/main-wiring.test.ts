/**
 * What the BUILT main process (out/main/index.js) asks of Electron: run under plain Node with a
 * call-recording stand-in for the `electron` module (support/electron-stand-in.ts). This checks
 * our requests, in which order and with which paths; it does not check Electron's behaviour
 * (nothing is rendered, loaded or sandboxed here: that is the real smoke test's job, where the
 * binary exists). The session behind it is real: a real server thread, real files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { menuRoles } from '../../src/main/app/app-menu';
import type { AppState } from '../../src/shared/api/quiz-api';
import { FLUSH_CHANNEL, GET_STATE_CHANNEL, INTENT_CHANNELS } from '../../src/shared/ipc/channels';
import { ensureBuilt, OUT_DIR } from '../support/built-app';
import { isolationUnsupportedReason } from './support/main-process';
import {
  expectPackagedWiring,
  expectRendererServed,
  hostRoom,
  indexOf,
  journals,
  MainRuns,
  named,
  ready,
} from './support/wiring-checks';

const MAIN = join(OUT_DIR, 'main/index.js');
const unsupported = isolationUnsupportedReason();
if (unsupported) console.log(`Main-process wiring tests skipped: ${unsupported}.`);

const runs = new MainRuns();
beforeAll(() => ensureBuilt(), 6 * 60_000);
afterEach(() => runs.cleanup());
const startMain = runs.start.bind(runs);

describe.skipIf(unsupported !== undefined)(
  'the built main process, as Electron would run it (recorded calls)',
  () => {
    it('asks for one instance, registers app:// before ready and builds a locked-down window after', async () => {
      const { proc } = startMain(MAIN, { packaged: true });
      const calls = await ready(proc);
      expectPackagedWiring(calls, MAIN);
      await expectRendererServed(proc);
    });

    it('answers the page over IPC, and refuses a frame that is not the app', async () => {
      const { proc } = startMain(MAIN, { packaged: true });
      await ready(proc);
      const state = (await proc.invoke(GET_STATE_CHANNEL)) as AppState;
      expect(state).toMatchObject({ desktop: { hosting: null } });
      await expect(
        proc.send({ cmd: 'invoke', channel: GET_STATE_CHANNEL, args: [], frameUrl: 'https://example.com/' }),
      ).rejects.toThrow(/is not the app/);
      await expect(proc.invoke(INTENT_CHANNELS.answer, 'seven')).rejects.toThrow(/Refused answer/);
    });

    it('ignores a dev server address in a packaged build', async () => {
      const { proc } = startMain(MAIN, { packaged: true }, { VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173/' });
      const calls = await ready(proc);
      expectPackagedWiring(calls, MAIN);
    });

    it('loads the dev server with developer tools and its own policy in a dev run', async () => {
      const { proc } = startMain(
        MAIN,
        { packaged: false },
        { VITE_DEV_SERVER_URL: 'http://127.0.0.1:5173/' },
      );
      const calls = await ready(proc);
      expect(named(calls, 'win.loadURL').map((c) => c.args[0])).toEqual(['http://127.0.0.1:5173/']);
      expect(named(calls, 'session.webRequest.onHeadersReceived').map((c) => c.args[0])).toEqual([
        { urls: ['http://127.0.0.1/*'] },
      ]);
      const prefs = (
        named(calls, 'new BrowserWindow')[0]!.args[0] as { webPreferences: Record<string, unknown> }
      ).webPreferences;
      expect(prefs.devTools).toBe(true);
      expect(prefs.sandbox).toBe(true);
      const roles = menuRoles(
        named(calls, 'Menu.setApplicationMenu')[0]!.args[0] as MenuItemConstructorOptions[],
      );
      expect(roles).toContain('toggleDevTools');
      // The dev page may call the app; another page may not.
      await expect(
        proc.send({
          cmd: 'invoke',
          channel: GET_STATE_CHANNEL,
          args: [],
          frameUrl: 'http://127.0.0.1:5173/',
        }),
      ).resolves.toMatchObject({ desktop: { hosting: null } });
      await expect(
        proc.send({
          cmd: 'invoke',
          channel: GET_STATE_CHANNEL,
          args: [],
          frameUrl: 'http://127.0.0.1:5174/',
        }),
      ).rejects.toThrow(/is not the app/);
    });

    it('leaves at once, with no window, when another instance is running', async () => {
      const { proc } = startMain(MAIN, { secondInstance: true });
      const { code, calls } = await proc.exited;
      expect(code).toBe(0);
      expect(calls.map((c) => c.api)).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    });

    it.each([
      ['the window cannot be created', { failWindow: true }, /GPU process could not start/],
      ['the page cannot be loaded', { failLoad: true }, /ERR_FILE_NOT_FOUND/],
    ])('shows an error and exits with 1 when %s', async (_what, failure, message) => {
      const { proc } = startMain(MAIN, { packaged: true, ...failure });
      await proc.send({ cmd: 'ready' });
      const { code, calls } = await proc.exited;
      expect(code).toBe(1);
      const [box] = named(calls, 'dialog.showErrorBox');
      expect(box?.args[0]).toBe('Quizroom could not start');
      expect(box?.args[1]).toMatch(message);
      expect(indexOf(calls, 'dialog.showErrorBox')).toBeLessThan(indexOf(calls, 'app.exit'));
    });

    it('on closing the window, takes the editor save the page sends, closes the room and exits', async () => {
      const { proc, userData } = startMain(MAIN, { packaged: true });
      await ready(proc);
      await hostRoom(proc);
      const created = (await proc.invoke(INTENT_CHANNELS.createQuiz)) as { ok: true; id: string };
      const draft = {
        title: 'Saved while closing',
        questions: [{ kind: 'choice', prompt: 'Which one?', options: ['This', 'That'], correct: 0 }],
      };
      await proc.send({ cmd: 'save-on-flush', args: [created.id, draft] });
      await proc.send({ cmd: 'close-window' });
      const { code, calls } = await proc.exited;
      expect(code).toBe(0);
      expect(indexOf(calls, 'webContents.send', FLUSH_CHANNEL)).toBeGreaterThan(indexOf(calls, 'win.close'));
      expect(indexOf(calls, 'app.exit')).toBeGreaterThan(indexOf(calls, 'webContents.send', FLUSH_CHANNEL));
      const library = join(userData, 'library');
      const saved = readdirSync(library)
        .filter((n) => !n.startsWith('.'))
        .map((n) => readFileSync(join(library, n), 'utf8'));
      expect(saved.some((text) => text.includes('Saved while closing'))).toBe(true);
      // The room was closed, not cut off: its journal says so (nothing is offered for resuming).
      expect(journals(userData).map((j) => j.closed)).toEqual([true]);
    });

    it('still exits, with the room closed, when the page never answers', async () => {
      const { proc, userData } = startMain(MAIN, { packaged: true, page: 'hung' });
      await ready(proc);
      await hostRoom(proc);
      await proc.send({ cmd: 'quit' });
      const { code, calls } = await proc.exited;
      expect(code).toBe(0);
      expect(named(calls, 'app.quit')).toHaveLength(1);
      expect(indexOf(calls, 'webContents.send', FLUSH_CHANNEL)).toBeGreaterThan(0);
      expect(journals(userData).map((j) => j.closed)).toEqual([true]);
    });

    it('holds the system shutdown (Linux, macOS) until the room is closed', async () => {
      const { proc, userData } = startMain(MAIN, { packaged: true });
      await ready(proc);
      await hostRoom(proc);
      await expect(proc.send({ cmd: 'power-shutdown' })).resolves.toEqual({ prevented: true });
      expect((await proc.exited).code).toBe(0);
      expect(journals(userData).map((j) => j.closed)).toEqual([true]);
    });

    it('closes the room on a Windows log-off or shutdown', async () => {
      const { proc, userData } = startMain(MAIN, { packaged: true });
      await ready(proc);
      await hostRoom(proc);
      await proc.send({ cmd: 'session-end' });
      expect((await proc.exited).code).toBe(0);
      expect(journals(userData).map((j) => j.closed)).toEqual([true]);
    });
  },
);
