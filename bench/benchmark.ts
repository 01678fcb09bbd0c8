/**
 * One benchmark run for N players: our host in one child process and the players in another,
 * then the floor server with a fresh set of players, in turn so that they never compete for the
 * CPU. It collects the raw measurements of every process, checks the game's correctness and turns
 * all of it into figures. Used by `npm run bench` and by the CI smoke test.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { LeaderRow, MessageOf } from '../src/shared/protocol';
import { answerKey, benchQuiz, QUESTION_SECONDS } from './bench-quiz';
import { ChildLink, type ChildMessage } from './child-link';
import type { CrowdConfig, CrowdSummary } from './crowd';
import { HostDashboard } from './host-dashboard';
import { max, median, spreadOf, type Spread } from './percentiles';
import type { MemorySample } from './process-memory';
import { compareRecords, type OwnRecord } from './scoring-rules';
import type { FloorBroadcast } from './floor-process';
import type { CpuTimes, ProbeReport } from './server-probe';
import { cpuTotals, ownCpuUs, type CpuTotals } from './machine-load';
import { listenOverflows } from './tcp-counters';

export interface BenchOptions {
  players: number;
  questions: number;
  seed: number;
  /** Also measure the floor server (default true). */
  floor?: boolean;
  /** Run our host with a game journal, as both hosts do by default (default false). */
  journal?: boolean;
  /** Replace our host's send-slice budget in ms (Infinity: no slicing), to compare. */
  sliceMs?: number;
  /** Write a V8 CPU profile of the host process into this folder. */
  cpuProfDir?: string;
  /** Extra Node/V8 options for the host process (e.g. `--max-semi-space-size=2`), to compare. */
  hostNodeArgs?: string[];
  log?: (line: string) => void;
}

export interface Correctness {
  errors: number;
  lost: number;
  duplicated: number;
  wrongScores: number;
  wrongRanks: number;
  /** The first problems found, for a person to read. */
  notes: string[];
}

/** CPU other programs used during a phase, in cores (of `machine.cpus`), and time the hypervisor stole. */
export interface Noise {
  otherCores: number | null;
  stealCores: number | null;
}

export interface MemoryPerPlayer {
  rssKBPerPlayer: number;
  heapKBPerPlayer: number;
  /** RSS growth less the growth of V8's young generation (a one-off step, see process-memory.ts). */
  rssExYoungKBPerPlayer: number;
  /** V8 heap reserved (used or not) and memory held outside it, per player. */
  heapTotalKBPerPlayer: number;
  externalKBPerPlayer: number;
}

export interface OurFigures {
  completed: boolean;
  noise: Noise;
  /** CPU of the step that opens a question (engine, serialization, every send) per player, µs: median over questions. */
  broadcastCpuUsPerPlayer: number;
  broadcastCpuUsPerPlayerMax: number;
  /** Per question, for a look at the spread. */
  broadcastCpuUsPerPlayerAll: number[];
  /** The same, main thread only. */
  broadcastThreadCpuUsPerPlayer: number;
  /** The `broadcast` call alone (serialize once, one send per socket) per player, µs. */
  broadcastOnlyCpuUsPerPlayer: number;
  /** The step that opens a question, with its first slice of sends: the longest the loop is held. */
  questionStepMs: { median: number; max: number };
  /** From the step until the question had been written to every socket (all slices). */
  questionSentToAllMs: { median: number; max: number };
  frameBytes: number;
  fanout: Spread;
  /** Per question: when the last player had it, ms after it was sent. */
  fanoutLastMs: number[];
  /** The burst: all players answer the last question at once. */
  ingest: { answers: number; acks: number; allMs: number; serverMs: number };
  ack: Spread;
  /** Acknowledgements of the answers given at realistic times. */
  ackSpread: Spread;
  /** `listenOverflows`: connections the kernel dropped for a full listen queue during the storm. */
  join: { allMs: number; serverAllMs: number; p50Ms: number; listenOverflows: number | null };
  memory: MemoryPerPlayer & {
    rssBaselineMB: number;
    rssJoinedMB: number;
    rssEndMB: number;
  };
  /** Closing a round: the step (scoring, ranking, first slice), and until every reveal and result was written. */
  roundClose: { stepMaxMs: number; sentToAllMaxMs: number; burstSentToAllMs: number };
  /** monitorEventLoopDelay during the game, and the join storm's maximum. */
  eventLoop: { maxMs: number; p99Ms: number; stormMaxMs: number };
  /**
   * Stalls over 20 ms one by one, sorted by when they happened: the join storm, the answer burst
   * (from the first answer sent until every result of that question was written), and the rest
   * of the game (questions at realistic answer times, reveals, leaderboards, heartbeats).
   */
  stalls: {
    stormMaxMs: number;
    burstMaxMs: number;
    restMaxMs: number;
    restOver50: number;
    /** The longest stall in the rest of the game that no garbage collection of 10 ms or more overlapped. */
    restMaxNoGcMs: number;
    /** The longest garbage collection during the game. */
    gcMaxMs: number;
    /** Each stall over 50 ms after the join storm, with what had happened just before it. */
    notes: string[];
  };
  /** The longest single task of the server: a step with its first slice, a send slice, a heartbeat. */
  longestTask: { kind: string; ms: number };
  heartbeatMaxMs: number;
  /** Messages the host screen received per question: batched answer counters. */
  hostAnswerCountsPerQuestion: number;
  clock: { offsetMs: number | null; rttMs: number | null };
  correctness: Correctness;
}

