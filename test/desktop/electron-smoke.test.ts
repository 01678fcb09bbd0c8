/**
 * Smoke test of the real desktop app: the Electron binary runs the built app under a display
 * (a virtual one, Xvfb, on Linux without one), the host opens a room from the Host button, a
 * phone's browser joins it, and one question is played. Since Electron 42 the `electron` package
 * fetches its binary on first use, not at install: this test tries that fetch itself, bounded in
 * time, and is skipped with the reason printed where the binary cannot be had (no internet) or no
 * display can be opened. QUIZROOM_ELECTRON names a binary to use instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type Browser, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../e2e/support/browser';
import { answered, heading, joinAs, visible } from '../e2e/support/players';
import { ensureBuilt, ROOT } from '../support/built-app';

/** The fetch of the binary gives up after this long: a network that never answers must not hang the suite. */
const FETCH_BOUND_MS = 90_000;
const ELECTRON_PACKAGE = join(ROOT, 'node_modules/electron');

function installedBinary(): string | null {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const path = join(ELECTRON_PACKAGE, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(path) ? path : null;
}

/** Runs the package's own fetch (what `require('electron')` does on first use); resolves why it failed, or null. */
function fetchBinary(): Promise<string | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ELECTRON_PACKAGE, 'install.js')], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => child.kill('SIGKILL'), FETCH_BOUND_MS);
    child.once('error', (e) => resolve(e.message));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(null);
      else if (signal) resolve(`no answer within ${FETCH_BOUND_MS / 1000} s`);
      else
        resolve(
          stderr
            .split('\n')
            .find((line) => line.trim())
            ?.trim() ?? `exit code ${code}`,
        );
    });
  });
}

async function electronBinary(): Promise<{ path: string } | { skip: string }> {
  const given = process.env.QUIZROOM_ELECTRON;
  if (given)
    return existsSync(given) ? { path: given } : { skip: `QUIZROOM_ELECTRON names no file (${given})` };
  const installed = installedBinary();
  if (installed) return { path: installed };
  const failure = await fetchBinary();
  if (failure) {
    return {
      skip:
        `the Electron binary could not be fetched (${failure}); where there is internet, ` +
        '`npx install-electron` in the project fetches it',
    };
  }
  const fetched = installedBinary();
  return fetched ? { path: fetched } : { skip: 'the Electron fetch succeeded but left no binary' };
}

/** A virtual display for the window (Linux without one): Xvfb picks a free display number itself. */
function startXvfb(): Promise<{ display: string; server: ChildProcess } | { skip: string }> {
  return new Promise((resolve) => {
    const server = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let number = '';
    const fd = server.stdio[3] as NodeJS.ReadableStream;
    fd.setEncoding('utf8');
    fd.on('data', (s: string) => {
      number += s;
      if (number.includes('\n')) resolve({ display: `:${number.trim()}`, server });
    });
    server.once('error', (e) =>
      resolve({ skip: `no display, and Xvfb could not start (${e.message}; Debian package xvfb)` }),
    );
    server.once('exit', (code) => resolve({ skip: `no display, and Xvfb exited with code ${code}` }));
  });
}

const binary = await electronBinary();
const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const skip = 'skip' in binary ? binary.skip : undefined;
if (skip) console.log(`Electron smoke test skipped: ${skip}.`);

describe.skipIf(skip !== undefined)('the desktop app (Electron)', () => {
  let app: ElectronApplication | undefined;
  let browser: Browser | undefined;
  let xvfb: ChildProcess | undefined;
  let display: string | undefined = process.env.DISPLAY;
  let userData = '';

  beforeAll(async () => {
    await ensureBuilt();
    userData = mkdtempSync(join(tmpdir(), 'quizroom-electron-'));
    if (needsDisplay) {
      const started = await startXvfb();
      if ('skip' in started) throw new Error(`The smoke test needs a display: ${started.skip}.`);
      xvfb = started.server;
      display = started.display;
    }
  }, 360_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    xvfb?.kill();
    rmSync(userData, { recursive: true, force: true });
  });

  it('hosts a room from the Host button, lets a phone join, and plays a question', async () => {
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      // Chromium refuses to start as root with its sandbox (CI runs as root); nowhere else.
      args: [ROOT, `--user-data-dir=${userData}`, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      env: { ...process.env, ...(display ? { DISPLAY: display } : {}), ELECTRON_ENABLE_LOGGING: '1' },
    });
    const win = await app.firstWindow();
    await win.getByRole('button', { name: 'Host', exact: true }).click();
    await win.getByLabel('Room name').fill('Smoke room');
    await win.getByLabel('I’ll press Start').check();
    await win.getByRole('button', { name: 'Open room' }).click();
    // The lobby shows where players join; the port is what matters on this machine.
    const joinText = await win
      .getByText(/:\d{2,5}/)
      .first()
      .textContent({ timeout: 30_000 });
    const port = Number(/:(\d{2,5})/.exec(joinText ?? '')?.[1]);
    expect(port).toBeGreaterThan(0);

    browser = await launchBrowser();
    const phone = await browser.newPage();
    await joinAs(phone, `http://127.0.0.1:${port}/`, 'Phone player');
    await visible(win.getByRole('button', { name: 'Remove Phone player' }), 30_000);

    await win.getByRole('button', { name: 'Start game' }).click();
    const answers = phone.getByRole('group', { name: 'Answers' });
    await visible(answers, 30_000);
    await answers.getByRole('button').first().click();
    // The only player answered: the question closes at once on both screens.
    await answered(phone);
    await visible(heading(phone, /The answer is/), 30_000);
    await visible(heading(win, /The answer is/), 30_000);
  }, 180_000);
});
