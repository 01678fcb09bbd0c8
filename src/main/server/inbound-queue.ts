/**
 * The server's incoming work (a WebSocket upgrade, a client message, a closed connection) in
 * one first-in first-out queue with a budget per turn of the event loop. Node reads every socket
 * that is ready in one go: when thousands of players join or answer at once, handling each one
 * as it is read would hold the event loop for a second, delaying timers and every send. So work
 * runs at once only while the current turn has spent less than `turnBudgetMs` on it; after that
 * it waits, in order, and runs in later turns in slices of at most `sliceMs`.
 *
 * Waiting never changes an outcome: the caller stamps each piece of work with the time it
 * arrived (an answer's time is when the host read it), and before a timer acts (a question
 * closing) it runs everything that arrived before it with `drain`. Each slice of waiting work is
 * a measurement point (see measurement-points.ts) when the queue is given one.
 */
import { NO_CONTEXT, type TimedPoint } from './measurement-points';

/** How long one turn of the event loop may spend on incoming work before the rest waits, in ms. */
export const TURN_BUDGET_MS = 5;
/** Longest a later slice of waiting work may hold the event loop, in ms. */
export const INBOUND_SLICE_MS = 10;

export class InboundQueue {
  private readonly jobs: (() => void)[] = [];
  /** Index of the next job to run (jobs before it are done; the array is compacted now and then). */
  private head = 0;
  /** When this turn started running work; null when no work ran this turn. */
  private turnStart: number | null = null;
  private scheduled = false;

  constructor(
    private readonly turnBudgetMs = TURN_BUDGET_MS,
    private readonly sliceMs = INBOUND_SLICE_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly slices: TimedPoint<object> | null = null,
  ) {}

  /** How many pieces of work are waiting. */
  get waiting(): number {
    return this.jobs.length - this.head;
  }

  /** Runs `job` now if nothing waits and this turn has budget left; otherwise after what waits. */
  run(job: () => void): void {
    if (this.waiting === 0) {
      const now = this.now();
      if (this.turnStart === null) {
        this.turnStart = now;
        this.schedule();
      }
      if (now - this.turnStart < this.turnBudgetMs) {
        job();
        return;
      }
    }
    this.jobs.push(job);
    this.schedule();
  }

  /** Runs everything waiting now, however long it takes. */
  drain(): void {
    this.work(Infinity);
  }

  private work(budgetMs: number): void {
    if (!this.slices) this.slice(budgetMs);
    else this.slices.around(NO_CONTEXT, () => this.slice(budgetMs));
  }

  private slice(budgetMs: number): void {
    const end = this.now() + budgetMs;
    while (this.head < this.jobs.length) {
      const job = this.jobs[this.head]!;
      this.jobs[this.head++] = noop;
      job();
      if (this.head < this.jobs.length && this.now() >= end) break;
    }
    if (this.head === this.jobs.length) {
      this.jobs.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.jobs.length) {
      this.jobs.splice(0, this.head);
      this.head = 0;
    }
  }

  /** At the end of this turn: a new turn's budget starts, and waiting work gets a slice. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.turnStart = null;
      if (this.waiting === 0) return;
      this.work(this.sliceMs);
      if (this.waiting === 0) return;
      // Work is left: what arrives before the next slice waits behind it.
      this.turnStart = this.now() - this.turnBudgetMs;
      this.schedule();
    });
  }
}

function noop(): void {}