/** One way of broadcasting the questions, measured in the floor process. */
export interface FloorBroadcastFigures {
  broadcastCpuUsPerPlayer: number;
  /** Per broadcast, for a look at the spread. */
  broadcastCpuUsPerPlayerAll: number[];
  broadcastWallMs: number;
  fanout: Spread;
  fanoutLastMs: number[];
}

/**
 * The floor: its broadcast writes one pre-built frame to every socket (the cheapest correct
 * broadcast); `wsSend` is the second reference, `ws.send` per socket, measured on the same sockets
 * (each question is broadcast both ways, in alternating order).
 */
export interface FloorFigures extends FloorBroadcastFigures {
  noise: Noise;
  wsSend: FloorBroadcastFigures;
  ingest: { answers: number; allMs: number; serverMs: number };
  ack: Spread;
  connect: { allMs: number; listenOverflows: number | null };
  memory: MemoryPerPlayer;
  eventLoop: { maxMs: number; p99Ms: number; stormMaxMs: number };
  problems: number;
}

export interface BenchResult {
  players: number;
  questions: number;
  seed: number;
  journal: boolean;
  machine: { cpus: number; model: string; node: string; loadAverage: number[] };
  startedAt: string;
  wallSeconds: number;
  ours: OurFigures;
  floor: FloorFigures | null;
  /** Ours divided by the floor's. */
  ratios: {
    broadcastCpu: number;
    fanoutP95: number;
    /** Against the second reference, `ws.send` per socket (the floor of earlier figures). */
    broadcastCpuVsWsSend: number;
    fanoutP95VsWsSend: number;
    ackP95: number;
    ingest: number;
    join: number;
    memory: number;
  } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function machineInfo(): BenchResult['machine'] {
  let model = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) model = line.split(':')[1]!.trim();
  } catch {
    /* not Linux: os.cpus() has it */
  }
  return { cpus: os.availableParallelism(), model, node: process.version, loadAverage: os.loadavg() };
}

export async function runBenchmark(options: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const startedAt = new Date().toISOString();
  const machine = machineInfo();
  const log = options.log ?? (() => {});
  const ours = await runOurs(options, log);
  let floor: FloorFigures | null = null;
  if (options.floor !== false) floor = await runFloor(options, ours.questionMessages, log);
  const f = ours.figures;
  return {
    players: options.players,
    questions: options.questions,
    seed: options.seed,
    journal: !!options.journal,
    machine,
    startedAt,
    wallSeconds: (Date.now() - started) / 1000,
    ours: f,
    floor,
    ratios: floor
      ? {
          broadcastCpu: f.broadcastCpuUsPerPlayer / floor.broadcastCpuUsPerPlayer,
          fanoutP95: f.fanout.p95 / floor.fanout.p95,
          broadcastCpuVsWsSend: f.broadcastCpuUsPerPlayer / floor.wsSend.broadcastCpuUsPerPlayer,
          fanoutP95VsWsSend: f.fanout.p95 / floor.wsSend.fanout.p95,
          ackP95: f.ack.p95 / floor.ack.p95,
          ingest: f.ingest.allMs / floor.ingest.allMs,
          join: f.join.allMs / floor.connect.allMs,
          memory: f.memory.rssKBPerPlayer / floor.memory.rssKBPerPlayer,
        }
      : null,
  };
}

