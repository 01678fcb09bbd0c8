/**
 * `npm run bench:media -- [--players 100,1000] [--json FILE]`: what a picture question costs. A
 * real QuizServer (this process, real clock, loopback) plays a quiz whose second question has a
 * 1600×1200 photo (~190 KB JPEG) and four 800×600 option pictures; a child process holds the
 * players (raw `ws` and `node:http`, see media-players.ts). Measured per player count:
 *  - bytes each player receives for the question: its pictures over HTTP (status lines, headers,
 *    bodies) and the `media` and `question` messages;
 *  - the time from the host naming the question's pictures (the reveal before it) to every phone
 *    being ready, as the engine sees it (its media gate), and as the players see it;
 *  - the floor: the same players GETting the same bytes from a bare `node:http` server that
 *    answers from memory.
 * Then what those bytes mean on a 50 Mbit/s Wi-Fi link (computed, not measured).
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { MediaStore } from '../src/main/media/media-store';
import { QuizServer } from '../src/main/server/quiz-server';
import { PROTOCOL_VERSION } from '../src/shared/protocol';
import { QuizSchema, type Quiz } from '../src/shared/quiz/quiz-schema';
import { jpegPhoto } from '../test/support/media-fixtures';
import { ChildLink } from './child-link';
import { spreadOf } from './percentiles';

/** The link the figures are translated to: a classroom's Wi-Fi, as throughput the room shares. */
const WIFI_MBIT_S = 50;
const JOIN_MS = 120_000;
const RUN_MS = 300_000;

interface MediaRun {
  players: number;
  /** Bytes a player received for the question, per player: median and max. */
  bytesPerPlayer: { http: number; ws: number; total: number; max: number };
  /** Naming the pictures → every phone ready, as the engine saw it (ms). */
  readyMs: number;
  /** First phone hearing `media` → last phone done fetching, as the players saw it (ms). */
  playersMs: number;
  /** The same GETs from a bare node:http server (ms). */
  floorMs: number;
  /** All players' bytes at 50 Mbit/s (s): the least time a shared Wi-Fi link needs for them. */
  wifiSeconds: number;
  /** The question opened at once (nobody held it). */
  openedAtOnce: boolean;
  errors: number;
}

async function makeMedia(
  dir: string,
): Promise<{ store: MediaStore; photo: string; options: string[]; all: Map<string, Buffer> }> {
  const store = new MediaStore(dir);
  const all = new Map<string, Buffer>();
  const photoBytes = await jpegPhoto(7, 1600, 1200);
  const photo = await store.put(photoBytes, 'jpg');
  all.set(photo, photoBytes);
  const options: string[] = [];
  for (let i = 0; i < 4; i++) {
    const bytes = await jpegPhoto(100 + i, 800, 600);
    const ref = await store.put(bytes, 'jpg');
    all.set(ref, bytes);
    options.push(ref);
  }
  return { store, photo, options, all };
}

function quizWith(photo: string, options: string[]): Quiz {
  return QuizSchema.parse({
    title: 'Media bench',
    questions: [
      { kind: 'choice', prompt: 'Warm-up?', options: ['a', 'b'], correct: 0 },
      {
        kind: 'choice',
        prompt: 'Which of these is the photo’s detail?',
        options: ['One', 'Two', 'Three', 'Four'],
        correct: 2,
        image: photo,
        optionImages: options,
      },
    ],
  });
}

/** The floor: the same files from memory, with the same caching headers, nothing else. */
function floorServer(files: Map<string, Buffer>): Promise<Server> {
  const server = createServer((req, res) => {
    const bytes = files.get((req.url ?? '').slice('/media/'.length));
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': 'image/jpeg',
      'Content-Length': bytes.length,
      'Cache-Control': 'public, max-age=31536000, immutable',
    });
    res.end(bytes);
  });
  return new Promise((resolve) =>
    server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, () => resolve(server)),
  );
}

/** The host's dashboard, as a raw socket: sends commands. */
async function hostSocket(port: number, token: string): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, token }));
      resolve();
    });
    ws.once('error', reject);
  });
  return ws;
}

