/**
 * Refusals that a person can act on: PIN missing or wrong, a nickname that looks like one in the
 * room, a full room, and being removed by the host; and a game that has started, which is no
 * refusal: the latecomer is in for the next game.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { capture } from './support/audit';
import { heading, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';

describe('joining a room that says no', () => {
  const { host, open } = useBrowserAndHost({ pin: '482913', settings: { maxPlayers: 2 } });

  async function tryJoin(page: Page, name: string, pin: string): Promise<void> {
    await page.getByLabel('Nickname').fill(name);
    await page.getByLabel('PIN').fill(pin);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
  }

  it('explains each refusal and lets the person fix it', { timeout: 120_000 }, async () => {
    const h = host();
    const dashboard = await open();
    await dashboard.goto(h.hostUrl);
    await visible(dashboard.getByText('482913'));

    const ada = await open();
    await ada.goto(h.playerUrl);
    await tryJoin(ada, 'Ada', '');
    await visible(ada.getByText('This room needs a PIN.').first());
    expect(await ada.getByLabel('PIN').getAttribute('aria-invalid')).toBe('true');
    await capture(ada, 'player-join-pin-required');

    await tryJoin(ada, 'Ada', '111111');
    await visible(ada.getByText('That PIN is not right.').first());
    await tryJoin(ada, 'Ada', '482913');
    await visible(heading(ada, /in, Ada!/));

    const second = await open();
    await second.goto(h.playerUrl);
    await tryJoin(second, 'ADA', '482913');
    await visible(second.getByText(/looks the same as a player already here: .Ada./).first());
    expect(await second.getByLabel('Nickname').getAttribute('aria-invalid')).toBe('true');
    await capture(second, 'player-join-name-taken');
    await tryJoin(second, 'Bob', '482913');
    await visible(heading(second, /in, Bob!/));

    const third = await open();
    await third.goto(h.playerUrl);
    await tryJoin(third, 'Cy', '482913');
    await visible(third.getByText('This room is full.'));

    // The host removes Bob: his screen says so, and there is room again.
    await dashboard.getByRole('button', { name: 'Remove Bob' }).click();
    await visible(heading(second, 'You are no longer in the game'));
    await visible(second.getByText('The host removed you from the game.'));
    await capture(second, 'player-kicked');

    await dashboard.getByRole('button', { name: 'Start game' }).click();
    await expect.poll(() => h.server.phase, { timeout: 10_000 }).toBe('question');
    await tryJoin(third, 'Cy', '482913');
    await visible(heading(third, 'You’re in for the next game, Cy!'));
    await visible(third.getByText('Friday quiz').first());
    await capture(third, 'player-join-waiting');
    expect([...h.scores().keys()]).toEqual(['Ada']);
  });
});
