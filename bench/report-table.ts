/** The benchmark's figures as a Markdown table: one column per player count, targets at the right. */
import type { BenchResult } from './benchmark';
import { max, median } from './percentiles';

const int = (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '–');
const dec = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? int(n) : dec(n)) : '–');
const trio = (s: { p50: number; p95: number; max: number }) => `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.max)}`;
const ratio = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '–' : `${n.toFixed(2)}×`);

type Row = [label: string, cell: (r: BenchResult) => string, target: string];

const ROWS: Row[] = [
  [
    'Errors / lost / duplicated / wrong scores / wrong ranks',
    (r) => {
      const c = r.ours.correctness;
      return `${c.errors} / ${c.lost} / ${c.duplicated} / ${c.wrongScores} / ${c.wrongRanks}`;
    },
    'all 0',
  ],
  ['Broadcast CPU per player, ours (µs)', (r) => dec(r.ours.broadcastCpuUsPerPlayer, 2), '≤ 10'],
  ['Broadcast CPU per player, floor (µs)', (r) => dec(r.floor?.broadcastCpuUsPerPlayer ?? NaN, 2), ''],
  [
    'Broadcast CPU per player, ws.send per socket (µs)',
    (r) => dec(r.floor?.wsSend.broadcastCpuUsPerPlayer ?? NaN, 2),
    '',
  ],
  ['Broadcast CPU, ours ÷ floor', (r) => ratio(r.ratios?.broadcastCpu), '≤ 1.1×'],
  ['Broadcast CPU, ours ÷ ws.send', (r) => ratio(r.ratios?.broadcastCpuVsWsSend), ''],
  ['Question written to every socket, ours, median (ms)', (r) => ms(r.ours.questionSentToAllMs.median), ''],
  ['Question written to every socket, floor, median (ms)', (r) => ms(r.floor?.broadcastWallMs ?? NaN), ''],
  [
    'Question written to every socket, ws.send, median (ms)',
    (r) => ms(r.floor?.wsSend.broadcastWallMs ?? NaN),
    '',
  ],
  ['Fan-out p50 / p95 / max, ours (ms)', (r) => trio(r.ours.fanout), 'p95 ≤ 80 at 2,000'],
  ['Fan-out p50 / p95 / max, floor (ms)', (r) => (r.floor ? trio(r.floor.fanout) : '–'), ''],
  ['Fan-out p50 / p95 / max, ws.send (ms)', (r) => (r.floor ? trio(r.floor.wsSend.fanout) : '–'), ''],
  ['Fan-out p95, ours ÷ floor', (r) => ratio(r.ratios?.fanoutP95), '≤ 1.1×'],
  ['Fan-out p95, ours ÷ ws.send', (r) => ratio(r.ratios?.fanoutP95VsWsSend), ''],
  [
    'Fan-out to the last player, median / max over questions, ours (ms)',
    (r) => `${ms(median(r.ours.fanoutLastMs))} / ${ms(max(r.ours.fanoutLastMs))}`,
    '',
  ],
  [
    'Fan-out to the last player, median / max over questions, floor (ms)',
    (r) => (r.floor ? `${ms(median(r.floor.fanoutLastMs))} / ${ms(max(r.floor.fanoutLastMs))}` : '–'),
    '',
  ],
  ['Answer burst: all N acked by the host, ours (ms)', (r) => ms(r.ours.ingest.allMs), '≤ 100 at 2,000'],
  ['Answer burst: all N acked, floor (ms)', (r) => ms(r.floor?.ingest.allMs ?? NaN), ''],
  ['Ack latency p50 / p95 / max, ours (ms)', (r) => trio(r.ours.ack), 'p95 ≤ 100'],
  ['Ack latency p50 / p95 / max, floor (ms)', (r) => (r.floor ? trio(r.floor.ack) : '–'), ''],
  ['Ack latency p50 / p95 / max, answers at realistic times (ms)', (r) => trio(r.ours.ackSpread), ''],
  ['Join storm: all N in the lobby (ms)', (r) => ms(r.ours.join.allMs), '≤ 3,000 at 2,000'],
  ['Floor: all N sockets open (ms)', (r) => ms(r.floor?.connect.allMs ?? NaN), ''],
  ['Server memory per player, RSS, ours (KB)', (r) => dec(r.ours.memory.rssKBPerPlayer), '≤ 12'],
  ['Server memory per player, RSS, floor (KB)', (r) => dec(r.floor?.memory.rssKBPerPlayer ?? NaN), ''],
  [
    'Same without V8 young-generation growth, ours / floor (KB)',
    (r) =>
      `${dec(r.ours.memory.rssExYoungKBPerPlayer)} / ${dec(r.floor?.memory.rssExYoungKBPerPlayer ?? NaN)}`,
    '',
  ],
  ['Server memory per player, JS heap, ours (KB)', (r) => dec(r.ours.memory.heapKBPerPlayer), ''],
  [
    'Event-loop delay in the game, max / p99, ours (ms)',
    (r) => `${ms(r.ours.eventLoop.maxMs)} / ${ms(r.ours.eventLoop.p99Ms)}`,
    'max ≤ 50 at 5,000',
  ],
  ['Event-loop delay in the join storm, max, ours (ms)', (r) => ms(r.ours.eventLoop.stormMaxMs), ''],
  [
    'Longest stall in the answer burst / in the rest of the game (ms)',
    (r) => `${ms(r.ours.stalls.burstMaxMs)} / ${ms(r.ours.stalls.restMaxMs)}`,
    '',
  ],
  [
    'Rest of the game: longest stall without a GC in it / longest GC (ms)',
    (r) => `${ms(r.ours.stalls.restMaxNoGcMs)} / ${ms(r.ours.stalls.gcMaxMs)}`,
    '',
  ],
  ['Event-loop delay in the game, max, floor (ms)', (r) => ms(r.floor?.eventLoop.maxMs ?? NaN), ''],
  [
    'Longest single task of the server (ms)',
    (r) => `${ms(r.ours.longestTask.ms)} (${r.ours.longestTask.kind})`,
    '',
  ],
  [
    'Round close: step / all results written, max (ms)',
    (r) => `${ms(r.ours.roundClose.stepMaxMs)} / ${ms(r.ours.roundClose.sentToAllMaxMs)}`,
    '',
  ],
  ['Host screen: answer counters per question', (r) => dec(r.ours.hostAnswerCountsPerQuestion), ''],
  [
    'Load average at the start (1 / 5 / 15 min)',
    (r) => r.machine.loadAverage.map((l) => dec(l, 2)).join(' / '),
    '',
  ],
  [
    "Other programs' CPU during ours / floor (cores)",
    (r) => `${dec(r.ours.noise.otherCores ?? NaN, 2)} / ${dec(r.floor?.noise.otherCores ?? NaN, 2)}`,
    'ideally 0',
  ],
];

