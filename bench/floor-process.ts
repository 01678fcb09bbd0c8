/**
 * Child process: the floor. The least a WebSocket server can do for the same clients: `ws` with
 * permessage-deflate off, a set of sockets, and a broadcast that serializes the question once,
 * frames it once and writes that same frame to every socket (`writeFrames` of text-frame.ts, as
 * our host does): the cheapest correct broadcast. The second reference, `ws.send` per socket
 * (which builds a frame header and makes a two-buffer write every time), is what a plain `ws`
 * server does. For the answer burst it parses each answer and sends a small ack, the least a
 * server can do per answer. It listens with our host's backlog, so that the join storms compare.
 * Our host's figures are divided by these.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { LISTEN_BACKLOG, MAX_PAYLOAD } from '../src/main/server/listener';
import { textFrame, writeFrames } from '../src/main/server/text-frame';
import { configArg, onCommand, tellParent } from './child-link';
import { ownCpuUs } from './machine-load';
import { settledMemory } from './process-memory';
import { cpuNow, cpuSince, LOOP_RESOLUTION_MS, loopDelayMs, now } from './server-probe';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/** How the floor broadcasts: one pre-built frame written to every socket, or `ws.send` per socket. */
export type FloorBroadcast = 'frame' | 'ws.send';

/** Sends `text` to every open socket; returns the payload's size in bytes. */
function broadcast(sockets: Set<WebSocket>, text: string, how: FloorBroadcast): number {
  if (how === 'frame') {
    const prepared = textFrame(text);
    for (const ws of sockets) if (ws.readyState === ws.OPEN) writeFrames(ws, prepared);
    return prepared.payload.length;
  }
  const payload = Buffer.from(text);
  for (const ws of sockets) if (ws.readyState === ws.OPEN) ws.send(payload, { binary: false });
  return payload.length;
}

async function main(): Promise<void> {
  configArg<Record<string, never>>();
  const sockets = new Set<WebSocket>();
  const ingest = { answers: 0, firstAnswerAt: 0, lastAckAt: 0 };
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  let stormLoopMaxMs = NaN;
  const http = createServer((_req, res) => res.writeHead(404).end());
  const wss = new WebSocketServer({
    noServer: true,
    perMessageDeflate: false,
    maxPayload: MAX_PAYLOAD,
    clientTracking: false,
  });
  http.on('upgrade', (req, socket, head) => {
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('error', () => ws.terminate());
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { type?: string; question?: number; option?: number };
        if (msg.type !== 'answer') return;
        if (ingest.answers++ === 0) ingest.firstAnswerAt = now();
        ws.send(JSON.stringify({ type: 'ack', question: msg.question, option: msg.option }));
        ingest.lastAckAt = now();
      });
    });
  });
  await new Promise<void>((resolve) =>
    http.listen({ port: 0, host: '127.0.0.1', exclusive: true, backlog: LISTEN_BACKLOG }, resolve),
  );

  onCommand(async (command) => {
    switch (command.cmd) {
      case 'baseline': {
        const memory = await settledMemory();
        loop.reset();
        loop.enable();
        tellParent({ type: 'baseline', memory });
        return;
      }
      case 'memory': {
        loop.disable();
        stormLoopMaxMs = loopDelayMs(loop.max);
        const memory = await settledMemory();
        loop.reset();
        loop.enable();
        tellParent({ type: 'memory', memory, players: sockets.size });
        return;
      }
      case 'warmup': {
        // Our host's send path is warm from the join storm; give both of the floor's the same chance.
        const text = JSON.stringify({ type: 'warmup', padding: 'x'.repeat(Number(command.bytes)) });
        for (let i = 0; i < 3; i++) {
          broadcast(sockets, text, 'frame');
          broadcast(sockets, text, 'ws.send');
        }
        tellParent({ type: 'warmed' });
        return;
      }
      case 'broadcast': {
        // The same question message our host sent, stamped now like the engine stamps openedAt.
        const msg = command.msg as { question: { openedAt: number } };
        const how = command.how as FloorBroadcast;
        const t0 = now();
        const c0 = cpuNow();
        msg.question.openedAt = t0;
        const frameBytes = broadcast(sockets, JSON.stringify(msg), how);
        const cpu = cpuSince(c0);
        tellParent({
          type: 'broadcast-done',
          startedAt: t0,
          wallMs: now() - t0,
          cpu,
          sockets: sockets.size,
          frameBytes,
        });
        return;
      }
      case 'report':
        tellParent({
          type: 'report',
          ingest,
          eventLoop: {
            maxMs: loopDelayMs(loop.max),
            p99Ms: loopDelayMs(loop.percentile(99)),
            meanMs: loopDelayMs(loop.mean),
            stormMaxMs: stormLoopMaxMs,
          },
          cpuUs: ownCpuUs(),
        });
        return;
      case 'close':
        for (const ws of sockets) ws.terminate();
        http.close();
        tellParent({ type: 'closed' });
        setTimeout(() => process.exit(0), 50);
        return;
      default:
        throw new Error(`Unknown command "${command.cmd}".`);
    }
  });
  tellParent({ type: 'ready', port: (http.address() as AddressInfo).port });
}

main().catch((e: unknown) => {
  tellParent({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  setTimeout(() => process.exit(1), 50);
});