async function until(check: () => boolean, what: string, timeoutMs = RUN_MS): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function runOnce(players: number, media: Awaited<ReturnType<typeof makeMedia>>): Promise<MediaRun> {
  const server = new QuizServer({
    quiz: quizWith(media.photo, media.options),
    roomName: 'Media bench',
    port: 0,
    bind: '127.0.0.1',
    staticDir: null,
    media: media.store,
    settings: {
      minPlayers: 0,
      countdownSeconds: 0,
      autoAdvance: false,
      maxPlayersPerAddress: 100_000,
      maxPlayers: 100_000,
    },
  });
  const port = await server.listen();
  const floor = await floorServer(media.all);
  const crowd = new ChildLink('players', 'media-players.ts', { host: `http://127.0.0.1:${port}` });
  try {
    await crowd.wait('started', JOIN_MS);
    await crowd.request({ cmd: 'join', players }, 'joined', JOIN_MS);
    // The floor before and after our host's run (the faster counts): the players' own code is
    // then no warmer for our host than for it.
    const floorPort = (floor.address() as AddressInfo).port;
    const runFloor = () =>
      crowd.request<{ type: string; ms: number }>(
        { cmd: 'floor', base: `http://127.0.0.1:${floorPort}`, refs: [media.photo, ...media.options] },
        'floor-done',
        RUN_MS,
      );
    const floorBefore = await runFloor();
    const host = await hostSocket(port, server.hostToken);
    const send = (msg: object) => host.send(JSON.stringify(msg));
    send({ type: 'start' });
    await until(() => server.game.phase === 'question', 'the warm-up question');
    // Closing the warm-up names the picture question's media: the clock starts here.
    const t0 = performance.now();
    send({ type: 'next' });
    await until(() => (server.game.mediaGate?.ready.length ?? 0) === players, 'every phone to be ready');
    const readyMs = performance.now() - t0;
    const fetched = await crowd.wait<{ type: string; ms: number }>('all-fetched', RUN_MS);
    send({ type: 'next' });
    await until(() => server.game.phase === 'leaderboard', 'the leaderboard');
    const due = performance.now();
    send({ type: 'next' });
    await until(() => server.game.phase === 'question', 'the picture question');
    const openedAtOnce = server.game.round!.index === 1 && performance.now() - due < 1000;
    const counts = await crowd.request<{
      type: string;
      httpBytes: number[];
      wsBytes: number[];
      errors: number;
    }>({ cmd: 'counts' }, 'counts', RUN_MS);
    const totals = counts.httpBytes.map((h, i) => h + counts.wsBytes[i]!);
    const floorAfter = await runFloor();
    const floorRun = floorAfter.ms < floorBefore.ms ? floorAfter : floorBefore;
    const total = totals.reduce((a, b) => a + b, 0);
    host.terminate();
    return {
      players,
      bytesPerPlayer: {
        http: spreadOf(counts.httpBytes).p50,
        ws: spreadOf(counts.wsBytes).p50,
        total: spreadOf(totals).p50,
        max: spreadOf(totals).max,
      },
      readyMs,
      playersMs: fetched.ms,
      floorMs: floorRun.ms,
      wifiSeconds: (total * 8) / (WIFI_MBIT_S * 1e6),
      openedAtOnce,
      errors: counts.errors,
    };
  } finally {
    await crowd.request({ cmd: 'quit' }, 'bye', 10_000).catch(() => undefined);
    await crowd.stop();
    await new Promise((r) => floor.close(r));
    await server.close();
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { players: { type: 'string', default: '100,1000' }, json: { type: 'string' } },
  });
  const counts = values.players.split(',').map((s) => Number(s.replace(/_/g, '')));
  if (counts.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error(`--players takes whole numbers, e.g. 100,1000 (not "${values.players}").`);
  const dir = await mkdtemp(join(tmpdir(), 'quizroom-media-bench-'));
  try {
    const media = await makeMedia(dir);
    const sizes = [...media.all.values()].map((b) => b.length);
    process.stdout.write(
      `Pictures: photo ${kb(sizes[0]!)}, options ${sizes.slice(1).map(kb).join(', ')}\n\n` +
        '| players | bytes per player (HTTP + ws) | named → every phone ready (engine) | as the phones saw it | floor: bare node:http GETs | ratio | all players at 50 Mbit/s |\n' +
        '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n',
    );
    const runs: MediaRun[] = [];
    for (const players of counts) {
      const r = await runOnce(players, media);
      runs.push(r);
      process.stdout.write(
        `| ${players} | ${kb(r.bytesPerPlayer.total)} (${kb(r.bytesPerPlayer.http)} + ${r.bytesPerPlayer.ws} B) | ${r.readyMs.toFixed(0)} ms | ${r.playersMs.toFixed(0)} ms | ${r.floorMs.toFixed(0)} ms | ${(r.playersMs / r.floorMs).toFixed(2)} | ${r.wifiSeconds.toFixed(1)} s |\n`,
      );
      if (r.errors > 0 || !r.openedAtOnce)
        process.stdout.write(`  (errors: ${r.errors}; opened at once: ${r.openedAtOnce})\n`);
    }
    if (values.json) await writeFile(values.json, JSON.stringify(runs, null, 2));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(2);
});
