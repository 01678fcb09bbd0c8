/**
 * The lobby as a room sees it on a projector, in real Chromium against a real headless host with a
 * PIN: a join band readable from the back (address and PIN sized for 10 m at 1920×1080), a QR code
 * whose link carries the PIN (a phone that opens it has the PIN typed for it), a big player count,
 * and the screens at 1280×720, 1920×1080 and on phones fit without a scrollbar.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { RawSocket } from '../support/raw-socket';
import { joinLink } from '../../src/renderer/screens/join-link';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { longName } from './support/longest-quiz';
import { heading, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

const PIN = '482913';
const PHONE_SIZES = [
  { width: 375, height: 667 },
  { width: 390, height: 844 },
];

/** The computed font size of the first element matching `selector`, in CSS px. */
async function fontPx(page: Page, selector: string): Promise<number> {
  return page
    .locator(selector)
    .first()
    .evaluate((el) => {
      const g = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
      return parseFloat(g.getComputedStyle(el).fontSize);
    });
}

describe('a lobby that draws people in', () => {
  // Thirty players come from this one machine's address.
  const { host, open } = useBrowserAndHost({ pin: PIN, settings: { maxPlayersPerAddress: 100 } });
  const bots: RawSocket[] = [];
  afterAll(() => {
    for (const b of bots) b.destroy();
  });

  it(
    'shows a join band for the back of the room and a QR code that carries the PIN',
    { timeout: 120_000 },
    async () => {
      const h = host();
      const problems: string[] = [];
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);
      await visible(heading(dashboard, E2E_QUIZ.title));
      await visible(dashboard.getByRole('img', { name: /^QR code to join at .*, with the PIN$/ }));

      // Read from 10 m on a 1920×1080 projector: letters about 50 px high and more.
      expect(await fontPx(dashboard, '.lobby-host__url')).toBeGreaterThanOrEqual(64);
      expect(await fontPx(dashboard, '.lobby-host__pin strong')).toBeGreaterThanOrEqual(90);

      // A phone that scanned the code: the PIN is typed for it, the name is all it needs.
      const zoe = await open({ ...PHONE, viewport: { width: 375, height: 667 } });
      await zoe.goto(joinLink(h.playerUrl, PIN));
      expect(await zoe.getByLabel('PIN').inputValue()).toBe(PIN);
      await zoe.getByLabel('Nickname').fill('Zoë');
      await zoe.getByRole('button', { name: 'Join', exact: true }).click();
      await visible(heading(zoe, 'You’re in, Zoë!'));

      // A name that is taken: the host offers a free one like it, and one tap joins with it.
      const zoe2 = await open(PHONE);
      await zoe2.goto(joinLink(h.playerUrl, PIN));
      await zoe2.getByLabel('Nickname').fill('zoë');
      await zoe2.getByRole('button', { name: 'Join', exact: true }).click();
      const offer = await visible(zoe2.getByRole('button', { name: 'Join as “zoë 2”' }));
      for (const size of PHONE_SIZES) {
        await zoe2.setViewportSize(size);
        for (const p of await misfits(zoe2))
          problems.push(`phone suggestion at ${size.width}x${size.height}: ${p}`);
        await capture(zoe2, `lobby-band-phone-suggestion-${size.width}x${size.height}`);
      }
      await offer.click();
      await visible(heading(zoe2, 'You’re in, zoë 2!'));

      // The host's own link is no way in for a PIN: a query PIN is read as well, a wrong one refused.
      const ann = await open(PHONE);
      await ann.goto(`${h.playerUrl}?pin=000000`);
      expect(await ann.getByLabel('PIN').inputValue()).toBe('000000');
      await ann.getByLabel('Nickname').fill('Ann');
      await ann.getByRole('button', { name: 'Join', exact: true }).click();
      await visible(ann.getByText(/PIN/).and(ann.locator('.field__error')));

      await visible(dashboard.locator('.lobby-host__players .count-badge', { hasText: '2' }));
      expect(await fontPx(dashboard, '.lobby-host__players .count-badge')).toBeGreaterThanOrEqual(64);

      // A class of thirty, with the longest names: their names still show beside the join band.
      for (let n = 3; n <= 30; n++) {
        const bot = await RawSocket.hello(`${h.playerUrl.replace('http', 'ws')}ws`);
        bots.push(bot);
        bot.send({ type: 'join', name: longName(n, false), pin: PIN });
        await bot.waitFor('joined');
      }
      await visible(dashboard.locator('.lobby-host__players .count-badge', { hasText: '30' }));

      for (const size of [
        { width: 1280, height: 720 },
        { width: 1920, height: 1080 },
      ]) {
        await dashboard.setViewportSize(size);
        for (const p of await misfits(dashboard)) problems.push(`host at ${size.width}x${size.height}: ${p}`);
        const names = await dashboard.locator('.player-chip').first().boundingBox();
        const card = await dashboard.locator('.lobby-host__players').boundingBox();
        if (!names || !card || names.y + names.height > card.y + card.height)
          problems.push(`host at ${size.width}x${size.height}: no player's name shows in the players card`);
        await capture(dashboard, `lobby-band-host-${size.width}x${size.height}`);
      }
      for (const size of [
        { width: 375, height: 667 },
        { width: 390, height: 844 },
      ]) {
        for (const [name, page] of [
          ['lobby', zoe],
          ['join', ann],
        ] as const) {
          await page.setViewportSize(size);
          for (const p of await misfits(page))
            problems.push(`phone ${name} at ${size.width}x${size.height}: ${p}`);
          await capture(page, `lobby-band-phone-${name}-${size.width}x${size.height}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});
