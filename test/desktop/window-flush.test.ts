/**
 * The window hands over unsaved edits before it closes (src/main/app/window-flush.ts), with the
 * preload's side (src/preload/bridge.ts) on the other end of a fake IPC pipe that keeps order.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IpcEventLike, IpcLike } from '../../src/main/app/ipc-handlers';
import { WindowFlush } from '../../src/main/app/window-flush';
import { buildBridge, EMPTY_STATE, type IpcRendererLike } from '../../src/preload/bridge';
import {
  FLUSH_CHANNEL,
  FLUSHED_CHANNEL,
  GET_STATE_CHANNEL,
  INTENT_CHANNELS,
} from '../../src/shared/ipc/channels';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;
type Listener = (event: unknown, ...args: unknown[]) => void;

const APP_FRAME: IpcEventLike = { senderFrame: { url: 'app://quizroom/index.html', parent: null } };
const trusted = (url: string) => url.startsWith('app://quizroom/');

/** Main's ipc and the window's ipcRenderer joined by one ordered pipe, as Electron's is. */
function pipe(frame: () => IpcEventLike = () => APP_FRAME) {
  const handlers = new Map<string, Handler>([[GET_STATE_CHANNEL, () => EMPTY_STATE]]);
  const listeners = new Map<string, Set<Listener>>();
  const received: string[] = [];
  let alive = true;
  const main: IpcLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const renderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      received.push(channel);
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(frame(), ...args);
    },
    on: (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
    },
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const contents = {
    isDestroyed: () => !alive,
    send: (channel: string) => {
      for (const l of listeners.get(channel) ?? []) l({});
    },
  };
  return { main, renderer, contents, received, handlers, close: () => (alive = false) };
}

describe('handing over unsaved edits before the window closes', () => {
  it('has the page save, then answers: the save reaches main before the answer', async () => {
    const p = pipe();
    p.handlers.set(INTENT_CHANNELS.saveQuiz, () => ({ ok: true }));
    const flush = new WindowFlush();
    flush.register(p.main, trusted);
    const bridge = buildBridge(
      p.renderer,
      () => void (bridge.saveQuiz as (...a: unknown[]) => unknown)('q1', {}),
    );
    await expect(flush.request(p.contents, 10_000)).resolves.toBe('flushed');
    expect(p.received.slice(-2)).toEqual([INTENT_CHANNELS.saveQuiz, FLUSHED_CHANNEL]);
  });

  it('answers even when the page fails to save', async () => {
    const p = pipe();
    const flush = new WindowFlush();
    flush.register(p.main, trusted);
    buildBridge(p.renderer, () => {
      throw new Error('the editor crashed');
    });
    await expect(flush.request(p.contents, 10_000)).resolves.toBe('flushed');
  });

  it('refuses an answer from a frame that is not the app', async () => {
    const p = pipe(() => ({ senderFrame: { url: 'https://example.com/', parent: null } }));
    const flush = new WindowFlush();
    flush.register(p.main, trusted);
    vi.useFakeTimers();
    try {
      buildBridge(p.renderer);
      const outcome = flush.request(p.contents, 1000);
      await vi.advanceTimersByTimeAsync(1000);
      await expect(outcome).resolves.toBe('timed-out');
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops waiting for a page that never answers at the bound it is given', async () => {
    const p = pipe();
    const flush = new WindowFlush();
    flush.register(p.main, trusted);
    vi.useFakeTimers();
    try {
      const outcome = flush.request(p.contents, 1000); // no preload listening: a hung page
      await vi.advanceTimersByTimeAsync(999);
      let settled = false;
      void outcome.then(() => (settled = true));
      await vi.advanceTimersByTimeAsync(0);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      await expect(outcome).resolves.toBe('timed-out');
    } finally {
      vi.useRealTimers();
    }
  });

  it('does not wait for a window that is gone', async () => {
    const p = pipe();
    const flush = new WindowFlush();
    p.close();
    await expect(flush.request(p.contents, 10_000)).resolves.toBe('gone');
    await expect(flush.request(null, 10_000)).resolves.toBe('gone');
    const live = pipe();
    const waiting = flush.request(live.contents, 10_000);
    flush.windowGone();
    await expect(waiting).resolves.toBe('gone');
  });

  it('sends the request on the flush channel', () => {
    const p = pipe();
    const sent: string[] = [];
    void new WindowFlush().request({ isDestroyed: () => false, send: (c) => void sent.push(c) }, 10);
    expect(sent).toEqual([FLUSH_CHANNEL]);
    void p;
  });
});
