/**
 * The window hands over unsaved edits before it closes (src/main/app/window-flush.ts), with the
 * preload's side (src/preload/bridge.ts) on the other end of a fake IPC pipe that keeps order.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IpcEventLike } from '../../src/main/app/ipc-handlers';
import { WindowFlush } from '../../src/main/app/window-flush';
import { buildBridge, EMPTY_STATE } from '../../src/preload/bridge';
import {
  FLUSH_CHANNEL,
  FLUSHED_CHANNEL,
  GET_STATE_CHANNEL,
  INTENT_CHANNELS,
} from '../../src/shared/ipc/channels';
import { ipcPipe, isAppUrl } from './support/ipc-pipe';

const trusted = isAppUrl;

/** The pipe, with main answering get-state as the app does. */
function pipe(frame?: () => IpcEventLike) {
  const p = ipcPipe(frame);
  p.handlers.set(GET_STATE_CHANNEL, () => EMPTY_STATE);
  return p;
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
