/**
 * The server's outgoing work in one first-in first-out queue: frames to sockets, heartbeat pings,
 * closes. It runs in slices of at most `sliceMs`, so that work for thousands of sockets (a
 * question, a reveal with every player's result, the heartbeat) never holds the event loop for
 * long: between slices the server reads answers, stamps them on time and fires its timers. One
 * queue for everything keeps each connection's messages, and a close after its last message, in
 * the order they were produced. While the queue is empty a small job (a reply, a broadcast to a
 * small room) runs at once, exactly like a direct send; a big one starts on the next turn.
 * Each slice is a measurement point (see measurement-points.ts) when the queue is given one.
 */
import { NO_CONTEXT, type TimedPoint } from './measurement-points';

/** Longest a slice of sending may hold the event loop, in ms. */
export const SLICE_MS = 10;
/**
 * Jobs up to this many targets start at once when nothing is queued; bigger ones start on the
 * next turn of the event loop, so that the step that produced them (scoring a round for
 * thousands of players, say) is not lengthened by a slice of sending too.
 */
export const RUN_AT_ONCE_TARGETS = 64;

interface Job<T> {
  targets: readonly T[];
  next: number;
  run: (target: T) => void;
}

export class SendQueue {
  private readonly jobs: Job<unknown>[] = [];
  private scheduled = false;
  /** The next slice waits one more turn of the event loop (see `yieldTurn`). */
  private yielding = false;

  constructor(
    private readonly sliceMs = SLICE_MS,
    private readonly now: () => number = () => performance.now(),
    private readonly slices: TimedPoint<object, boolean> | null = null,
  ) {}

  /** Whether work is waiting for a later slice. */
  get pending(): boolean {
    return this.jobs.length > 0;
  }

  /** Runs `run` for every target, in order, after all work queued before it. */
  each<T>(targets: readonly T[], run: (target: T) => void): void {
    if (targets.length === 0) return;
    if (this.jobs.length === 0 && targets.length === 1) {
      run(targets[0]!);
      return;
    }
    this.jobs.push({ targets, next: 0, run } as Job<unknown>);
    // Jobs added while slices are pending (or from inside a job) simply wait their turn.
    if (this.jobs.length > 1 || this.scheduled) return;
    if (targets.length <= RUN_AT_ONCE_TARGETS) this.work(this.sliceMs);
    else this.later();
  }

  /**
   * This turn of the event loop has already done long work (scoring a round for thousands of
   * players): the next slice of sending waits for the next turn instead of lengthening this one.
   */
  yieldTurn(): void {
    this.yielding = true;
  }

  /** Does everything queued now, however long it takes (the server is closing). */
  flush(): void {
    this.work(Infinity);
  }

  private work(budgetMs: number): void {
    if (!this.slices) this.slice(budgetMs);
    else this.slices.around(NO_CONTEXT, () => this.slice(budgetMs));
  }

  /** Runs queued work for up to `budgetMs`; returns whether some is left for later. */
  private slice(budgetMs: number): boolean {
    const end = this.now() + budgetMs;
    while (this.jobs.length > 0) {
      const job = this.jobs[0]!;
      while (job.next < job.targets.length) {
        job.run(job.targets[job.next++]);
        if (this.now() >= end && (job.next < job.targets.length || this.jobs.length > 1)) {
          this.later();
          return true;
        }
      }
      this.jobs.shift();
    }
    return false;
  }

  private later(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => this.nextSlice());
  }

  private nextSlice(): void {
    if (this.yielding) {
      // Scheduled from inside this turn's immediates, this runs in the next turn.
      this.yielding = false;
      setImmediate(() => this.nextSlice());
      return;
    }
    this.scheduled = false;
    this.work(this.sliceMs);
  }
}
