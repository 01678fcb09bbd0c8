/** A player on a phone-sized screen (390x844, touch) joins and plays a question. */
import { describe, expect, it } from 'vitest';
import { capture } from './support/audit';
import { DESKTOP, PHONE } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import type { PageGlobals } from './support/page-globals';
import { heading, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';

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
    const q = E2E_QUIZ.questions[0]!;
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
