/**
 * Offline packaging check: electron-builder packs the app (--dir) around a stub Electron
 * distribution (the real one cannot be downloaded here; fuses are off for that reason only),
 * then app.asar must hold the built app and the production dependencies, and nothing else:
 * no sources, no source maps, no devDependencies. Then the packaged tree itself runs, extracted
 * from app.asar: its main process under the Electron stand-in (the same wiring checks as the
 * built app's) and its headless host serving a game to real clients. That is the proof that the
 * production dependencies, the preload, the server thread's script and the renderer are where
 * the code looks for them.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractAll, listPackage } from '@electron/asar';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { ensureBuilt, ROOT } from '../support/built-app';
import { freePort } from '../support/host-process';
import { waitFor } from '../support/wait';
import { isolationUnsupportedReason } from './support/main-process';
import { STUB_ELECTRON_VERSION, stubElectronDist } from './support/stub-electron-dist';
import {
  expectPackagedWiring,
  expectRendererServed,
  hostRoom,
  journals,
  MainRuns,
  ready,
} from './support/wiring-checks';

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let dir = '';
let entries: string[] = [];
/** app.asar, extracted: the tree the installed app runs from. */
let tree = '';
const runs = new MainRuns();
const unsupported = isolationUnsupportedReason();
if (unsupported) console.log(`Packaged main-process wiring skipped: ${unsupported}.`);

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'quizroom-pack-'));
  const dist = stubElectronDist(dir);
  const config = join(dir, 'check.yml');
  writeFileSync(
    config,
    [
      `extends: ${JSON.stringify(resolve(ROOT, 'electron-builder.yml'))}`,
      'electronFuses: null',
      `electronDist: ${JSON.stringify(dist)}`,
      `electronVersion: ${STUB_ELECTRON_VERSION}`,
      'npmRebuild: false',
      'directories:',
      `  output: ${JSON.stringify(join(dir, 'release'))}`,
      'linux:',
      '  target: dir',
    ].join('\n'),
  );
  execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/electron-builder/cli.js'), '--config', config, '--dir', '--linux'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      timeout: 300_000,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
  const asar = join(dir, 'release/linux-unpacked/resources/app.asar');
  entries = listPackage(asar, { isPack: false }).map((e) => e.replace(/\\/g, '/'));
  tree = join(dir, 'tree');
  extractAll(asar, tree);
}, 360_000);

afterEach(() => runs.cleanup());
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packaged app (app.asar)', () => {
  it('holds the built main, preload and renderer and package.json', () => {
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/main/server-worker.js',
      '/out/main/import-worker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ]) {
      expect(entries).toContain(path);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
  });

  it('holds every production dependency', () => {
    for (const dep of Object.keys(pkg.dependencies))
      expect(entries).toContain(`/node_modules/${dep}/package.json`);
  });

  it('holds no sources, source maps or devDependencies', () => {
    expect(
      entries.filter((e) => e.startsWith('/src/') || e.startsWith('/test/') || e.startsWith('/bench/')),
    ).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(entries.filter((e) => !e.startsWith('/node_modules/') && /\.tsx?$/.test(e))).toEqual([]);
    for (const dev of Object.keys(pkg.devDependencies))
      expect(entries).not.toContain(`/node_modules/${dev}/package.json`);
  });
});

describe.skipIf(unsupported !== undefined)(
  'the packaged main process (recorded calls, from app.asar)',
  () => {
    it('asks Electron for what the built app asks, with paths inside the packaged tree', async () => {
      const main = join(tree, 'out/main/index.js');
      const { proc } = runs.start(main, { packaged: true });
      expectPackagedWiring(await ready(proc), main);
      await expectRendererServed(proc);
    });

    it('hosts a room with the packaged server thread and closes it on quit', async () => {
      const { proc, userData } = runs.start(join(tree, 'out/main/index.js'), { packaged: true });
      await ready(proc);
      await hostRoom(proc);
      await proc.send({ cmd: 'quit' });
      expect((await proc.exited).code).toBe(0);
      expect(journals(userData).map((j) => j.closed)).toEqual([true]);
    });
  },
);

describe('the packaged headless host', () => {
  const clients: QuizClient[] = [];
  let host: ChildProcess | null = null;
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    if (host && host.exitCode === null && host.signalCode === null) {
      const exited = new Promise((r) => host!.once('exit', r));
      host.kill('SIGKILL');
      await exited;
    }
    host = null;
  });

  it('serves the packaged web player and plays a question with real clients', async () => {
    const port = await freePort();
    const data = join(dir, 'host-data');
    const quiz = join(dir, 'one-question.json');
    writeFileSync(
      quiz,
      JSON.stringify({
        title: 'Packaged quiz',
        questions: [{ kind: 'choice', prompt: 'Two and two?', options: ['3', '4'], correct: 1 }],
      }),
    );
    // Plain Node and the packaged tree only: its own node_modules, nothing of this checkout.
    const child = spawn(
      process.execPath,
      [
        join(tree, 'out/main/cli.js'),
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--no-mdns',
        '--min-players',
        '0',
        '--quiz',
        quiz,
      ],
      {
        cwd: tree,
        env: { PATH: process.env.PATH ?? '', XDG_DATA_HOME: data },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    host = child;
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
    child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
    const token = await waitFor(
      () =>
        /Host dashboard:\s+\S+[?&]host=([\w-]+)/.exec(out)?.[1] ??
        (child.exitCode !== null ? 'exited' : undefined),
      'the packaged host to print its URLs',
      30_000,
    );
    expect(token, out).not.toBe('exited');

    const page = await (await fetch(`http://127.0.0.1:${port}/`)).text();
    expect(page).toBe(readFileSync(join(tree, 'out/renderer/index.html'), 'utf8'));

    const url = `ws://127.0.0.1:${port}/ws`;
    const hostClient = new QuizClient({ url, WebSocket: WebSocket as never, token });
    const player = new QuizClient({ url, WebSocket: WebSocket as never });
    clients.push(hostClient, player);
    hostClient.connect();
    player.connect();
    await waitFor(() => hostClient.view.role === 'host', 'the host client to connect', 15_000);
    await waitFor(() => player.view.ready && player.join('Ada'), 'the player to connect', 15_000);
    await waitFor(() => player.view.you, 'the player to join', 15_000);
    hostClient.start();
    await waitFor(() => player.view.phase === 'question' && player.answer(1), 'the question to open', 30_000);
    const reveal = await waitFor(() => player.view.reveal, 'the reveal', 30_000);
    expect(reveal.correct).toBe(1);
    expect(player.view.you?.score).toBeGreaterThan(0);
  }, 90_000);
});
