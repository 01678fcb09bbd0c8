/**
 * The quit path's order and bound (src/main/app/quit-sequence.ts), on a fake timer: the room,
 * the announcement and saves stop together; saves the window hands over are waited for; and a
 * step that never ends does not hold the quit past its deadline.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QUIT_DEADLINE_MS, runQuit, WINDOW_FLUSH_MS, type QuitSteps } from '../../src/main/app/quit-sequence';

const never = () => new Promise<never>(() => undefined);

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('quitting', () => {
  it('starts stopping the room at once, without waiting for the window', () => {
    const order: string[] = [];
    void runQuit({
      flushWindow: () => (order.push('flush'), never()),
      shutdown: () => (order.push('shutdown'), never()),
      settleSaves: () => (order.push('saves'), Promise.resolve()),
    });
    return vi.waitFor(() => expect(order).toEqual(['shutdown', 'flush']));
  });

  it('waits for the saves the window hands over, after the window has answered', async () => {
    const flushed = deferred();
    const saved = deferred();
    const seen: string[] = [];
    const steps: QuitSteps = {
      flushWindow: (ms) => (seen.push(`flush ${ms}`), flushed.promise),
      shutdown: () => Promise.resolve(),
      settleSaves: () => (seen.push('settle'), saved.promise),
    };
    let outcome: string | null = null;
    void runQuit(steps).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual([`flush ${WINDOW_FLUSH_MS}`]);
    flushed.resolve();
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual([`flush ${WINDOW_FLUSH_MS}`, 'settle']);
    expect(outcome).toBeNull();
    saved.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toBe('finished');
  });

  it('ends at the deadline when a step never finishes', async () => {
    let outcome: string | null = null;
    void runQuit({ flushWindow: never, shutdown: never, settleSaves: never }).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(QUIT_DEADLINE_MS - 1);
    expect(outcome).toBeNull();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toBe('deadline');
  });

  it('goes on with the other steps when one fails', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const settled = vi.fn(() => Promise.resolve());
    const outcome = runQuit({
      flushWindow: () => Promise.reject(new Error('the window is gone')),
      shutdown: () => {
        throw new Error('the journal could not be closed');
      },
      settleSaves: settled,
    });
    await vi.advanceTimersByTimeAsync(0);
    await expect(outcome).resolves.toBe('finished');
    expect(settled).toHaveBeenCalledOnce();
    expect(errors).toHaveBeenCalledTimes(2);
    errors.mockRestore();
  });

  it('gives every step a bound shorter than the deadline', () => {
    // The server thread is terminated 5 s after its close message, the mDNS goodbye gives up at 2 s.
    expect(WINDOW_FLUSH_MS).toBeLessThan(QUIT_DEADLINE_MS);
    expect(5000).toBeLessThan(QUIT_DEADLINE_MS);
  });
});
