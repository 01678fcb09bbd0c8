/**
 * The built app (out/): the web player the e2e suites serve, and the main/preload bundles the
 * packaging and security checks inspect. If any of it is missing, or older than the sources, it
 * is built first with `npx vite build`, so that `npm test` works on a fresh clone. Suites run in
 * parallel workers: a lock directory makes sure only one of them builds while the others wait.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(__dirname, '../..');
export const OUT_DIR = join(ROOT, 'out');
export const RENDERER_DIR = join(OUT_DIR, 'renderer');
const INDEX = join(RENDERER_DIR, 'index.html');
const OUTPUTS = [
  INDEX,
  join(OUT_DIR, 'main/index.js'),
  join(OUT_DIR, 'main/cli.js'),
  join(OUT_DIR, 'main/server-worker.js'),
  join(OUT_DIR, 'main/import-worker.js'),
  join(OUT_DIR, 'preload/index.js'),
];
const LOCK = join(OUT_DIR, '.test-build.lock');
const SOURCES = [join(ROOT, 'src')];
const BUILD_TIMEOUT_MS = 5 * 60_000;
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 6 * 60_000;

async function mtime(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
}

async function newestSource(dir: string): Promise<number> {
  let newest = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, (await mtime(join(entry.parentPath, entry.name))) ?? 0);
  }
  return newest;
}

async function upToDate(): Promise<boolean> {
  let built = Infinity;
  for (const file of OUTPUTS) built = Math.min(built, (await mtime(file)) ?? -1);
  if (built < 0) return false;
  for (const dir of SOURCES) if ((await newestSource(dir)) > built) return false;
  return true;
}

async function build(): Promise<void> {
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  try {
    await promisify(execFile)(npx, ['vite', 'build'], {
      cwd: ROOT,
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 32 * 1024 * 1024,
      // NODE_ENV is "test" under vitest: without this, React's development build would be bundled.
      env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(
      `Building the app with "npx vite build" failed:\n${err.stderr || err.stdout || err.message}`,
      { cause: e },
    );
  }
  for (const file of OUTPUTS) {
    if ((await mtime(file)) === null) throw new Error(`"npx vite build" finished but ${file} is missing.`);
  }
}

/** The built server thread's script: rooms hosted by a DesktopSession run it. */
export const SERVER_WORKER = join(OUT_DIR, 'main/server-worker.js');

export async function ensureBuilt(): Promise<string> {
  const started = Date.now();
  for (;;) {
    if (await upToDate()) return RENDERER_DIR;
    await mkdir(join(ROOT, 'out'), { recursive: true });
    let locked = false;
    try {
      await mkdir(LOCK);
      locked = true;
    } catch {
      const age = Date.now() - ((await mtime(LOCK)) ?? Date.now());
      if (age > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
    }
    if (locked) {
      try {
        if (!(await upToDate())) await build();
        return RENDERER_DIR;
      } finally {
        await rm(LOCK, { recursive: true, force: true });
      }
    }
    if (Date.now() - started > BUILD_TIMEOUT_MS + 60_000)
      throw new Error('Timed out waiting for another worker to build the app.');
    await new Promise((r) => setTimeout(r, 250));
  }
}
