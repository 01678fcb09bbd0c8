/**
 * The preload's `window.quiz` (src/preload/bridge.ts) with a fake ipcRenderer: one method per
 * intent of the intent table, each on its own channel; and the built preload, which runs
 * sandboxed and so may load nothing but electron.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildBridge, EMPTY_STATE, type IpcRendererLike } from '../../src/preload/bridge';
import {
  BRIDGE_METHODS,
  GET_STATE_CHANNEL,
  INTENT_CHANNELS,
  STATE_CHANNEL,
} from '../../src/shared/ipc/channels';
import type { AppState } from '../../src/shared/api/quiz-api';
import { ensureBuilt, OUT_DIR } from '../support/built-app';

type Listener = (event: unknown, ...args: unknown[]) => void;

class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: [string, unknown[]][] = [];
  readonly listeners = new Map<string, Set<Listener>>();
  constructor(private readonly initial: AppState) {}
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, args]);
    return Promise.resolve(channel === GET_STATE_CHANNEL ? this.initial : undefined);
  }
  on(channel: string, listener: Listener): void {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
  }
  removeListener(channel: string, listener: Listener): void {
    this.listeners.get(channel)?.delete(listener);
  }
  emit(channel: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(channel) ?? [])
      l({ sender: 'an IpcRendererEvent the page must never see' }, ...args);
  }
  count(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}

const hosting: AppState = {
  ...EMPTY_STATE,
  desktop: {
    ...EMPTY_STATE.desktop!,
    hosting: { roomName: 'R', port: 7420, quizTitle: 'Q', playing: false },
  },
};

describe('the preload bridge (window.quiz)', () => {
  it('exposes exactly the contract methods, all functions', () => {
    const bridge = buildBridge(new FakeIpcRenderer(EMPTY_STATE));
    expect(Object.keys(bridge).sort()).toEqual([...BRIDGE_METHODS].sort());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('sends each intent on its own channel with its arguments', () => {
    const ipc = new FakeIpcRenderer(EMPTY_STATE);
    const bridge = buildBridge(ipc);
    (bridge.join as (n: string, p?: string) => void)('Ada', '123456');
    (bridge.answer as (o: number) => void)(3);
    (bridge.next as () => void)();
    expect(ipc.invoked.slice(1)).toEqual([
      [INTENT_CHANNELS.join, ['Ada', '123456']],
      [INTENT_CHANNELS.answer, [3]],
      [INTENT_CHANNELS.next, []],
    ]);
  });

  it('keeps the state from the changes pushed, and hands subscribers the changes only', async () => {
    const ipc = new FakeIpcRenderer(hosting);
    const bridge = buildBridge(ipc);
    await Promise.resolve();
    const getState = bridge.getState as () => AppState;
    expect(getState()).toBe(hosting);
    const seen: unknown[][] = [];
    const unsubscribe = (bridge.subscribe as (l: (...a: unknown[]) => void) => () => void)((...args) =>
      seen.push(args),
    );
    const change = { set: { clockOffset: 12 } };
    ipc.emit(STATE_CHANNEL, change);
    expect(seen).toEqual([[change]]);
    expect(getState()).toEqual({ ...hosting, clockOffset: 12 });
    expect(getState().desktop).toBe(hosting.desktop);
    unsubscribe();
    ipc.emit(STATE_CHANNEL, { full: EMPTY_STATE });
    expect(seen).toHaveLength(1);
    expect(getState()).toBe(EMPTY_STATE);
  });
});

describe('the built preload', () => {
  beforeAll(() => ensureBuilt(), 6 * 60_000);

  it('loads no package but electron: a sandboxed preload cannot, so the intent table it reads loads no zod', () => {
    const code = readFileSync(join(OUT_DIR, 'preload/index.js'), 'utf8');
    const required = [...code.matchAll(/\brequire\((["'])([^"']+)\1\)/g)].map((m) => m[2]);
    expect(required).toEqual(['electron']);
  });
});
