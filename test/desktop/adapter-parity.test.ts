/**
 * Adapter parity: the same scenarios through both adapters the screens may be given.
 *  - web: the web adapter (a QuizClient in the page) on a room opened by the hosting module, a
 *    host dashboard (host token) and a player's page;
 *  - desktop: the desktop adapter over the real preload bridge, the real IPC handlers and a real
 *    DesktopSession, one app hosting and another joining by address, with a stand-in for
 *    Electron's IPC and contextBridge that copies every payload by structured clone.
 * Both keep the API's promises: the same answers to the same calls, failures that resolve (never
 * reject) so that no screen is left busy, and the desktop's services present only on the desktop.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { registerIpc } from '../../src/main/app/ipc-handlers';
import type { DesktopSession } from '../../src/main/desktop/desktop-session';
import { openHostedRoom, type HostedRoom } from '../../src/main/hosting/hosted-room';
import { buildBridge } from '../../src/preload/bridge';
import { createElectronAdapter, type Bridge } from '../../src/renderer/api/electron-adapter';
import { createWebAdapter } from '../../src/renderer/api/web-adapter';
import type { AppState, HostConfig, QuizApi } from '../../src/shared/api/quiz-api';
import { INTENT_CHANNELS, STATE_CHANNEL } from '../../src/shared/ipc/channels';
import { intentsOf } from '../../src/shared/ipc/intents';
import { findBuiltin } from '../../src/shared/quiz/builtin-pack';
import { ensureBuilt, SERVER_WORKER } from '../support/built-app';
import { newDesktopSession, stopDesktopSessions } from '../support/desktop-sessions';
import { waitFor } from '../support/wait';
import { choice } from '../support/choice-question';
import { exposeInMainWorld, ipcPipe, isAppUrl } from './support/ipc-pipe';
import { StateDeltas } from '../../src/shared/ipc/state-delta';

const SCIENCE = findBuiltin('builtin:science')!;
const SETTINGS = { minPlayers: 0, questionSeconds: 30 };

/** The room's host and one player, each through the adapter under test. */
interface Room {
  host: QuizApi;
  player: QuizApi;
}

interface Platform {
  name: string;
  open(): Promise<Room>;
}

const cleanups: (() => Promise<void> | void)[] = [];
beforeAll(() => ensureBuilt(), 6 * 60_000);
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stopDesktopSessions();
});

// --- The web: a page that the host served ----------------------------------------------------

/** The page at `url`, as a browser tab would load it (no storage: a private window). */
function webPage(url: string): QuizApi {
  const location = new URL(url) as unknown as Location;
  const history = { state: null, replaceState: () => undefined } as unknown as History;
  return createWebAdapter(location, history);
}

const web: Platform = {
  name: 'the web adapter',
  async open() {
    const opened = await openHostedRoom(
      { kind: 'new', quiz: SCIENCE, roomName: 'Parity room', pin: false, settings: SETTINGS, port: 0 },
      { journalDir: null, staticDir: null, bind: '127.0.0.1', serverWorker: SERVER_WORKER },
      { announce: null, reports: null },
    );
    if (!opened.ok) throw new Error(opened.message);
    const room: HostedRoom = opened.room;
    cleanups.push(() => room.close());
    const base = `http://127.0.0.1:${room.server.port}/`;
    return { host: webPage(`${base}?host=${room.server.hostToken}`), player: webPage(base) };
  },
};

// --- The desktop: the window over IPC ----------------------------------------------------------

/** The desktop window of `session`: its IPC, its preload and the adapter the screens get. */
function desktopWindow(session: DesktopSession): QuizApi {
  const pipe = ipcPipe();
  const unregister = registerIpc(pipe.main, session, isAppUrl);
  // As the main process pushes: only what changed since the last push.
  const deltas = new StateDeltas();
  const unsubscribe = session.subscribe((state) => {
    const change = deltas.next(state);
    if (change) pipe.contents.send(STATE_CHANNEL, change);
  });
  cleanups.push(() => {
    unsubscribe();
    unregister();
    pipe.close();
  });
  const bridge = exposeInMainWorld(buildBridge(pipe.renderer)) as unknown as Bridge;
  return createElectronAdapter(bridge);
}

const HOST_CONFIG: HostConfig = {
  quizId: 'builtin:science',
  roomName: 'Parity room',
  ...SETTINGS,
  pin: false,
  playToo: false,
};

const desktop: Platform = {
  name: 'the desktop adapter over IPC',
  async open() {
    const host = desktopWindow(newDesktopSession().session);
    expect(await host.desktop!.hostRoom(HOST_CONFIG)).toEqual({ ok: true });
    const hosting = await until(host, (s) => s.desktop?.hosting, 'the room to open');
    const player = desktopWindow(newDesktopSession().session);
    expect(await player.desktop!.connect('127.0.0.1', hosting.port)).toEqual({ ok: true });
    return { host, player };
  },
};

/** Waits (up to 15 s) until `pick` finds something in the adapter's state; each state must survive cloning. */
async function until<T>(api: QuizApi, pick: (s: AppState) => T | null | undefined | false, what: string) {
  return waitFor(
    () => {
      const state = api.getState();
      expect(structuredClone(state)).toEqual(state);
      return pick(state) || undefined;
    },
    what,
    15_000,
  );
}

