/**
 * `npm run dev`: what the dev launcher (Vite + vite-plugin-electron) starts, from where, with
 * which URL. Electron's own launcher (the `electron` package) runs whatever binary is in
 * ELECTRON_OVERRIDE_DIST_PATH; here that is a recorder, which notes its working folder, its
 * arguments and VITE_DEV_SERVER_URL, checks that the app it was pointed at exists (package.json
 * and the main and preload it names, freshly built) and fetches the page from the dev server,
 * then exits, which ends `npm run dev`. Nothing pretends to be Electron beyond that binary path.
 * It runs in a copy of the project (sources and configuration, node_modules linked), so that the
 * dev build cannot write over the out/ folder other suites read.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/built-app';
import { freePort } from '../support/host-process';

interface Recorded {
  cwd: string;
  argv: string[];
  url: string | null;
  main?: string;
  mainExists?: boolean;
  preloadExists?: boolean;
  appError?: string;
  page?: { status: number; body: string };
  fetchError?: string;
}

/** The stand-in binary's program: records, looks, fetches, exits. */
const RECORDER = `
const fs = require('node:fs');
const path = require('node:path');
(async () => {
  const record = { cwd: process.cwd(), argv: process.argv.slice(2), url: process.env.VITE_DEV_SERVER_URL ?? null };
  try {
    const app = path.resolve(record.cwd, record.argv[0] ?? '');
    const pkg = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
    record.main = pkg.main;
    record.mainExists = fs.existsSync(path.join(app, pkg.main));
    record.preloadExists = fs.existsSync(path.join(app, 'out/preload/index.js'));
  } catch (e) {
    record.appError = String(e);
  }
  try {
    const res = await fetch(record.url, { signal: AbortSignal.timeout(30000) });
    record.page = { status: res.status, body: await res.text() };
  } catch (e) {
    record.fetchError = String(e);
  }
  fs.writeFileSync(process.env.QUIZROOM_RECORD, JSON.stringify(record));
})();
`;

let dir = '';
let project = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizroom-dev-'));
  project = join(dir, 'project');
  mkdirSync(project);
  for (const file of [
    'package.json',
    'vite.config.ts',
    'tsconfig.json',
    'tsconfig.base.json',
    'tsconfig.node.json',
    'tsconfig.web.json',
    'tsconfig.adapters.json',
  ])
    cpSync(join(ROOT, file), join(project, file));
  cpSync(join(ROOT, 'src'), join(project, 'src'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir');
  const dist = join(dir, 'electron-dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'recorder.cjs'), RECORDER);
  writeFileSync(
    join(dist, 'electron'),
    `#!/bin/sh\nexec "${process.execPath}" "${join(dist, 'recorder.cjs')}" "$@"\n`,
  );
  chmodSync(join(dist, 'electron'), 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run dev', () => {
  it('starts Electron on the app at the project root, sandboxed, pointed at the dev server with hot reload', async () => {
    const port = await freePort();
    const recordFile = join(dir, 'record.json');
    const npm = spawn(
      'npm',
      ['run', 'dev', '--', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
      {
        cwd: project,
        env: {
          ...process.env,
          ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'electron-dist'),
          QUIZROOM_RECORD: recordFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      },
    );
    let output = '';
    npm.stdout!.setEncoding('utf8').on('data', (s: string) => (output += s));
    npm.stderr!.setEncoding('utf8').on('data', (s: string) => (output += s));
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    // The recorder exits as soon as it has looked: vite-plugin-electron then ends the dev server.
    const timer = setTimeout(() => process.kill(-npm.pid!, 'SIGKILL'), 150_000);
    const code = await exited.finally(() => clearTimeout(timer));
    expect(code, output).toBe(0);

    const record = JSON.parse(readFileSync(recordFile, 'utf8')) as Recorded;
    expect(record.cwd).toBe(project);
    expect(record.argv).toEqual(['.']);
    // The plugin names the loopback address it listens on "localhost".
    expect(record.url).toMatch(new RegExp(`^http://(localhost|127\\.0\\.0\\.1):${port}/$`));
    expect(record.appError).toBeUndefined();
    expect(record.main).toBe('out/main/index.js');
    expect(record.mainExists).toBe(true);
    expect(record.preloadExists).toBe(true);
    expect(record.fetchError).toBeUndefined();
    expect(record.page?.status).toBe(200);
    // Vite's client (the hot-reload socket) and React's refresh runtime are in the page.
    expect(record.page?.body).toContain('/@vite/client');
    expect(record.page?.body).toContain('/@react-refresh');
    expect(record.page?.body).toContain('<div id="root">');
  }, 180_000);
});
