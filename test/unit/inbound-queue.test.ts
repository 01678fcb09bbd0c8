import { describe, expect, it } from 'vitest';
import { InboundQueue } from '../../src/main/server/inbound-queue';

/** A clock the test moves by hand. */
function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** Waits, turn by turn, until `done` holds (at most 1,000 turns). */
async function turnsUntil(done: () => boolean): Promise<number> {
  for (let turns = 1; turns <= 1000; turns++) {
    await nextTurn();
    if (done()) return turns;
  }
  throw new Error('the queue never finished');
}

describe('the inbound queue', () => {
  it('runs work at once while the turn has budget left', () => {
    const clock = manualClock();
    const q = new InboundQueue(5, 10, clock.now);
    const done: number[] = [];
    for (let i = 0; i < 100; i++) q.run(() => done.push(i));
    expect(done).toHaveLength(100);
    expect(q.waiting).toBe(0);
  });

  it('holds work back once the turn has spent its budget, and runs it in order later', async () => {
    const clock = manualClock();
    const q = new InboundQueue(5, 10, clock.now);
    const done: number[] = [];
    // Each job takes 1 ms of this clock.
    const job = (i: number) => () => {
      done.push(i);
      clock.advance(1);
    };
    for (let i = 0; i < 20; i++) q.run(job(i));
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(q.waiting).toBe(15);
    await turnsUntil(() => q.waiting === 0);
    expect(done).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('keeps arrival order: new work waits behind held-back work, even in a fresh turn', async () => {
    const clock = manualClock();
    const q = new InboundQueue(5, 2, clock.now);
    const done: string[] = [];
    const job = (name: string) => () => {
      done.push(name);
      clock.advance(1);
    };
    for (let i = 0; i < 10; i++) q.run(job(`a${i}`));
    await nextTurn();
    // One slice ran (2 ms of budget); the rest still waits, so this one queues behind it.
    expect(q.waiting).toBeGreaterThan(0);
    q.run(job('late'));
    await turnsUntil(() => q.waiting === 0);
    expect(done).toEqual([...Array.from({ length: 10 }, (_, i) => `a${i}`), 'late']);
  });

  it('spreads held-back work over slices no longer than the slice budget', async () => {
    const clock = manualClock();
    const q = new InboundQueue(0, 3, clock.now);
    let ran = 0;
    for (let i = 0; i < 30; i++)
      q.run(() => {
        ran++;
        clock.advance(1);
      });
    expect(ran).toBe(0);
    const perSlice: number[] = [];
    while (q.waiting > 0) {
      const before = ran;
      await nextTurn();
      perSlice.push(ran - before);
    }
    expect(perSlice.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.max(...perSlice)).toBeLessThanOrEqual(3);
  });

  it('drain runs everything waiting at once, in order', () => {
    const clock = manualClock();
    const q = new InboundQueue(0, 1, clock.now);
    const done: number[] = [];
    for (let i = 0; i < 50; i++) q.run(() => done.push(i));
    expect(done).toEqual([]);
    q.drain();
    expect(done).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(q.waiting).toBe(0);
  });

  it('gives a new turn a fresh budget once nothing waits', async () => {
    const clock = manualClock();
    const q = new InboundQueue(5, 10, clock.now);
    let ran = 0;
    q.run(() => {
      ran++;
      clock.advance(6);
    });
    q.run(() => ran++);
    expect(ran).toBe(1);
    await turnsUntil(() => q.waiting === 0);
    expect(ran).toBe(2);
    await nextTurn();
    q.run(() => ran++);
    expect(ran).toBe(3);
  });

  it('work queued by work runs after what already waits', async () => {
    const clock = manualClock();
    const q = new InboundQueue(0, 100, clock.now);
    const done: string[] = [];
    q.run(() => {
      done.push('first');
      q.run(() => done.push('queued by first'));
    });
    q.run(() => done.push('second'));
    await turnsUntil(() => q.waiting === 0);
    expect(done).toEqual(['first', 'second', 'queued by first']);
  });
});
