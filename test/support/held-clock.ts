/**
 * Real time whose timers a test can hold back: while held, a timer that comes due waits until
 * `release()`. Lets a browser test look at a moment the host would otherwise end within 300 ms
 * (a phone after the deadline, before the host closes the question), with no fixed sleep.
 */
import { systemClock, type Clock } from '../../src/main/server/clock';

export class HeldClock implements Clock {
  private held = false;
  private nextId = 1;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  /** Timers that came due while held, by id, in the order they came due. */
  private readonly waiting = new Map<number, () => void>();

  now(): number {
    return systemClock.now();
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(
      id,
      setTimeout(() => {
        this.timers.delete(id);
        if (this.held) this.waiting.set(id, fn);
        else fn();
      }, ms),
    );
    return id;
  }

  clearTimeout(handle: unknown): void {
    const id = handle as number;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.waiting.delete(id);
  }

  /** Timers coming due from now on wait for release(). */
  hold(): void {
    this.held = true;
  }

  /** Runs the timers that came due while held, in order, and lets the next ones run on time. */
  release(): void {
    this.held = false;
    const due = [...this.waiting.values()];
    this.waiting.clear();
    for (const fn of due) fn();
  }
}
