/**
 * The projector window, as the BUILT main process asks Electron for it (recorded calls, see
 * main-wiring.test.ts): with a room hosted, toggleProjector opens a second window on the other
 * display, full screen, locked down like the main one, at the projector view; its page gets the
 * state and every command it sends is refused; unplugging its display closes it; with one display
 * it opens as a movable window. Nothing is rendered here: it checks our requests, not Electron.
 */
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../../src/shared/api/quiz-api';
import { GET_STATE_CHANNEL, INTENT_CHANNELS } from '../../src/shared/ipc/channels';
import { ensureBuilt, OUT_DIR } from '../support/built-app';
import type { StandInDisplay } from './support/electron-stand-in';
import { isolationUnsupportedReason } from './support/main-process';
import { eventually, hostRoom, MainRuns, named, ready } from './support/wiring-checks';

const MAIN = join(OUT_DIR, 'main/index.js');
const unsupported = isolationUnsupportedReason();
const runs = new MainRuns();
beforeAll(() => ensureBuilt(), 6 * 60_000);
afterEach(() => runs.cleanup());

const LAPTOP: StandInDisplay = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1440, height: 900 },
  workArea: { x: 0, y: 25, width: 1440, height: 875 },
};
const PROJECTOR: StandInDisplay = {
  id: 2,
  bounds: { x: 1440, y: 0, width: 1920, height: 1080 },
  workArea: { x: 1440, y: 0, width: 1920, height: 1080 },
};

type WindowOptions = {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  fullscreen?: boolean;
  webPreferences: Record<string, unknown>;
};

describe.skipIf(unsupported !== undefined)('the projector window (recorded calls)', () => {
  it('opens on the other display, full screen, locked down, showing the room and commanding nothing', async () => {
    const { proc } = runs.start(MAIN, { packaged: true, displays: [LAPTOP, PROJECTOR] });
    await ready(proc);
    // No room, nothing to project.
    expect(await proc.invoke(INTENT_CHANNELS.toggleProjector)).toMatchObject({
      ok: false,
      code: 'not_hosting',
    });
    await hostRoom(proc);
    expect(await proc.invoke(INTENT_CHANNELS.toggleProjector)).toEqual({ ok: true });

    const calls = await proc.calls();
    const windows = named(calls, 'new BrowserWindow').map((c) => c.args[0] as WindowOptions);
    expect(windows).toHaveLength(2);
    const [main, projector] = windows as [WindowOptions, WindowOptions];
    expect(projector).toMatchObject({ x: 1440, y: 0, width: 1920, height: 1080, fullscreen: true });
    // The same lock as the main window: same preload, sandbox, isolation, no Node.
    expect(projector.webPreferences).toEqual(main.webPreferences);
    expect(projector.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(named(calls, 'win.loadURL').map((c) => c.args[0])).toEqual([
      'app://quizroom/index.html',
      'app://quizroom/index.html?view=projector',
    ]);

    // Its page gets the state, with the projector marked open, and every command is refused.
    const seen = (await proc.send({
      cmd: 'invoke',
      channel: GET_STATE_CHANNEL,
      args: [],
      window: 1,
    })) as AppState;
    expect(seen.desktop?.hosting).toMatchObject({ roomName: 'Wiring room', projector: true });
    for (const [channel, args] of [
      [INTENT_CHANNELS.start, []],
      [INTENT_CHANNELS.end, []],
      [INTENT_CHANNELS.kick, ['p1']],
      [INTENT_CHANNELS.stopHosting, []],
      [INTENT_CHANNELS.toggleProjector, []],
    ] as const)
      await expect(proc.send({ cmd: 'invoke', channel, args: [...args], window: 1 })).rejects.toThrow(
        /the projector window only shows the game/,
      );
    expect(((await proc.invoke(GET_STATE_CHANNEL)) as AppState).game?.status).toBe('NOT_STARTED');

    // The projector is unplugged: its window closes, the room goes on, the host bar sees it closed.
    await proc.send({ cmd: 'remove-display', display: 2 });
    await eventually(async () => {
      const state = (await proc.invoke(GET_STATE_CHANNEL)) as AppState;
      return state.desktop?.hosting && !state.desktop.hosting.projector ? state : null;
    }, 'the projector window to close with its display');
    expect(((await proc.invoke(GET_STATE_CHANNEL)) as AppState).desktop?.hosting).toMatchObject({
      roomName: 'Wiring room',
    });

    // On the one display left it opens as a window of its own, not over the host's controls.
    expect(await proc.invoke(INTENT_CHANNELS.toggleProjector)).toEqual({ ok: true });
    const third = named(await proc.calls(), 'new BrowserWindow')[2]!.args[0] as WindowOptions;
    expect(third).toMatchObject({ fullscreen: false, width: 960, height: 540, minHeight: 540 });
    // Pressed again, it closes.
    expect(await proc.invoke(INTENT_CHANNELS.toggleProjector)).toEqual({ ok: true });
    await eventually(async () => {
      const state = (await proc.invoke(GET_STATE_CHANNEL)) as AppState;
      return state.desktop?.hosting?.projector ? null : state;
    }, 'the projector window to close');
  });
});
