/**
 * A hostile client in its own process, so that its own work does not slow the host's event loop
 * and the delays a test measures for honest players are the host's. Run by `attacker.ts`:
 *
 *   node --import tsx test/support/attacker-process.ts '<config JSON>'
 *
 * It reports on stdout, one JSON object a line ({"event": ...}), and reads commands on stdin.
 *
 * - flood: `connections` sockets each send `perSecond` messages a second (hello first) and open a
 *   new socket whenever the host cuts one, for `durationMs`.
 * - sockets: opens `count` sockets at once from `localAddress`, each saying hello; reports how
 *   many the host took and how it refused the rest ("holding"), keeps them until it reads
 *   "release", closes them, then checks that one more socket from that address is taken ("done").
 */
import WebSocket from 'ws';
import { createInterface } from 'node:readline';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';

export type AttackConfig =
  | {
      mode: 'flood';
      url: string;
      connections: number;
      perSecond: number;
      durationMs: number;
      heavy?: boolean;
    }
  | { mode: 'sockets'; url: string; localAddress: string; count: number };

export interface FloodResult {
  event: 'done';
  connections: number;
  sent: number;
  closeCodes: Record<string, number>;
  /** Connections that got a rate_limited error before the host closed them. */
  warnedBeforeClose: number;
  /** Median time from a connection's first message to the host closing it. */
  medianMsToClose: number | null;
}

export interface SocketsHolding {
  event: 'holding';
  accepted: number;
  closeCodes: Record<string, number>;
  errorCodes: Record<string, number>;
}

export interface SocketsDone {
  event: 'done';
  /** One more socket from the same address, after the others closed, was welcomed. */
  reopenWelcomed: boolean;
}

const out = (value: object) => process.stdout.write(JSON.stringify(value) + '\n');
const bump = (o: Record<string, number>, k: string | number) => (o[k] = (o[k] ?? 0) + 1);

/** A quiz as big as a frame may be: the most expensive thing a guest can make the host validate. */
function heavyQuiz(): string {
  const questions = [];
  for (let i = 0; JSON.stringify(questions).length < 15_000; i++) {
    questions.push({
      kind: 'choice',
      prompt: `Question ${i}?`,
      options: ['a', 'b', 'c', 'd'],
      correct: i % 4,
    });
  }
  return JSON.stringify({ type: 'new_game', quiz: { title: 'Flood', questions } });
}

async function flood(config: Extract<AttackConfig, { mode: 'flood' }>): Promise<void> {
  const deadline = Date.now() + config.durationMs;
  const result: FloodResult = {
    event: 'done',
    connections: 0,
    sent: 0,
    closeCodes: {},
    warnedBeforeClose: 0,
    medianMsToClose: null,
  };
  const toClose: number[] = [];
  const heavy = config.heavy ? heavyQuiz() : null;
  const messages = [
    () => JSON.stringify({ type: 'ping', t: Date.now() }),
    () => JSON.stringify({ type: 'answer', question: 0, option: 1 }),
    () => '{"type":"join","name":',
    () => heavy ?? JSON.stringify({ type: 'start' }),
  ];

  const oneConnection = () =>
    new Promise<void>((resolve) => {
      const ws = new WebSocket(config.url);
      result.connections++;
      let warned = false;
      let firstAt = 0;
      let timer: NodeJS.Timeout | null = null;
      let n = 0;
      ws.on('open', () => {
        ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION }));
        firstAt = Date.now();
        // Every 10 ms, a hundredth of a second's worth of messages.
        timer = setInterval(() => {
          for (let i = 0; i < config.perSecond / 100 && ws.readyState === ws.OPEN; i++) {
            ws.send(messages[n++ % messages.length]!());
            result.sent++;
          }
        }, 10);
      });
      ws.on('message', (data) => {
        const text = String(data);
        if (text.includes('"rate_limited"')) warned = true;
      });
      ws.on('error', () => undefined);
      ws.on('close', (code) => {
        if (timer) clearInterval(timer);
        bump(result.closeCodes, code);
        if (warned) result.warnedBeforeClose++;
        if (firstAt) toClose.push(Date.now() - firstAt);
        resolve();
      });
      // The attack ends: whatever is still open is dropped.
      setTimeout(() => ws.terminate(), Math.max(0, deadline - Date.now()));
    });

  await Promise.all(
    Array.from({ length: config.connections }, async () => {
      while (Date.now() < deadline) await oneConnection();
    }),
  );
  toClose.sort((a, b) => a - b);
  result.medianMsToClose = toClose.length ? toClose[Math.floor(toClose.length / 2)]! : null;
  out(result);
}

async function sockets(config: Extract<AttackConfig, { mode: 'sockets' }>): Promise<void> {
  const commands = createInterface({ input: process.stdin });
  const released = new Promise<void>((resolve) =>
    commands.on('line', (l) => l.trim() === 'release' && resolve()),
  );
  const holding: SocketsHolding = { event: 'holding', accepted: 0, closeCodes: {}, errorCodes: {} };

  const open = () =>
    new Promise<{ ws: WebSocket; welcomed: boolean }>((resolve) => {
      const ws = new WebSocket(config.url, { localAddress: config.localAddress });
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { type: string; code?: string };
        if (msg.type === 'error' && msg.code) bump(holding.errorCodes, msg.code);
        if (msg.type === 'welcome') resolve({ ws, welcomed: true });
      });
      ws.on('error', () => undefined);
      ws.on('close', (code) => {
        bump(holding.closeCodes, code);
        resolve({ ws, welcomed: false });
      });
    });

  const all = await Promise.all(Array.from({ length: config.count }, open));
  const kept = all.filter((s) => s.welcomed).map((s) => s.ws);
  holding.accepted = kept.length;
  out(holding);
  await released;
  await Promise.all(
    kept.map(
      (ws) =>
        new Promise<void>((resolve) => {
          ws.once('close', () => resolve());
          ws.close(1000);
        }),
    ),
  );
  const again = await open();
  again.ws.terminate();
  commands.close();
  out({ event: 'done', reopenWelcomed: again.welcomed } satisfies SocketsDone);
}

const config = JSON.parse(process.argv[2] ?? '{}') as AttackConfig;
const run = config.mode === 'flood' ? flood(config) : sockets(config);
run.then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${String(e)}\n`);
    process.exit(1);
  },
);
