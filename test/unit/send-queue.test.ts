import { describe, expect, it } from 'vitest';
import { SendQueue } from '../../src/main/server/send-queue';

/** A clock that advances by `step` ms each time it is read. */
function tickingClock(step: number): () => number {
  let t = 0;
  return () => (t += step);
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('the send queue', () => {
  it('runs a single send at once while nothing is queued', () => {
    const q = new SendQueue(10, tickingClock(1));
    const done: string[] = [];
    q.each(['a'], (t) => done.push(t));
    expect(done).toEqual(['a']);
    expect(q.pending).toBe(false);
  });

  it('finishes a small broadcast within its first slice', () => {
    const q = new SendQueue(10, tickingClock(0.001));
    const done: number[] = [];
    q.each([1, 2, 3], (t) => done.push(t));
    expect(done).toEqual([1, 2, 3]);
    expect(q.pending).toBe(false);
  });

  it('spreads a broadcast over slices no longer than the budget', async () => {
    // Each target costs 1 ms of this clock; a 10 ms budget allows about 10 per slice.
    const q = new SendQueue(10, tickingClock(1));
    const done: number[] = [];
    q.each(
      Array.from({ length: 35 }, (_, i) => i),
      (t) => done.push(t),
    );
    expect(done.length).toBeGreaterThan(0);
    expect(done.length).toBeLessThanOrEqual(10);
    expect(q.pending).toBe(true);
    const slices: number[] = [];
    while (q.pending) {
      const before = done.length;
      await nextTurn();
      slices.push(done.length - before);
    }
    expect(Math.max(...slices)).toBeLessThanOrEqual(10);
    expect(done).toEqual(Array.from({ length: 35 }, (_, i) => i));
  });

  it('starts a broadcast to a big room on the next turn, not inside the step that made it', async () => {
    const q = new SendQueue(10, tickingClock(0.001));
    const done: number[] = [];
    q.each(
      Array.from({ length: 5000 }, (_, i) => i),
      (t) => done.push(t),
    );
    expect(done).toEqual([]);
    while (q.pending) await nextTurn();
    expect(done.length).toBe(5000);
  });

  it('after a long step, waits one more turn before its first slice', async () => {
    const big = Array.from({ length: 5000 }, (_, i) => i);
    const turnsUntilFirstSlice = async (q: SendQueue) => {
      const done: number[] = [];
      q.each(big, (t) => done.push(t));
      let turns = 0;
      while (done.length === 0) {
        await nextTurn();
        turns++;
      }
      while (q.pending) await nextTurn();
      expect(done).toEqual(big);
      return turns;
    };
    const plain = await turnsUntilFirstSlice(new SendQueue(10, tickingClock(0.001)));
    const yielding = new SendQueue(10, tickingClock(0.001));
    yielding.yieldTurn();
    expect(await turnsUntilFirstSlice(yielding)).toBe(plain + 1);
    // Only the next slice waits.
    expect(await turnsUntilFirstSlice(yielding)).toBe(plain);
  });

  it('keeps every target in the order its messages were produced, across slices', async () => {
    const q = new SendQueue(10, tickingClock(1));
    const log: string[] = [];
    q.each(['ada', 'bob', 'cy', 'dan', 'eve', 'fay', 'gus', 'hal', 'ida', 'jo', 'kim', 'lu'], (t) =>
      log.push(`reveal>${t}`),
    );
    // Produced while the reveal is still going out: it must not overtake it.
    q.each(['lu'], (t) => log.push(`result>${t}`));
    q.each(['lu'], (t) => log.push(`close>${t}`));
    while (q.pending) await nextTurn();
    expect(log.slice(-3)).toEqual(['reveal>lu', 'result>lu', 'close>lu']);
  });

  it('does everything at once on flush', () => {
    const q = new SendQueue(10, tickingClock(5));
    const done: number[] = [];
    q.each([1, 2, 3, 4, 5, 6, 7, 8], (t) => done.push(t));
    q.each([9], (t) => done.push(t));
    q.flush();
    expect(done).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(q.pending).toBe(false);
  });

  it('lets a job queue more work without running it out of turn', async () => {
    const q = new SendQueue(10, tickingClock(0.001));
    const log: string[] = [];
    q.each(['a', 'b'], (t) => {
      log.push(t);
      if (t === 'a') q.each(['late'], (u) => log.push(u));
    });
    while (q.pending) await nextTurn();
    expect(log).toEqual(['a', 'b', 'late']);
  });
});