/** Child processes of one phase; all are stopped (by their own pid) when the phase ends, also on failure. */
class Children {
  private readonly links: ChildLink[] = [];
  start(label: string, script: string, config: unknown, nodeArgs: string[]): ChildLink {
    const link = new ChildLink(label, script, config, nodeArgs);
    this.links.push(link);
    return link;
  }
  async stopAll(): Promise<void> {
    await Promise.all(this.links.map((l) => l.stop()));
  }
}

function timeouts(o: BenchOptions) {
  return {
    start: 60_000,
    storm: 30_000 + o.players * 10,
    game: 30_000 + o.questions * (QUESTION_SECONDS + 0.3 + 2 + 5) * 1000 + o.players * 5,
    reply: 60_000,
  };
}

function crowdConfig(o: BenchOptions, mode: CrowdConfig['mode'], port: number): CrowdConfig {
  return {
    mode,
    url: `ws://127.0.0.1:${port}/ws`,
    players: o.players,
    questions: o.questions,
    seed: o.seed,
    key: answerKey(benchQuiz(o.questions)),
  };
}

const PLAYERS_NODE_ARGS = ['--max-old-space-size=4096'];
const SETTLE_AFTER_GC_MS = 2000;

/**
 * Starts the players against `server` (ours or the floor), has all of them join at once, and then
 * takes the server's memory (the forced collections for it leave V8 sweeping for a while: that is
 * let finish before anything more is measured).
 */
async function joinStorm(
  children: Children,
  server: ChildLink,
  config: CrowdConfig,
  t: ReturnType<typeof timeouts>,
  announce: () => void,
): Promise<{ players: ChildLink; overflows: number | null; memory: MemorySample }> {
  const players = children.start('players', 'players-process.ts', config, PLAYERS_NODE_ARGS);
  await players.wait('ready', t.start);
  announce();
  const overflowsBefore = listenOverflows();
  await players.request({ cmd: 'enter', timeoutMs: t.storm }, 'entered', t.storm + 5000);
  const overflows = overflowsBefore === null ? null : listenOverflows()! - overflowsBefore;
  await sleep(1000);
  const memory = (await server.request({ cmd: 'memory' }, 'memory', t.reply)).memory as MemorySample;
  await sleep(SETTLE_AFTER_GC_MS);
  return { players, overflows, memory };
}

/** Starts measuring the machine's CPU use; `stop` takes the CPU time the phase's children reported. */
function noiseMeter(): { stop(childrenCpuUs: number): Noise } {
  const start: CpuTotals | null = cpuTotals();
  const own = ownCpuUs();
  const t0 = Date.now();
  return {
    stop(childrenCpuUs) {
      const end = cpuTotals();
      const wall = (Date.now() - t0) / 1000;
      if (!start || !end || wall <= 0) return { otherCores: null, stealCores: null };
      const ours = (childrenCpuUs + ownCpuUs() - own) / 1e6;
      return {
        otherCores: Math.max(0, (end.busySeconds - start.busySeconds - ours) / wall),
        stealCores: (end.stealSeconds - start.stealSeconds) / wall,
      };
    },
  };
}

