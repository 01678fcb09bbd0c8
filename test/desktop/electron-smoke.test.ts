/**
 * Smoke test of the real desktop app with Playwright's Electron launcher: start it, click Host,
 * open a room, and join it from a second window (a browser, as a phone would). It runs where the
 * Electron binary is installed and is skipped, with the reason printed, where it is not (build
 * machines that install with ELECTRON_SKIP_BINARY_DOWNLOAD=1). The binary is looked up without
 * require('electron'), which would try to download it.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, chromium, type Browser, type ElectronApplication } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/support/browser';
import { ensureBuilt, ROOT } from '../support/built-app';

function electronBinary(): { path: string } | { skip: string } {
  const pathFile = join(ROOT, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile))
    return { skip: 'the Electron binary is not installed (ELECTRON_SKIP_BINARY_DOWNLOAD was set)' };
  const path = join(ROOT, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  if (!existsSync(path)) return { skip: `the Electron binary is missing at ${path}` };
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { skip: 'there is no display to open a window on (set DISPLAY, e.g. with xvfb-run)' };
  }
  return { path };
}

const binary = electronBinary();
if ('skip' in binary) console.log(`Electron smoke test skipped: ${binary.skip}.`);

describe.skipIf('skip' in binary)('the desktop app (Electron)', () => {
  let app: ElectronApplication | undefined;
  let browser: Browser | undefined;
  let userData = '';

  beforeAll(async () => {
    await ensureBuilt();
    userData = mkdtempSync(join(tmpdir(), 'quizroom-electron-'));
  }, 360_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    rmSync(userData, { recursive: true, force: true });
  });

  it('hosts a room from the Host button and lets a second window join it', async () => {
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [ROOT, `--user-data-dir=${userData}`],
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    const win = await app.firstWindow();
    await win.getByRole('button', { name: 'Host', exact: true }).click();
    await win.getByLabel('Room name').fill('Smoke room');
    await win.getByLabel('Players needed to start').fill('0');
    await win.getByRole('button', { name: 'Open room' }).click();
    // The lobby shows where players join; the port is what matters on this machine.
    const joinText = await win
      .getByText(/:\d{2,5}/)
      .first()
      .textContent({ timeout: 30_000 });
    const port = Number(/:(\d{2,5})/.exec(joinText ?? '')?.[1]);
    expect(port).toBeGreaterThan(0);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const phone = await browser.newPage();
    await phone.goto(`http://127.0.0.1:${port}/`);
    await phone.getByLabel('Nickname').fill('Phone player');
    await phone.getByRole('button', { name: /join/i }).click();
    await win.getByText('Phone player').waitFor({ timeout: 30_000 });
  }, 120_000);
});
