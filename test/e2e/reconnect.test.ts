/**
 * Coming back: a player who reloads the page mid-question is back in the game with name and score,
 * and a player whose connection drops sees "Reconnecting…" and is back by itself when it returns.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { capture } from './support/audit';
import { BUILD_AND_LAUNCH_MS, DESKTOP, launchBrowser, newPage, UI_TIMEOUT_MS } from './support/browser';
import { E2E_QUIZ, startHost, type E2EHost } from './support/e2e-host';
import { FlakyLink } from './support/flaky-link';
import { ensureBuilt } from '../support/built-app';
import { answer, heading, joinAs, visible } from './support/players';

const [q1, q2, q3] = E2E_QUIZ.questions;

describe('reconnecting', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  let link: FlakyLink | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await ensureBuilt();
    browser = await launchBrowser();
  }, BUILD_AND_LAUNCH_MS);

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
    await link?.close();
    await host?.close();
    link = undefined;
    host = undefined;
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
  });

  async function open(): Promise<Page> {
    const { context, page } = await newPage(browser!, DESKTOP);
    contexts.push(context);
    return page;
  }

  /** The top bar's "who am I", as a screen reader reads it: "You are Bob, score 943". */
  async function whoAmI(page: Page): Promise<string> {
    return (await page.getByRole('banner').locator('.chip--me').textContent()) ?? '';
  }

  it('brings a player who reloads mid-question back with name and score', { timeout: 120_000 }, async () => {
    const h = (host = await startHost({ settings: { countdownSeconds: 0 } }));
    const dashboard = await open();
    await dashboard.goto(h.hostUrl);
    const ada = await open();
    const bob = await open();
    await joinAs(ada, h.playerUrl, 'Ada');
    await joinAs(bob, h.playerUrl, 'Bob');
    await dashboard.getByRole('button', { name: 'Start game' }).click();

    await visible(heading(bob, q1!.prompt));
    await answer(bob, 'Pacific Ocean');
    await answer(ada, 'Atlantic Ocean');
    await visible(heading(dashboard, /^The answer is/));
    await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
    await dashboard.getByRole('button', { name: 'Next question' }).click();

    // Question 2 is open: Bob reloads before answering.
    await visible(heading(bob, q2!.prompt));
    const bobScore = h.scores().get('Bob')!;
    expect(bobScore).toBeGreaterThan(0);
    await bob.reload();
    await visible(heading(bob, q2!.prompt));
    expect(await whoAmI(bob)).toBe(`You are Bob, score ${bobScore.toLocaleString('en-US')}`);
    await answer(bob, 'Canberra');

    // Question 3: Bob answers, then reloads: his answer is still locked in.
    await answer(ada, 'Sydney');
    await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
    await dashboard.getByRole('button', { name: 'Next question' }).click();
    await visible(heading(bob, q3!.prompt));
    await answer(bob, 'True');
    await bob.reload();
    await visible(heading(bob, q3!.prompt));
    await visible(bob.getByText('Answer locked:'));
    expect(await bob.getByRole('button', { name: 'True', exact: true }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    await answer(ada, 'True');
    await dashboard.getByRole('button', { name: 'Show final results' }).click();
    await visible(heading(bob, /wins!$/));
    expect(await whoAmI(bob)).toBe(`You are Bob, score ${h.scores().get('Bob')!.toLocaleString('en-US')}`);
  });

  it(
    'shows "Reconnecting…" while the connection is down and recovers by itself',
    { timeout: 120_000 },
    async () => {
      const h = (host = await startHost({ settings: { countdownSeconds: 0 } }));
      link = await new FlakyLink(h.server.port).open();
      const dashboard = await open();
      await dashboard.goto(h.hostUrl);
      const ada = await open();
      await joinAs(ada, link.url, 'Ada');
      await dashboard.getByRole('button', { name: 'Start game' }).click();
      await visible(heading(ada, q1!.prompt));

      await link.cut();
      await visible(ada.getByRole('status').filter({ hasText: 'Reconnecting…' }));
      // Mid-question: the game is paused on the phone, its countdown standing still.
      await visible(ada.getByRole('status').filter({ hasText: 'Game paused: the host is unreachable.' }));
      await capture(ada, 'player-reconnecting');
      await visible(dashboard.getByText(/Host · 0 players/));

      await link.restore();
      await ada.getByText('Reconnecting…').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      await visible(heading(ada, q1!.prompt));
      expect(await whoAmI(ada)).toBe('You are Ada, score 0');
      await answer(ada, 'Pacific Ocean');
      await visible(heading(ada, /^The answer is/));
      expect(h.scores().get('Ada')).toBeGreaterThan(0);
    },
  );
});
