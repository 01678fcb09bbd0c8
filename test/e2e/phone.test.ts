/**
 * A player on a phone-sized screen (390x844, touch) joins and plays a question; the phone vibrates
 * only when its player asks for it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LOCK_BUZZ, WRONG_BUZZ } from '../../src/renderer/phone/buzz-patterns';
import { capture } from './support/audit';
import { DESKTOP, PHONE } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import type { PageGlobals } from './support/page-globals';
import { heading, joinAs, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';
import { choice } from '../support/choice-question';

describe('on a phone', () => {
  const { host, open } = useBrowserAndHost({ settings: { countdownSeconds: 1 } });

  it('joins and answers a question by touch on a 390x844 screen', { timeout: 120_000 }, async () => {
    const h = host();
    const dashboard = await open(DESKTOP);
    const page = await open(PHONE);
    await dashboard.goto(h.hostUrl);

    await page.goto(h.playerUrl);
    await page.getByLabel('Nickname').tap();
    await page.getByLabel('Nickname').fill('Zoë');
    await capture(page, 'phone-join');
    await page.getByRole('button', { name: 'Join', exact: true }).tap();
    await visible(heading(page, /in, Zoë!/));
    await capture(page, 'phone-lobby');

    await dashboard.getByRole('button', { name: 'Start game' }).click();
    const q = choice(E2E_QUIZ.questions[0]);
    await visible(heading(page, q.prompt));
    await capture(page, 'phone-question');

    // The options fit the screen's width: nothing to scroll sideways.
    expect(
      await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    for (const option of q.options) {
      const box = await page.getByRole('button', { name: option, exact: true }).boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
    // No keyboard, no keycaps.
    expect(await page.locator('.option__key').first().isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Pacific Ocean', exact: true }).tap();
    await visible(heading(page, /^The answer is/));
    await visible(page.getByText('Correct!'));
    await capture(page, 'phone-reveal');
    expect(h.scores().get('Zoë')).toBeGreaterThan(0);

    await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
    await visible(heading(page, 'Leaderboard'));
    await capture(page, 'phone-leaderboard');
  });
});

describe('vibration on a phone', () => {
  const { host, open } = useBrowserAndHost({ settings: { countdownSeconds: 0 } });

  async function buzzes(page: Page): Promise<unknown[]> {
    return page.evaluate(() => (globalThis as unknown as { __buzz: unknown[] }).__buzz);
  }

  it(
    'stays off until the player turns it on, then buzzes when the answer locks and when the result comes',
    { timeout: 120_000 },
    async () => {
      const h = host();
      const dashboard = await open(DESKTOP);
      await dashboard.goto(h.hostUrl);
      const page = await open(PHONE);
      // Stands in for the phone's motor: records each pattern asked for.
      await page.context().addInitScript({
        content:
          'globalThis.__buzz = []; navigator.vibrate = (p) => { globalThis.__buzz.push(p); return true; };',
      });
      await joinAs(page, h.playerUrl, 'Zoë');
      const toggle = page.getByRole('button', { name: 'Vibrate' });
      expect(await toggle.getAttribute('aria-pressed')).toBe('false');

      await dashboard.getByRole('button', { name: 'Start game' }).click();
      const [q1, q2] = E2E_QUIZ.questions;
      await visible(heading(page, q1!.prompt));
      await page.getByRole('button', { name: 'Pacific Ocean', exact: true }).tap();
      await visible(heading(page, /^The answer is/));
      expect(await buzzes(page)).toEqual([]);

      await toggle.tap();
      expect(await toggle.getAttribute('aria-pressed')).toBe('true');
      expect(await buzzes(page)).toEqual([LOCK_BUZZ]);
      await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
      await dashboard.getByRole('button', { name: 'Next question' }).click();
      await visible(heading(page, q2!.prompt));
      await page.getByRole('button', { name: 'Sydney', exact: true }).tap();
      await visible(page.getByText('Not this time'));
      await expect.poll(() => buzzes(page)).toEqual([LOCK_BUZZ, LOCK_BUZZ, WRONG_BUZZ]);

      // The setting stays on the phone.
      await page.reload();
      expect(await page.getByRole('button', { name: 'Vibrate' }).getAttribute('aria-pressed')).toBe('true');
    },
  );
});