describe.each([web, desktop])('$name', (platform) => {
  it('plays a question: join, start, answer, the result and the standings', async () => {
    const { host, player } = await platform.open();
    await until(host, (s) => s.game?.role === 'host', 'the host to be let in');
    host.updateSettings({ countdownSeconds: 0 });
    await until(host, (s) => s.game?.settings.countdownSeconds === 0, 'the setting to take');

    await until(player, (s) => s.game?.ready, 'the player to connect');
    player.join('Ada');
    await until(player, (s) => s.game?.you?.name === 'Ada', 'Ada to join');
    await until(host, (s) => s.game?.players.some((p) => p.name === 'Ada'), 'the host to see Ada');

    host.start();
    const asked = await until(player, (s) => s.game?.phase === 'question' && s.game.question, 'a question');
    const correct = choice(SCIENCE.questions[asked.index]).correct;
    player.answer(correct);
    await until(player, (s) => s.game?.you?.answer, 'the answer to be acknowledged');
    // Ada was the only player: her answer closes the question.
    const result = await until(player, (s) => s.game?.phase === 'reveal' && s.game.you?.result, 'the result');
    expect(result).toMatchObject({ correct: true, rank: 1 });
    expect(result.points).toBeGreaterThan(0);

    host.end();
    const final = await until(host, (s) => s.game?.phase === 'finished' && s.game.standings, 'the standings');
    expect(final.map((row) => [row.name, row.rank])).toEqual([['Ada', 1]]);
  });

  it('answers a failure, never a rejection: results cannot be exported before there are any', async () => {
    const { host } = await platform.open();
    await until(host, (s) => s.game?.role === 'host', 'the host to be let in');
    await expect(host.exportCsv()).resolves.toEqual({
      ok: false,
      code: 'no_results',
      message: 'There are no results to export yet.',
    });
  });

  it('shows the host the error when the next game names a quiz this host does not have', async () => {
    const { host } = await platform.open();
    await until(host, (s) => s.game?.role === 'host', 'the host to be let in');
    host.newGame('builtin:no-such-quiz');
    const error = await until(host, (s) => s.game?.error, 'the error');
    expect(error).toMatchObject({ code: 'unknown_quiz', ref: 'new_game' });
    expect(error.message).toMatch(/This host has no quiz "builtin:no-such-quiz"/);
  });
});

describe('what only the desktop has', () => {
  it('is absent from the web adapter and present, with every desktop intent, in the desktop one', async () => {
    const { host: page } = await web.open();
    expect(page.desktop).toBeUndefined();
    expect(page.getState().desktop).toBeUndefined();
    const app = desktopWindow(newDesktopSession().session);
    expect(Object.keys(app.desktop!).sort()).toEqual(intentsOf('desktop').sort());
    expect(app.getState().desktop).toMatchObject({ hosting: null, rooms: [] });
  });

  it('answers a room that cannot open with the reason, on the desktop adapter', async () => {
    // Not an address of this machine: the server cannot listen there.
    const app = desktopWindow(newDesktopSession({ bind: '203.0.113.7' }).session);
    const answer = await app.desktop!.hostRoom(HOST_CONFIG);
    expect(answer).toMatchObject({ ok: false, code: 'host_failed' });
    expect(answer.ok ? '' : answer.message).toMatch(
      /Cannot listen on 203\.0\.113\.7:\d+: 203\.0\.113\.7 is not an address of this machine/,
    );
    expect(app.getState().desktop?.hosting).toBeNull();
  });

  it('answers a call the main process refuses with a failure that says why, instead of rejecting', async () => {
    const app = desktopWindow(newDesktopSession().session);
    const answer = await app.desktop!.hostRoom({ ...HOST_CONFIG, roomName: '   ' });
    expect(answer).toEqual({
      ok: false,
      code: 'refused',
      message: expect.stringMatching(
        /^The app could not do this: Refused hostRoom: .*roomName.*Give the room a name\.$/,
      ),
    });
  });

  it('reports a refused fire-and-forget call and throws nothing at the screen', async () => {
    const app = desktopWindow(newDesktopSession().session);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => app.answer(99)).not.toThrow();
      await waitFor(() => logged.mock.calls.length > 0 || undefined, 'the refusal to be reported');
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/answer failed: Refused answer/);
    } finally {
      logged.mockRestore();
    }
  });

  it('answers a failure when the call cannot even reach the main process', async () => {
    const pipe = ipcPipe();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      // The window's IPC has no handlers: as if the main process had gone.
      const api = createElectronAdapter(exposeInMainWorld(buildBridge(pipe.renderer)) as unknown as Bridge);
      await expect(api.desktop!.importQuiz()).resolves.toMatchObject({
        ok: false,
        code: 'failed',
        message: expect.stringContaining(`No handler registered for '${INTENT_CHANNELS.importQuiz}'`),
      });
      // The first state did not come either: said, not thrown.
      expect(String(logged.mock.calls[0]?.[0])).toMatch(/the first state did not arrive/);
      expect(api.getState().desktop).toMatchObject({ hosting: null });
    } finally {
      logged.mockRestore();
    }
  });
});
