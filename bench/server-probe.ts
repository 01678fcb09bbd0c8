/**
 * Measures a live QuizServer in its own process through the measurement points it publishes
 * (src/main/server/measurement-points.ts): the step that opens each question and the sending of
 * that question to every socket (wall clock and CPU, over all the slices it took), the arrival
 * and acknowledgement of answers, the round close, and the longest single task (a step, a slice
 * of sending, of pings or of incoming work, a heartbeat, a journal flush); and watches the event
 * loop with `monitorEventLoopDelay`. Nothing of the server is replaced or reached into.
 */
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Input } from '../src/main/game';
import { measurementPoints, type TimedPoint } from '../src/main/server/measurement-points';
import type { QuizServer } from '../src/main/server/quiz-server';
import type { ServerMessage } from '../src/shared/protocol';

/** The shared clock of every bench process: wall-clock milliseconds with sub-ms precision. */
export const now = (): number => performance.timeOrigin + performance.now();

export interface CpuTimes {
  /** Whole process, user + system, µs (includes V8's helper threads). */
  processUs: number;
  /** Main thread only, user + system, µs. */
  threadUs: number;
}

export function cpuNow(): CpuTimes {
  const p = process.cpuUsage();
  const t = (process as unknown as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? p;
  return { processUs: p.user + p.system, threadUs: t.user + t.system };
}

export function cpuSince(start: CpuTimes): CpuTimes {
  const end = cpuNow();
  return { processUs: end.processUs - start.processUs, threadUs: end.threadUs - start.threadUs };
}

export interface QuestionOpen {
  index: number;
  /** When the step that opens the question began (the question's `openedAt` is taken inside it). */
  startedAt: number;
  /** The step itself: engine, serialization, the first slice of sends, events. */
  stepMs: number;
  /** All the CPU of opening the question: the step and every later slice until its last frame was written. */
  cpu: CpuTimes;
  /** The broadcast alone: serializing once and writing to every socket (all slices). */
  broadcastCpu: CpuTimes;
  /** From `startedAt` until the frame had been written to the last socket. */
  sentToAllMs: number;
  slices: number;
  sockets: number;
  frameBytes: number;
}

export interface AnswerIngest {
  index: number;
  answers: number;
  acks: number;
  /** When the server began taking in the first answer to this question. */
  firstAnswerAt: number;
  /** When the server had sent the acknowledgement of the last one. */
  lastAckAt: number;
}

export interface RoundClose {
  index: number;
  startedAt: number;
  /** What closed it: an answer (everyone answered), the timer (deadline) or a host command. */
  by: Input['kind'];
  /** The step: scoring, ranking, and the first slice of sends. */
  stepMs: number;
  /** Until the reveal and every player's result had been written. */
  sentToAllMs: number;
}

export interface ProbeReport {
  opens: QuestionOpen[];
  ingest: AnswerIngest[];
  closes: RoundClose[];
  joins: { count: number; firstAt: number; lastAt: number };
  disconnects: number;
  rejected: number;
  /** Longest single piece of work on the event loop (a step with its first slice, a send slice, a heartbeat). */
  longestTask: { kind: string; ms: number };
  heartbeat: { count: number; maxMs: number };
  /** The game's window (from the start command); the join storm's maximum separately. */
  eventLoop: { maxMs: number; p99Ms: number; meanMs: number; stormMaxMs: number };
  /** Every time the event loop was held more than STALL_LOG_MS, and when it ended. */
  stalls: { endedAt: number; ms: number }[];
  /** Garbage collections longer than GC_LOG_MS (on the shared clock). */
  gcs: { startedAt: number; ms: number; kind: number }[];
}

export const GC_LOG_MS = 10;

/** Loop delays longer than this are logged one by one, so that they can be told apart by when they happened. */
export const STALL_LOG_MS = 20;
/**
 * The resolution of `monitorEventLoopDelay`, ms. Its histogram holds the time between runs of
 * its timer, so an idle loop records the resolution itself (10 ms): the delay of the loop (how
 * late the timer ran) is what it records less the resolution.
 */
export const LOOP_RESOLUTION_MS = 10;
/** A delay recorded by `monitorEventLoopDelay` (ns), as the loop's delay in ms. */
export function loopDelayMs(recordedNs: number): number {
  return Math.max(0, recordedNs / 1e6 - LOOP_RESOLUTION_MS);
}

/** Work that continues in later send slices: its CPU is added up until the queue is empty. */
interface Drain {
  addCpu(cpu: CpuTimes): void;
  done(at: number): void;
}

const addCpu = (a: CpuTimes, b: CpuTimes): CpuTimes => ({
  processUs: a.processUs + b.processUs,
  threadUs: a.threadUs + b.threadUs,
});
const NO_CPU: CpuTimes = { processUs: 0, threadUs: 0 };

/** One run of measured work on the shared clock; `cpu` when it was read. */
interface Span {
  startedAt: number;
  endedAt: number;
  cpu: CpuTimes | null;
}

const spanMs = (span: Span): number => span.endedAt - span.startedAt;

/** The game as a step found it. */
interface StepBefore {
  phase: QuizServer['phase'];
  index: number;
}

export class ServerProbe {
  private readonly opens: QuestionOpen[] = [];
  private readonly ingest = new Map<number, AnswerIngest>();
  private readonly closes: RoundClose[] = [];
  private readonly joins = { count: 0, firstAt: 0, lastAt: 0 };
  private disconnects = 0;
  private rejected = 0;
  private longestTask = { kind: '', ms: 0 };
  private readonly heartbeat = { count: 0, maxMs: 0 };
  private readonly drains: Drain[] = [];
  /** Whether the server's send queue holds work for a later slice, as its last broadcast or slice said. */
  private sendQueuePending = false;
  private readonly unsubscribes: (() => void)[] = [];
  /** The question being broadcast right now (set by the broadcast hook, read by the step hook). */
  private questionBroadcast: { cpu: CpuTimes; sockets: number; msg: ServerMessage } | null = null;
  private readonly loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  private stormLoopMaxMs = NaN;
  private readonly stalls: { endedAt: number; ms: number }[] = [];
  private stallWatch: NodeJS.Timeout | null = null;
  private watchingStalls = true;
  private readonly gcs: { startedAt: number; ms: number; kind: number }[] = [];
  private readonly gcObserver = new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { detail?: { kind?: number } })[]) {
      if (e.duration >= GC_LOG_MS) {
        this.gcs.push({
          startedAt: performance.timeOrigin + e.startTime,
          ms: e.duration,
          kind: e.detail?.kind ?? 0,
        });
      }
    }
  });

  constructor(private readonly server: QuizServer) {
    const points = measurementPoints;
    this.follow(points.step, {
      // Reading CPU time is a system call (tens of µs here): only around the rare steps that can
      // open a question, never around answers or joins, whose timing it would distort.
      cpu: ({ input }) => input.kind === 'timer' || input.kind === 'host',
      start: ({ input, at }) => this.stepStarted(input, at),
      end: ({ input }, span, before) => this.stepEnded(input, span, before),
    });
    this.follow(points.broadcast, {
      cpu: ({ msg }) => msg.type === 'question',
      end: ({ msg, sockets, result }, span) => {
        this.sendQueuePending = result;
        if (msg.type === 'question') this.questionBroadcast = { cpu: span.cpu!, sockets, msg };
      },
    });
    this.follow(points.sendSlice, {
      // CPU only while a question's sending is followed, as for the steps.
      cpu: () => this.drains.length > 0,
      end: ({ result }, span) => this.sendSliceEnded(result, span),
    });
    this.follow(points.heartbeat, {
      end: (_c, span) => {
        const ms = spanMs(span);
        this.heartbeat.count++;
        this.heartbeat.maxMs = Math.max(this.heartbeat.maxMs, ms);
        this.task('heartbeat', ms);
      },
    });
    this.follow(points.inboundSlice, { end: (_c, span) => this.task('inbound slice', spanMs(span)) });
    this.follow(points.pingSlice, { end: (_c, span) => this.task('ping slice', spanMs(span)) });
    // A journaled server carries out a step's effects a moment later, after one fdatasync: a
    // question it opened is broadcast here, and that work belongs to the question.
    this.follow(points.journalFlush, {
      cpu: () => true,
      end: (_c, span) => {
        this.task('journal flush', spanMs(span));
        const last = this.opens.at(-1);
        if (this.questionBroadcast && last) {
          last.cpu = addCpu(last.cpu, span.cpu!);
          this.takeBroadcast(last, span.endedAt);
        }
      },
    });
    const onSend = ({ msg }: { msg: ServerMessage }) => {
      if (msg.type !== 'answer_ack') return;
      const entry = this.ingestOf(msg.answer.question);
      entry.acks++;
      entry.lastAckAt = now();
    };
    points.send.subscribe(onSend);
    this.unsubscribes.push(() => points.send.unsubscribe(onSend));

    server.events.on('event', (e) => {
      if (e.kind === 'joined') {
        const t = now();
        if (this.joins.count++ === 0) this.joins.firstAt = t;
        this.joins.lastAt = t;
      } else if (e.kind === 'disconnected') this.disconnects++;
      else if (e.kind === 'rejected') this.rejected++;
    });
  }

  /** Stops listening to the server's measurement points. */
  dispose(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Starts watching the event loop (from the join storm on). */
  startLoopMonitor(): void {
    this.loop.reset();
    this.loop.enable();
    this.gcObserver.observe({ entryTypes: ['gc'] });
    let last = performance.now();
    this.stallWatch = setInterval(() => {
      const t = performance.now();
      const late = t - last - LOOP_RESOLUTION_MS;
      last = t;
      if (late > STALL_LOG_MS && this.watchingStalls) this.stalls.push({ endedAt: now(), ms: late });
    }, LOOP_RESOLUTION_MS);
    this.stallWatch.unref();
  }

  /**
   * Ends the join storm's window and pauses the watch (the bench's own forced garbage collections
   * for the memory figure would count as stalls); `resumeLoopMonitor` starts the game's window.
   */
  pauseLoopMonitor(): void {
    this.loop.disable();
    this.stormLoopMaxMs = loopDelayMs(this.loop.max);
    this.watchingStalls = false;
  }

  resumeLoopMonitor(): void {
    this.loop.reset();
    this.loop.enable();
    // The watch timer may fire late once for the collections just done: skip that one.
    setTimeout(() => (this.watchingStalls = true), 50).unref();
  }

  report(): ProbeReport {
    return {
      opens: this.opens,
      ingest: [...this.ingest.values()],
      closes: this.closes,
      joins: this.joins,
      disconnects: this.disconnects,
      rejected: this.rejected,
      longestTask: this.longestTask,
      heartbeat: this.heartbeat,
      eventLoop: {
        maxMs: loopDelayMs(this.loop.max),
        p99Ms: loopDelayMs(this.loop.percentile(99)),
        meanMs: loopDelayMs(this.loop.mean),
        stormMaxMs: this.stormLoopMaxMs,
      },
      stalls: this.stalls,
      gcs: this.gcs,
    };
  }

  /**
   * Times each run of the work behind `point` (a start and an end with the same context), with
   * its CPU when `cpu` says so at the start; `start` may keep what the end needs.
   */
  private follow<C extends object, R, S = undefined>(
    point: TimedPoint<C, R>,
    how: {
      cpu?: (context: C) => boolean;
      start?: (context: C) => S;
      end: (context: C & { result: R }, span: Span, started: S) => void;
    },
  ): void {
    const starts = new WeakMap<object, { state: S; at: number; cpu: CpuTimes | null }>();
    const subscriber = {
      start: (context: C) => {
        const state = how.start ? how.start(context) : (undefined as S);
        const at = now();
        starts.set(context, { state, at, cpu: how.cpu?.(context) ? cpuNow() : null });
      },
      end: (context: C & { result: R }) => {
        const s = starts.get(context);
        if (!s) return;
        const cpu = s.cpu ? cpuSince(s.cpu) : null;
        how.end(context, { startedAt: s.at, endedAt: now(), cpu }, s.state);
      },
    };
    point.subscribe(subscriber);
    this.unsubscribes.push(() => point.unsubscribe(subscriber));
  }

  private sendSliceEnded(pending: boolean, span: Span): void {
    this.sendQueuePending = pending;
    this.task('send slice', spanMs(span));
    if (this.drains.length === 0 || !span.cpu) return;
    for (const d of this.drains) d.addCpu(span.cpu);
    if (!pending) {
      for (const d of this.drains) d.done(span.endedAt);
      this.drains.length = 0;
    }
  }

  private task(kind: string, ms: number): void {
    if (ms > this.longestTask.ms) this.longestTask = { kind, ms };
  }

  private ingestOf(index: number): AnswerIngest {
    let entry = this.ingest.get(index);
    if (!entry) {
      entry = { index, answers: 0, acks: 0, firstAnswerAt: 0, lastAckAt: 0 };
      this.ingest.set(index, entry);
    }
    return entry;
  }

  /** Files the question broadcast that just happened under `open`, following its later slices. */
  private takeBroadcast(open: QuestionOpen, at: number): void {
    const b = this.questionBroadcast!;
    this.questionBroadcast = null;
    open.broadcastCpu = b.cpu;
    open.sockets = b.sockets;
    // Sized after the clocks stopped: this is not the server's work.
    open.frameBytes = Buffer.byteLength(JSON.stringify(b.msg));
    if (!this.sendQueuePending) {
      open.sentToAllMs = at - open.startedAt;
      return;
    }
    this.drains.push({
      addCpu: (cpu) => {
        open.cpu = addCpu(open.cpu, cpu);
        open.broadcastCpu = addCpu(open.broadcastCpu, cpu);
        open.slices++;
      },
      done: (end) => (open.sentToAllMs = end - open.startedAt),
    });
  }

  private stepStarted(input: Input, at: number): StepBefore {
    const game = this.server.game;
    if (input.kind === 'answer') {
      const entry = this.ingestOf(input.question);
      // The server stamps inputs with its own clock (whole ms since the epoch, like this one).
      if (entry.answers++ === 0) entry.firstAnswerAt = at;
    }
    return { phase: game.phase, index: game.questionIndex };
  }

  private stepEnded(input: Input, span: Span, before: StepBefore): void {
    const game = this.server.game;
    const t0 = span.startedAt;
    const t1 = span.endedAt;
    this.task(`step (${input.kind})`, t1 - t0);
    const opened =
      game.phase === 'question' && (before.phase !== 'question' || game.questionIndex !== before.index);
    if (opened) {
      const open: QuestionOpen = {
        index: game.questionIndex,
        startedAt: t0,
        stepMs: t1 - t0,
        cpu: span.cpu ?? NO_CPU,
        broadcastCpu: NO_CPU,
        sentToAllMs: NaN,
        slices: 1,
        sockets: NaN,
        frameBytes: NaN,
      };
      this.opens.push(open);
      // Without a journal the broadcast happened inside the step; with one it comes at the flush.
      if (this.questionBroadcast) this.takeBroadcast(open, t1);
    }
    if (before.phase === 'question' && (game.phase !== 'question' || game.questionIndex !== before.index)) {
      const close: RoundClose = {
        index: before.index,
        startedAt: t0,
        by: input.kind,
        stepMs: t1 - t0,
        sentToAllMs: NaN,
      };
      this.closes.push(close);
      if (this.sendQueuePending)
        this.drains.push({ addCpu: () => {}, done: (end) => (close.sentToAllMs = end - t0) });
      else close.sentToAllMs = t1 - t0;
    }
  }
}