export function formatTable(results: BenchResult[]): string {
  const header = ['Players', ...results.map((r) => int(r.players)), 'Target'];
  const lines = [
    header,
    header.map(() => '---'),
    ...ROWS.map(([label, cell, target]) => [label, ...results.map(cell), target]),
  ];
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] === '---' ? 3 : l[i]!.length))));
  return lines
    .map(
      (l) =>
        `| ${l.map((c, i) => (c === '---' ? '-'.repeat(widths[i]!) : c.padEnd(widths[i]!))).join(' | ')} |`,
    )
    .join('\n');
}

/** Each event-loop stall over 50 ms during the game, with what had just happened. */
export function formatStalls(results: BenchResult[]): string {
  return results
    .filter((r) => r.ours.stalls.notes.length > 0)
    .map((r) => [`${int(r.players)} players:`, ...r.ours.stalls.notes.map((n) => `  - ${n}`)].join('\n'))
    .join('\n');
}

/** The problems behind any non-zero correctness figure. */
export function formatNotes(results: BenchResult[]): string {
  return results
    .filter((r) => r.ours.correctness.notes.length > 0)
    .map((r) => [`${int(r.players)} players:`, ...r.ours.correctness.notes.map((n) => `  - ${n}`)].join('\n'))
    .join('\n');
}
