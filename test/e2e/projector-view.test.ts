/**
 * The projector view (`?view=projector`, what the desktop's projector window loads) in real
 * Chromium against a real headless host: the room's screens as the audience sees them, the join
 * band with its QR code in the lobby, then the question and the answer, with no control of any
 * kind on the page and nothing that scrolls or is cut off at 1280×720 and 1920×1080. The host's
 * own screen drives the game beside it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { choice } from '../support/choice-question';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { E2E_QUIZ } from './support/e2e-host';
import { answer, heading, joinAs, visible } from './support/players';
import { HOST_SIZES, misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

/** Controls on the page a person could see and use (buttons, fields, menus, disclosure widgets). */
const controlsShown = (page: Page) =>
  page.evaluate(() => {
    const g = globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } };
    const found = Array.from(
      g.document.querySelectorAll('button, input, select, textarea, summary, a[href]'),
    ) as { getBoundingClientRect(): { width: number; height: number }; textContent: string | null }[];
    return found
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0;
      })
      .map((el) => (el.textContent ?? '').trim());
  });

async function fitsEverySize(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const size of HOST_SIZES) {
    await page.setViewportSize(size);
    for (const misfit of await misfits(page)) found.push(`${size.width}×${size.height}: ${misfit}`);
  }
  return found;
}

describe('the projector view', () => {
  const { host, open } = useBrowserAndHost({
    settings: { minPlayers: 0, autoAdvance: false, questionSeconds: 60 },
  });

  it('shows the room without a single control, and fits the projector', { timeout: 150_000 }, async () => {
    const h = host();
    const dashboard = await open(PROJECTOR);
    await dashboard.goto(h.hostUrl);
    const projector = await open(PROJECTOR);
    await projector.goto(`${h.hostUrl}&view=projector`);
    const ada = await open(PHONE);
    await joinAs(ada, h.playerUrl, 'Ada');

    // The lobby: where to join, the QR code and who is in; no Start, no settings, no Remove.
    await visible(projector.getByText('Join on your phone or computer'));
    await visible(projector.getByRole('img', { name: /QR code/ }));
    await visible(projector.getByText('Ada'));
    expect(await controlsShown(projector)).toEqual([]);
    await visible(dashboard.getByRole('button', { name: 'Start game' }));
    expect(await fitsEverySize(projector)).toEqual([]);
    await capture(projector, 'projector-lobby');

    // The host starts on the main screen; the projector follows with the question.
    await dashboard.getByRole('button', { name: 'Start game' }).click();
    const q1 = choice(E2E_QUIZ.questions[0]);
    await visible(heading(projector, q1.prompt));
    expect(await controlsShown(projector)).toEqual([]);
    expect(await fitsEverySize(projector)).toEqual([]);
    await capture(projector, 'projector-question');

    await answer(ada, q1.options[q1.correct]!);
    await visible(heading(projector, /^The answer is/));
    expect(await controlsShown(projector)).toEqual([]);
    expect(await fitsEverySize(projector)).toEqual([]);
    await capture(projector, 'projector-reveal');

    // Keys pressed on the projector's page command nothing: the host's screen still shows the reveal.
    await projector.keyboard.press('Space');
    await projector.keyboard.press('e');
    await projector.keyboard.press('e');
    await dashboard.getByRole('button', { name: 'Show leaderboard' }).click();
    await visible(heading(projector, 'Leaderboard'));
    expect(h.server.game.phase).toBe('leaderboard');
    expect(await controlsShown(projector)).toEqual([]);
  });
});
