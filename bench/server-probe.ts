/**
 * Instruments a live QuizServer from the outside, in its own process: wraps its `apply` (one
 * engine step with its effects), `send`, `broadcast`, `beat`, `flushOutbox` (journal), its send
 * queue's slices and its inbound queue's slices, to time the step that opens each question and the sending of that question to
 * every socket (wall clock and CPU, over all the slices it took), the arrival and acknowledgement
 * of answers, the round close, and the longest single task; and watches the event loop with
 * `monitorEventLoopDelay`. The server's code is not changed; if these private members are
 * renamed, this probe says so instead of measuring nothing.
 */
import { monitorEventLoopDelay, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';
import type { Input } from '../src/main/game';
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

interface SendQueueInternals {
  readonly pending: boolean;
  work(budgetMs: number): void;
}

interface ServerInternals {
  apply(input: Input, at?: number): void;
  send(conn: unknown, msg: ServerMessage, then?: ServerMessage): void;
  broadcast(
    targets: Iterable<unknown> & { size?: number },
    msg: ServerMessage,
    personal?: ReadonlyMap<string, ServerMessage>,
  ): void;
  beat(): void;
  outbound: SendQueueInternals;
  /** Incoming work held back for later turns. */
  inbound?: { work(budgetMs: number): void };
  /** Heartbeat pings, sliced in their own queue. */
  pings?: SendQueueInternals;
  /** With a game journal, effects wait here until the journal is on disk. */
  flushOutbox?(budgetMs?: number): void;
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
    const inner = server as unknown as ServerInternals;
    for (const name of ['apply', 'send', 'broadcast', 'beat'] as const) {
      if (typeof inner[name] !== 'function') {
        throw new Error(
          `QuizServer has no method "${name}" any more: update bench/server-probe.ts to hook its replacement.`,
        );
      }
    }
    const queue = inner.outbound;
    if (typeof queue?.work !== 'function') {
      throw new Error(
        'QuizServer has no send queue ("outbound" with "work") any more: update bench/server-probe.ts.',
      );
    }
    const apply = inner.apply.bind(server);
    const send = inner.send.bind(server);
    const broadcast = inner.broadcast.bind(server);
    const beat = inner.beat.bind(server);
    const work = queue.work.bind(queue);

    inner.apply = (input, at) => this.timeStep(input, at, (i) => apply(i, at));
    inner.send = (conn, msg, then) => {
      send(conn, msg, then);
      if (msg.type === 'answer_ack') {
        const entry = this.ingestOf(msg.answer.question);
        entry.acks++;
        entry.lastAckAt = now();
      }
    };
    inner.broadcast = (targets, msg, personal) => {
      if (msg.type !== 'question') return broadcast(targets, msg, personal);
      const c0 = cpuNow();
      broadcast(targets, msg);
      this.questionBroadcast = { cpu: cpuSince(c0), sockets: targets.size ?? NaN, msg };
    };
    inner.beat = () => {
      const t0 = now();
      beat();
      const ms = now() - t0;
      this.heartbeat.count++;
      this.heartbeat.maxMs = Math.max(this.heartbeat.maxMs, ms);
      this.task('heartbeat', ms);
    };
    queue.work = (budgetMs) => {
      if (this.drains.length === 0) {
        const t0 = now();
        work(budgetMs);
        this.task('send slice', now() - t0);
        return;
      }
      const t0 = now();
      const c0 = cpuNow();
      work(budgetMs);
      const cpu = cpuSince(c0);
      const t1 = now();
      this.task('send slice', t1 - t0);
      for (const d of this.drains) d.addCpu(cpu);
      if (!queue.pending) {
        for (const d of this.drains) d.done(t1);
        this.drains.length = 0;
      }
    };
    this.timeSlices(inner.inbound, 'inbound slice');
    this.timeSlices(inner.pings, 'ping slice');
    if (typeof inner.flushOutbox === 'function') {
      // A journaled server carries out a step's effects a moment later, after one fdatasync: a
      // question it opened is broadcast here, and that work belongs to the question.
      const flushOutbox = inner.flushOutbox.bind(server);
      inner.flushOutbox = (budgetMs?: number) => {
        const t0 = now();
        const c0 = cpuNow();
        flushOutbox(budgetMs);
        const cpu = cpuSince(c0);
        const t1 = now();
        this.task('journal flush', t1 - t0);
        const last = this.opens.at(-1);
        if (this.questionBroadcast && last) {
          last.cpu = addCpu(last.cpu, cpu);
          this.takeBroadcast(last, t1);
        }
      };
    }

    server.events.on('event', (e) => {
      if (e.kind === 'joined') {
        const t = now();
        if (this.joins.count++ === 0) this.joins.firstAt = t;
        this.joins.lastAt = t;
      } else if (e.kind === 'disconnected') this.disconnects++;
      else if (e.kind === 'rejected') this.rejected++;
    });
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

  private get queue(): SendQueueInternals {
    return (this.server as unknown as ServerInternals).outbound;
  }

  /** Times each slice of a queue's work as one task named `kind`. */
  private timeSlices(queue: { work(budgetMs: number): void } | undefined, kind: string): void {
    if (!queue || typeof queue.work !== 'function') return;
    const work = queue.work.bind(queue);
    queue.work = (budgetMs) => {
      const t0 = now();
      work(budgetMs);
      this.task(kind, now() - t0);
    };
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
    if (!this.queue.pending) {
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

  /** `at`: when the input arrived, if the server read it earlier than it handles it. */
  private timeStep(input: Input, at: number | undefined, apply: (input: Input) => void): void {
    const game = this.server.game;
    const phaseBefore = game.phase;
    const indexBefore = game.questionIndex;
    if (input.kind === 'answer') {
      const entry = this.ingestOf(input.question);
      // The server stamps inputs with its own clock (whole ms since the epoch, like this one).
      if (entry.answers++ === 0) entry.firstAnswerAt = at ?? now();
    }
    // Reading CPU time is a system call (tens of µs here): only around the rare steps that can
    // open a question, never around answers or joins, whose timing it would distort.
    const mayOpen = input.kind === 'timer' || input.kind === 'host';
    const t0 = now();
    const c0 = mayOpen ? cpuNow() : null;
    apply(input);
    const cpu = c0 ? cpuSince(c0) : NO_CPU;
    const t1 = now();
    this.task(`step (${input.kind})`, t1 - t0);
    const opened =
      game.phase === 'question' && (phaseBefore !== 'question' || game.questionIndex !== indexBefore);
    if (opened) {
      const open: QuestionOpen = {
        index: game.questionIndex,
        startedAt: t0,
        stepMs: t1 - t0,
        cpu,
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
    if (phaseBefore === 'question' && (game.phase !== 'question' || game.questionIndex !== indexBefore)) {
      const close: RoundClose = {
        index: indexBefore,
        startedAt: t0,
        by: input.kind,
        stepMs: t1 - t0,
        sentToAllMs: NaN,
      };
      this.closes.push(close);
      if (this.queue.pending)
        this.drains.push({ addCpu: () => {}, done: (end) => (close.sentToAllMs = end - t0) });
      else close.sentToAllMs = t1 - t0;
    }
  }
}
