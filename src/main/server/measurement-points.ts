/**
 * The competition server's named measurement points, published on `node:diagnostics_channel`:
 * a benchmark or a profiler subscribes to them by name to time what the server does (an engine
 * step, a broadcast, each slice of sending or of incoming work, a heartbeat, a journal flush),
 * and the server pays nothing while nobody listens: each point checks for subscribers before it
 * builds a message. Channels are process-wide, so a process running several servers hears all.
 *
 * A timed point follows Node's TracingChannel naming for synchronous work: its context goes to
 * `tracing:<name>:start` before the work and, with the work's `result`, to `tracing:<name>:end`
 * after it, so `diagnostics_channel.tracingChannel(name).subscribe(...)` hears it too.
 */
import { channel, type Channel } from 'node:diagnostics_channel';
import type { Input } from '../game';
import type { ServerMessage } from '../../shared/protocol';

/** A named channel carrying messages of type `C`. */
export class MessagePoint<C> {
  private readonly channel: Channel;

  constructor(readonly name: string) {
    this.channel = channel(name);
  }

  /** Whether anyone listens: check it before building a message. */
  get active(): boolean {
    return this.channel.hasSubscribers;
  }

  publish(message: C): void {
    this.channel.publish(message);
  }

  subscribe(listener: (message: C) => void): void {
    this.channel.subscribe(listener as (message: unknown) => void);
  }

  unsubscribe(listener: (message: C) => void): void {
    this.channel.unsubscribe(listener as (message: unknown) => void);
  }
}

export interface TimedSubscriber<C, R> {
  start?: (context: C) => void;
  end?: (context: C & { result: R }) => void;
}

/** Work timed by whoever subscribes: a context before it, the same context with the result after. */
export class TimedPoint<C extends object, R = void> {
  private readonly start: MessagePoint<C>;
  private readonly end: MessagePoint<C & { result: R }>;

  constructor(readonly name: string) {
    this.start = new MessagePoint(`tracing:${name}:start`);
    this.end = new MessagePoint(`tracing:${name}:end`);
  }

  /** Runs `work`; when anyone listens, publishes `context()` around it. */
  around(context: () => C, work: () => R): R {
    if (!this.start.active && !this.end.active) return work();
    const message = context() as C & { result: R };
    this.start.publish(message);
    try {
      message.result = work();
      return message.result;
    } finally {
      this.end.publish(message);
    }
  }

  subscribe(subscriber: TimedSubscriber<C, R>): void {
    if (subscriber.start) this.start.subscribe(subscriber.start);
    if (subscriber.end) this.end.subscribe(subscriber.end);
  }

  unsubscribe(subscriber: TimedSubscriber<C, R>): void {
    if (subscriber.start) this.start.unsubscribe(subscriber.start);
    if (subscriber.end) this.end.unsubscribe(subscriber.end);
  }
}

/** One engine step, `input` stamped `at`, with its effects carried out (or queued for the journal). */
export interface StepContext {
  input: Input;
  at: number;
}

/**
 * A broadcast handed to the send queue (a small one is written inside it, a big one in later
 * slices); the result says whether the send queue holds work for later slices after it.
 */
export interface BroadcastContext {
  msg: ServerMessage;
  sockets: number;
}

/** A message for one socket handed to the send queue (written now, or after what waits). */
export interface SendContext {
  msg: ServerMessage;
}

export const measurementPoints = {
  step: new TimedPoint<StepContext>('quizroom:server:step'),
  broadcast: new TimedPoint<BroadcastContext, boolean>('quizroom:server:broadcast'),
  /** A slice of the send queue; the result says whether it holds work for later slices after it. */
  sendSlice: new TimedPoint<object, boolean>('quizroom:server:send-slice'),
  /** A slice of heartbeat pings (their own queue). */
  pingSlice: new TimedPoint<object, boolean>('quizroom:server:ping-slice'),
  /** A slice of incoming work that had to wait (see InboundQueue). */
  inboundSlice: new TimedPoint<object>('quizroom:server:inbound-slice'),
  /** A heartbeat: marking every socket and queueing its ping. */
  heartbeat: new TimedPoint<object>('quizroom:server:heartbeat'),
  /** Writing the journal (one fdatasync) and carrying out a slice of the effects it released. */
  journalFlush: new TimedPoint<object>('quizroom:server:journal-flush'),
  send: new MessagePoint<SendContext>('quizroom:server:send'),
};

/** A context for points that carry nothing but their timing. */
export const NO_CONTEXT = (): object => ({});
