/**
 * The built renderer in Chromium, as the desktop window would load it without its preload: it
 * says that the desktop bridge did not load instead of trying to reach a host and showing
 * "Reconnecting…" forever. The same page in a phone's browser is the web player, as before.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILD_AND_LAUNCH_MS, DESKTOP, launchBrowser, newPage } from '../e2e/support/browser';
import { startHost, type E2EHost } from '../e2e/support/e2e-host';
import { visible } from '../e2e/support/players';

const ELECTRON_AGENT =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Quizroom/0.1.0 Chrome/142.0.0.0 Electron/45.5.0 Safari/537.36';

describe('a desktop window whose preload did not load', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    host = await startHost();
    browser = await launchBrowser();
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
  });

  it('says the desktop bridge did not load, and never tries to reconnect', async () => {
    const { context, page } = await newPage(browser!, { ...DESKTOP, userAgent: ELECTRON_AGENT });
    contexts.push(context);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(host!.playerUrl);
    await visible(page.getByRole('alert').filter({ hasText: 'The desktop bridge did not load' }));
    await visible(page.getByRole('heading', { name: 'Quizroom could not start' }));
    expect(await page.getByText(/Reconnecting/).count()).toBe(0);
    expect(sockets).toEqual([]);
  });

  it('is still the web player in a browser', async () => {
    const { context, page } = await newPage(browser!, DESKTOP);
    contexts.push(context);
    await page.goto(host!.playerUrl);
    await visible(page.getByLabel('Nickname'));
    expect(await page.getByText('The desktop bridge did not load').count()).toBe(0);
  });
});
