/**
 * The server's clock and timers, injected so that tests can control time. The engine never
 * reads time itself: the server passes `now()` into every step.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, monotonic within this process. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  // Whole milliseconds: every time on the wire is an integer.
  now: () => Math.round(performance.timeOrigin + performance.now()),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};
