/**
 * A big lobby the host keeps in hand, in real Chromium against a real headless host: 130 players
 * from 33 addresses (raw sockets bound to 127.0.0.2 …), half of them gone; the host finds players
 * by name, removes every disconnected one at once, cancels a countdown; a phone player leaves and
 * joins again, is told which name theirs looks like, and a latecomer waits for the next game.
 * Every changed screen is captured at 390x844 and 1920x1080.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawSocket } from '../support/raw-socket';
import { capture } from './support/audit';
import { BUILD_AND_LAUNCH_MS, launchBrowser, newPage, PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ, startHost, type E2EHost } from './support/e2e-host';
import { heading, visible } from './support/players';

const SIZES = [
  { suffix: '390', width: 390, height: 844 },
  { suffix: '1920', width: 1920, height: 1080 },
];

/** Captures the screen at a phone's size and a projector's, then puts the page back as it was. */
async function captureBoth(page: Page, name: string): Promise<void> {
  const before = page.viewportSize();
  for (const size of SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await capture(page, `${name}-${size.suffix}`);
  }
  if (before) await page.setViewportSize(before);
}

describe('a lobby the host keeps in hand', () => {
  let browser: Browser | undefined;
  let host: E2EHost | undefined;
  const contexts: BrowserContext[] = [];
  const bots: RawSocket[] = [];

  beforeAll(async () => {
    // The shipped per-address cap (4): the bots come from many addresses, as devices on a LAN.
    host = await startHost({ settings: { countdownSeconds: 30 } });
    browser = await launchBrowser();
  }, BUILD_AND_LAUNCH_MS);

  afterAll(async () => {
    for (const b of bots) b.destroy();
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await host?.close();
  });

  async function open(options = PHONE): Promise<Page> {
    const { context, page } = await newPage(browser!, options);
    contexts.push(context);
    return page;
  }

  async function join(page: Page, name: string): Promise<void> {
    await page.getByLabel('Nickname').fill(name);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  }

  it(
    'finds players, clears the disconnected, cancels a start, and seats a latecomer later',
    { timeout: 240_000 },
    async () => {
      const h = host!;
      const port = new URL(h.playerUrl).port;
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      await visible(heading(dashboard, E2E_QUIZ.title));

      // 130 players, four per address, named as people are (one in Arabic, right to left).
      for (let i = 0; i < 130; i++) {
        const socket = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`, undefined, {
          localAddress: `127.0.0.${2 + Math.floor(i / 4)}`,
        });
        bots.push(socket);
        socket.send({ type: 'join', name: i === 7 ? 'محمد 7' : `Player ${String(i).padStart(3, '0')}` });
        await socket.waitFor('joined');
      }
      // A fifth from one address is refused.
      const extra = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`, undefined, {
        localAddress: '127.0.0.2',
      });
      bots.push(extra);
      extra.send({ type: 'join', name: 'One too many' });
      expect((await extra.waitError('address_full')).ref).toBe('join');

      // Every other bot goes away.
      for (let i = 1; i < 130; i += 2) bots[i]!.destroy();
      await visible(dashboard.getByRole('button', { name: 'Remove 65 disconnected' }));
      await visible(dashboard.getByText('and 10 more: find one by name'));
      await captureBoth(dashboard, 'host-lobby-crowd');

      // The host finds one player among 130.
      const search = dashboard.getByRole('searchbox', { name: 'Find a player by name' });
      await search.fill('محمد');
      await visible(dashboard.getByRole('button', { name: 'Remove محمد 7' }));
      expect(await dashboard.locator('.player-chip').count()).toBe(1);
      await search.fill('player 12');
      await expect.poll(() => dashboard.locator('.player-chip').count()).toBe(10);
      await captureBoth(dashboard, 'host-lobby-search');
      await search.fill('nobody');
      await visible(dashboard.getByText('No player’s name contains “nobody”.'));
      await search.fill('');

      // One click clears the 65 who left.
      await dashboard.getByRole('button', { name: 'Remove 65 disconnected' }).click();
      await expect.poll(() => h.server.game.players.size).toBe(65);
      await visible(dashboard.locator('.count-badge', { hasText: '65' }));

      // A phone joins, leaves (its seat is free), joins again; names that look taken are refused.
      const zoe = await open(PHONE);
      await zoe.goto(h.playerUrl);
      await join(zoe, 'Zoë');
      await visible(heading(zoe, 'You’re in, Zoë!'));
      await captureBoth(zoe, 'player-lobby');
      await zoe.getByRole('button', { name: 'Leave the room' }).click();
      await visible(zoe.getByLabel('Nickname'));
      await expect.poll(() => [...h.server.game.players.values()].some((p) => p.name === 'Zoë')).toBe(false);
      await join(zoe, 'Zoë');
      await visible(heading(zoe, 'You’re in, Zoë!'));

      const eve = await open(PHONE);
      await eve.goto(h.playerUrl);
      // The phone's own check: no need to ask the host.
      await join(eve, 'Eve\u200b');
      await visible(eve.getByText(/invisible character at position 4/).first());
      await captureBoth(eve, 'player-join-invisible');
      // The host's check: it looks like Zoë.
      await join(eve, 'ZOË');
      await visible(eve.getByText(/looks the same as a player already here: .Zoë./).first());
      expect(await eve.getByLabel('Nickname').getAttribute('aria-invalid')).toBe('true');
      await captureBoth(eve, 'player-join-lookalike');

      // The host starts, and thinks better of it.
      await dashboard.getByRole('button', { name: 'Start game' }).click();
      await visible(heading(dashboard, 'Get ready!'));
      await captureBoth(dashboard, 'host-countdown');
      await dashboard.getByRole('button', { name: 'Cancel start' }).click();
      await visible(dashboard.getByRole('button', { name: 'Start game' }));
      await visible(heading(zoe, 'You’re in, Zoë!'));
      await visible(dashboard.getByText('Press Start when everyone is in.'));
      expect(h.server.game.settings.minPlayers).toBe(0);

      // The game runs; Eve, who came late, is in for the next one.
      await dashboard.getByRole('button', { name: 'Start game' }).click();
      await visible(heading(dashboard, 'Get ready!'));
      const controller = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`, h.server.hostToken);
      bots.push(controller);
      controller.send({ type: 'next' });
      await visible(heading(zoe, E2E_QUIZ.questions[0]!.prompt));
      await join(eve, 'Eve');
      await visible(heading(eve, 'You’re in for the next game, Eve!'));
      await visible(eve.getByText('The game in progress is at question 1 of 3.'));
      await captureBoth(eve, 'player-waiting');
      expect(h.server.game.waiting.size).toBe(1);

      controller.send({ type: 'end' });
      await visible(dashboard.getByText('1 player joined during the game and plays from the next one.'));
      await dashboard.getByRole('button', { name: 'Play again' }).click();
      await visible(heading(eve, 'You’re in, Eve!'));
    },
  );
});