async function runOurs(
  o: BenchOptions,
  log: (line: string) => void,
): Promise<{ figures: OurFigures; questionMessages: MessageOf<'question'>[] }> {
  const t = timeouts(o);
  const children = new Children();
  let dashboard: HostDashboard | null = null;
  const meter = noiseMeter();
  try {
    const hostArgs = [
      '--expose-gc',
      ...(o.hostNodeArgs ?? []),
      ...(o.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfDir}`] : []),
    ];
    const hostConfig = {
      players: o.players,
      questions: o.questions,
      journal: !!o.journal,
      // JSON has no Infinity (it would arrive as null, the default): a day is no slicing.
      sliceMs: o.sliceMs === undefined ? null : Math.min(o.sliceMs, 86_400_000),
    };
    const host = children.start('host server', 'host-process.ts', hostConfig, hostArgs);
    const ready = await host.wait<ChildMessage & { port: number; hostToken: string }>('ready', t.start);
    dashboard = await HostDashboard.connect(`ws://127.0.0.1:${ready.port}/ws`, ready.hostToken);
    const baseline = (await host.request({ cmd: 'baseline' }, 'baseline', t.reply)).memory as MemorySample;

    const {
      players,
      overflows,
      memory: joined,
    } = await joinStorm(children, host, crowdConfig(o, 'game', ready.port), t, () =>
      log(`  ours: ${o.players} players join at once`),
    );

    log(`  ours: playing ${o.questions} question(s)`);
    const gameStartAt = performance.timeOrigin + performance.now();
    let completed = true;
    const gameDone = players.wait('game-done', t.game).then(
      () => true,
      () => false,
    );
    dashboard.start();
    try {
      await dashboard.waitFinal(t.game);
      // Every player should have seen the end too; the audit below says who did not.
      if (!(await Promise.race([gameDone, sleep(15_000).then(() => false)]))) {
        completed = false;
        log('  ours: not every player saw the end of the game');
      }
    } catch (e) {
      completed = false;
      log(`  ours: ${(e as Error).message}`);
    }
    await sleep(500);
    const summaryReply = await players.request<ChildMessage & { summary: CrowdSummary; cpuUs: number }>(
      { cmd: 'summary' },
      'summary',
      t.reply,
    );
    const summary = summaryReply.summary;
    const report = await host.request<ChildMessage & { probe: ProbeReport; rssBytes: number; cpuUs: number }>(
      { cmd: 'report' },
      'report',
      t.reply,
    );
    const noise = meter.stop(summaryReply.cpuUs + report.cpuUs);
    await host.request({ cmd: 'close' }, 'closed', t.reply);
    await players.request({ cmd: 'leave' }, 'left', t.reply);
    await Promise.all([host.exit(15_000), players.exit(15_000)]);
    const figures = ourFigures(o, {
      gameStartAt,
      completed,
      noise,
      baseline,
      joined,
      overflows,
      summary,
      probe: report.probe,
      rssEnd: report.rssBytes,
      dashboard,
    });
    return { figures, questionMessages: dashboard.questions };
  } finally {
    dashboard?.close();
    await children.stopAll();
  }
}

async function runFloor(
  o: BenchOptions,
  questions: MessageOf<'question'>[],
  log: (line: string) => void,
): Promise<FloorFigures> {
  const t = timeouts(o);
  const children = new Children();
  const meter = noiseMeter();
  try {
    const floor = children.start('floor server', 'floor-process.ts', {}, ['--expose-gc']);
    const q = questions.length;
    // Each question goes out twice, the second time renumbered (q + i) so that the players keep
    // the fan-out of both ways apart.
    const floorCrowd = (port: number): CrowdConfig => ({
      ...crowdConfig(o, 'floor', port),
      questions: 2 * q,
    });
    const ready = await floor.wait<ChildMessage & { port: number }>('ready', t.start);
    const baseline = (await floor.request({ cmd: 'baseline' }, 'baseline', t.reply)).memory as MemorySample;
    const {
      players,
      overflows,
      memory: connected,
    } = await joinStorm(children, floor, floorCrowd(ready.port), t, () =>
      log(`  floor: ${o.players} sockets connect at once`),
    );

    log(`  floor: ${questions.length} broadcast(s) and the answer burst`);
    await floor.request(
      { cmd: 'warmup', bytes: JSON.stringify(questions[0] ?? {}).length },
      'warmed',
      t.reply,
    );
    await sleep(500);
    const broadcasts: Record<FloorBroadcast, FloorBroadcastDone[]> = { frame: [], 'ws.send': [] };
    for (const [i, msg] of questions.entries()) {
      // Alternating which way goes first, so that neither always meets the other's aftermath.
      const ways: FloorBroadcast[] = i % 2 === 0 ? ['frame', 'ws.send'] : ['ws.send', 'frame'];
      for (const how of ways) {
        const sent = how === 'frame' ? msg : { ...msg, question: { ...msg.question, index: q + i } };
        const everywhere = players.wait('received', t.reply);
        broadcasts[how].push(
          await floor.request<FloorBroadcastDone>(
            { cmd: 'broadcast', msg: sent, how },
            'broadcast-done',
            t.reply,
          ),
        );
        await everywhere;
        await sleep(300);
      }
    }
    await players.request({ cmd: 'burst', index: q - 1 }, 'burst-done', t.reply);
    await sleep(300);
    const summaryReply = await players.request<ChildMessage & { summary: CrowdSummary; cpuUs: number }>(
      { cmd: 'summary' },
      'summary',
      t.reply,
    );
    const summary = summaryReply.summary;
    const report = await floor.request<
      ChildMessage & {
        ingest: { answers: number; firstAnswerAt: number; lastAckAt: number };
        eventLoop: { maxMs: number; p99Ms: number; stormMaxMs: number };
        cpuUs: number;
      }
    >({ cmd: 'report' }, 'report', t.reply);
    const noise = meter.stop(summaryReply.cpuUs + report.cpuUs);
    await players.request({ cmd: 'leave' }, 'left', t.reply);
    await floor.request({ cmd: 'close' }, 'closed', t.reply);
    await Promise.all([floor.exit(15_000), players.exit(15_000)]);

    const n = o.players;
    return {
      noise,
      ...floorBroadcastFigures(broadcasts.frame, summary.fanout.slice(0, q)),
      wsSend: floorBroadcastFigures(broadcasts['ws.send'], summary.fanout.slice(q)),
      ingest: {
        answers: report.ingest.answers,
        allMs: report.ingest.lastAckAt - summary.burst.startAt,
        serverMs: report.ingest.lastAckAt - report.ingest.firstAnswerAt,
      },
      ack: spreadOf(summary.ackBurst),
      connect: { allMs: summary.storm.lastAt - summary.storm.startAt, listenOverflows: overflows },
      memory: memoryPerPlayer(baseline, connected, n),
      eventLoop: report.eventLoop,
      problems: Object.values(summary.problems).reduce((a, b) => a + b, 0),
    };
  } finally {
    await children.stopAll();
  }
}

type FloorBroadcastDone = ChildMessage & { cpu: CpuTimes; wallMs: number; sockets: number };

function floorBroadcastFigures(done: FloorBroadcastDone[], fanout: number[][]): FloorBroadcastFigures {
  const cpuPerPlayer = done.map((b) => b.cpu.processUs / b.sockets);
  return {
    broadcastCpuUsPerPlayer: median(cpuPerPlayer),
    broadcastCpuUsPerPlayerAll: cpuPerPlayer,
    broadcastWallMs: median(done.map((b) => b.wallMs)),
    fanout: spreadOf(fanout.flat()),
    fanoutLastMs: fanout.map((q) => max(q)),
  };
}

interface OurRaw {
  gameStartAt: number;
  completed: boolean;
  noise: Noise;
  baseline: MemorySample;
  joined: MemorySample;
  overflows: number | null;
  summary: CrowdSummary;
  probe: ProbeReport;
  rssEnd: number;
  dashboard: HostDashboard;
}

function ourFigures(o: BenchOptions, raw: OurRaw): OurFigures {
  const { summary, probe } = raw;
  const n = o.players;
  const opens = probe.opens;
  const burst = probe.ingest.find((i) => i.index === summary.burst.index);
  const burstClose = probe.closes.find((c) => c.index === summary.burst.index);
  const MB = 1024 * 1024;
  return {
    completed: raw.completed,
    noise: raw.noise,
    broadcastCpuUsPerPlayer: median(opens.map((q) => q.cpu.processUs / q.sockets)),
    broadcastCpuUsPerPlayerMax: max(opens.map((q) => q.cpu.processUs / q.sockets)),
    broadcastCpuUsPerPlayerAll: opens.map((q) => q.cpu.processUs / q.sockets),
    broadcastThreadCpuUsPerPlayer: median(opens.map((q) => q.cpu.threadUs / q.sockets)),
    broadcastOnlyCpuUsPerPlayer: median(opens.map((q) => q.broadcastCpu.processUs / q.sockets)),
    questionStepMs: { median: median(opens.map((q) => q.stepMs)), max: max(opens.map((q) => q.stepMs)) },
    questionSentToAllMs: {
      median: median(opens.map((q) => q.sentToAllMs)),
      max: max(opens.map((q) => q.sentToAllMs)),
    },
    frameBytes: opens[0]?.frameBytes ?? NaN,
    fanout: spreadOf(summary.fanout.flat()),
    fanoutLastMs: summary.fanout.map((q) => max(q)),
    ingest: {
      answers: burst?.answers ?? 0,
      acks: burst?.acks ?? 0,
      allMs: burst ? burst.lastAckAt - summary.burst.startAt : NaN,
      serverMs: burst ? burst.lastAckAt - burst.firstAnswerAt : NaN,
    },
    ack: spreadOf(summary.ackBurst),
    ackSpread: spreadOf(summary.ackSpread),
    join: {
      allMs: summary.storm.lastAt - summary.storm.startAt,
      serverAllMs: probe.joins.lastAt - summary.storm.startAt,
      p50Ms: spreadOf(summary.storm.latencies).p50,
      listenOverflows: raw.overflows,
    },
    memory: {
      ...memoryPerPlayer(raw.baseline, raw.joined, n),
      rssBaselineMB: raw.baseline.rssBytes / MB,
      rssJoinedMB: raw.joined.rssBytes / MB,
      rssEndMB: raw.rssEnd / MB,
    },
    roundClose: {
      stepMaxMs: max(probe.closes.map((c) => c.stepMs)),
      sentToAllMaxMs: max(probe.closes.map((c) => c.sentToAllMs)),
      burstSentToAllMs: burstClose?.sentToAllMs ?? NaN,
    },
    eventLoop: {
      maxMs: probe.eventLoop.maxMs,
      p99Ms: probe.eventLoop.p99Ms,
      stormMaxMs: probe.eventLoop.stormMaxMs,
    },
    stalls: classifyStalls(
      raw,
      burstClose ? [summary.burst.startAt, burstClose.startedAt + burstClose.sentToAllMs] : null,
    ),
    longestTask: probe.longestTask,
    heartbeatMaxMs: probe.heartbeat.maxMs,
    hostAnswerCountsPerQuestion: raw.dashboard.count('answer_count') / o.questions,
    clock: { offsetMs: summary.clockOffsetMs, rttMs: summary.clockRttMs },
    correctness: checkCorrectness(o, raw),
  };
}

/** How much each of `n` players added to a server's memory, from `before` to `after`, in KB. */
function memoryPerPlayer(before: MemorySample, after: MemorySample, n: number): MemoryPerPlayer {
  const kb = (bytes: number) => bytes / n / 1024;
  return {
    rssKBPerPlayer: kb(after.rssBytes - before.rssBytes),
    heapKBPerPlayer: kb(after.heapUsedBytes - before.heapUsedBytes),
    rssExYoungKBPerPlayer: kb(
      after.rssBytes - before.rssBytes - (after.newSpaceBytes - before.newSpaceBytes),
    ),
    heapTotalKBPerPlayer: kb(after.heapTotalBytes - before.heapTotalBytes),
    externalKBPerPlayer: kb(after.externalBytes - before.externalBytes),
  };
}

function classifyStalls(raw: OurRaw, burst: [number, number] | null): OurFigures['stalls'] {
  const out = {
    stormMaxMs: 0,
    burstMaxMs: 0,
    restMaxMs: 0,
    restOver50: 0,
    restMaxNoGcMs: 0,
    gcMaxMs: 0,
    notes: [] as string[],
  };
  const gcs = raw.probe.gcs.filter((g) => g.startedAt >= raw.gameStartAt);
  out.gcMaxMs = max(gcs.map((g) => g.ms));
  const marks = [
    ...raw.probe.opens.map((q) => ({ at: q.startedAt, what: `question ${q.index + 1} opened` })),
    ...raw.probe.closes.map((c) => ({ at: c.startedAt, what: `question ${c.index + 1} closed (${c.by})` })),
    ...(burst ? [{ at: burst[0], what: 'the answer burst began' }] : []),
  ].sort((a, b) => a.at - b.at);
  for (const { endedAt, ms } of raw.probe.stalls) {
    const began = endedAt - ms;
    if (ms > 50 && endedAt >= raw.gameStartAt) {
      const mark = marks.filter((m) => m.at <= began + 1).at(-1);
      const gc = gcs.find((g) => g.startedAt < endedAt && g.startedAt + g.ms > began);
      out.notes.push(
        `${ms.toFixed(0)} ms, ${mark ? `${(began - mark.at).toFixed(0)} ms after ${mark.what}` : 'before the first question'}` +
          (gc ? `, with a ${gc.ms.toFixed(0)} ms garbage collection` : ''),
      );
    }
    if (endedAt < raw.gameStartAt) out.stormMaxMs = Math.max(out.stormMaxMs, ms);
    else if (burst && began < burst[1] && endedAt > burst[0]) out.burstMaxMs = Math.max(out.burstMaxMs, ms);
    else {
      out.restMaxMs = Math.max(out.restMaxMs, ms);
      if (ms > 50) out.restOver50++;
      const gc = gcs.some((g) => g.startedAt < endedAt && g.startedAt + g.ms > began);
      if (!gc) out.restMaxNoGcMs = Math.max(out.restMaxNoGcMs, ms);
    }
  }
  return out;
}

/** Everything that must be zero: problems the players saw, host-side errors, and the final leaderboard. */
function checkCorrectness(o: BenchOptions, raw: OurRaw): Correctness {
  const { summary, probe, dashboard } = raw;
  const notes = [...summary.firstProblems];
  const c: Correctness = {
    errors: summary.problems.error + dashboard.errors.length + probe.disconnects + probe.rejected,
    lost: summary.problems.lost,
    duplicated: summary.problems.duplicated,
    wrongScores: summary.problems.wrong_score,
    wrongRanks: 0,
    notes,
  };
  const note = (line: string) => {
    if (notes.length < 40) notes.push(line);
  };
  for (const e of dashboard.errors) note(`host connection: error ${e}`);
  if (probe.disconnects) note(`host: ${probe.disconnects} player connection(s) dropped during the game`);
  if (probe.rejected) note(`host: ${probe.rejected} connection(s) rejected`);
  if (!raw.completed) {
    c.errors++;
    note('the game did not complete in time');
  }
  if (summary.entered !== o.players) {
    c.lost += o.players - summary.entered;
    note(`${o.players - summary.entered} player(s) never joined`);
  }
  if (dashboard.count('player') !== o.players) {
    c.lost += Math.abs(o.players - dashboard.count('player'));
    note(`the host screen got ${dashboard.count('player')} "player" messages for ${o.players} joins`);
  }
  if (dashboard.questions.length !== o.questions) {
    c.lost++;
    note(`the host screen got ${dashboard.questions.length} questions of ${o.questions}`);
  }

  // The final leaderboard against what every player knows of their own game.
  const standings = dashboard.finalStandings ?? [];
  const mine = new Map(summary.records.map((r) => [r.id, r]));
  if (standings.length !== summary.records.length) {
    c.lost += Math.abs(standings.length - summary.records.length);
    note(`final standings have ${standings.length} rows for ${summary.records.length} players`);
  }
  const expected = [...summary.records].sort(compareRecords);
  const expectedRank = new Map(expected.map((r, i) => [r.id, i + 1]));
  for (const row of standings) {
    const own = mine.get(row.id);
    if (!own) {
      c.errors++;
      note(`final standings list ${row.id}, whom no player knows`);
      continue;
    }
    if (row.score !== own.score || row.correct !== own.correct) {
      c.wrongScores++;
      note(
        `${row.id}: final score ${row.score} (${row.correct} right), the player counted ${own.score} (${own.correct} right)`,
      );
    }
    if (row.rank !== expectedRank.get(row.id)) {
      c.wrongRanks++;
      note(`${row.id}: final rank ${row.rank}, the rules give ${expectedRank.get(row.id)}`);
    }
  }
  const top = dashboard.finishedTop ?? [];
  const wantTop = expected.slice(0, 10);
  if (!sameTop(top, wantTop)) {
    c.wrongRanks++;
    note(`the final top 10 (${top.map((r) => r.id).join(' ')}) is not ${wantTop.map((r) => r.id).join(' ')}`);
  }
  return c;
}

function sameTop(top: LeaderRow[], want: OwnRecord[]): boolean {
  return (
    top.length === want.length && top.every((r, i) => r.id === want[i]!.id && r.score === want[i]!.score)
  );
}
