/**
 * A class list in real Chromium against a real headless host. The teacher types the list in the
 * lobby's settings (a repeated name is left out, named by its line); phones search it (accents do
 * not matter) and pick their own name, names picked on another phone are greyed out, and a phone
 * never receives the list's ids. The teacher releases a wrongly picked name from the lobby and the
 * pupil picks again, keeping their seat. In a room that asks for an identifier, phones type it and
 * the host sees it. No phone screen scrolls.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { capture } from './support/audit';
import { PHONE, PROJECTOR } from './support/browser';
import { heading, visible } from './support/players';
import { misfits } from './support/stage-fit';
import { useBrowserAndHost } from './support/suite';

/** Every text frame the page's web socket receives, from now on. */
function framesOf(page: Page): string[] {
  const frames: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))));
  return frames;
}

async function openJoin(page: Page, url: string, nickname: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Nickname').fill(nickname);
}

describe('a class list', () => {
  const { host, open } = useBrowserAndHost({
    settings: { minPlayers: 0, identity: 'roster', roster: [] },
  });

  it(
    'lets each pupil pick their own name once, and the teacher release a wrong pick',
    { timeout: 150_000 },
    async () => {
      const h = host();
      const identityOf = (name: string) =>
        [...h.server.game.players.values()].find((p) => p.name === name)?.identity;
      const dashboard = await open(PROJECTOR);
      await dashboard.goto(h.hostUrl);

      // The teacher types the class list in the lobby's settings; the repeated name on line 4 is left out.
      await dashboard.getByText('Game settings').click();
      await dashboard
        .getByLabel('Class list')
        .fill('Ada Lovelace, S-1001\nZoë Brown, S-1002\nGrace Hopper\nada lovelace, S-1003');
      await dashboard.getByRole('button', { name: 'Use this list' }).click();
      await visible(dashboard.getByText('3 names found. 1 line was left out:'));
      await visible(dashboard.getByText(/^Line 4: /));
      await expect
        .poll(() => h.server.game.settings.roster.map((e) => e.name))
        .toEqual(['Ada Lovelace', 'Zoë Brown', 'Grace Hopper']);
      await visible(dashboard.getByText('0 of 3 from the class list are here'));
      await dashboard.getByText('Game settings').click();

      // Ada's phone: she mistypes into someone else's name ("zoe" finds "Zoë Brown") and joins.
      const ada = await open(PHONE);
      const adaFrames = framesOf(ada);
      await openJoin(ada, h.playerUrl, 'Ada');
      await ada.getByLabel('Find your name').fill('zoe');
      await ada.getByRole('radio', { name: 'Zoë Brown' }).tap();
      await visible(ada.getByText('You are Zoë Brown.'));
      expect(await misfits(ada)).toEqual([]);
      await capture(ada, 'roster-phone-pick');
      await ada.getByRole('button', { name: 'Join', exact: true }).tap();
      await visible(heading(ada, /in, Ada!/));
      await expect.poll(() => identityOf('Ada')).toBe('Zoë Brown');

      // Zoë's phone: her name is taken; joining without a name asks for one.
      const zoe = await open(PHONE);
      const zoeFrames = framesOf(zoe);
      await openJoin(zoe, h.playerUrl, 'Zo');
      await zoe.getByLabel('Find your name').fill('Zo');
      await expect(zoe.getByRole('radio', { name: /Zoë Brown/ }).isDisabled()).resolves.toBe(true);
      await visible(zoe.getByText('taken'));
      await zoe.getByRole('button', { name: 'Join', exact: true }).tap();
      await visible(zoe.getByText('Choose your name from the list.').first());
      expect(identityOf('Zo')).toBeUndefined();

      // The teacher sees who is who, and releases the name Ada picked.
      await visible(dashboard.getByText('Listed as Zoë Brown'));
      await dashboard.getByText('1 of 3 from the class list are here').click();
      await visible(dashboard.getByText('Not here yet'));
      await capture(dashboard, 'roster-lobby');
      await dashboard.getByRole('button', { name: 'Release the name Zoë Brown (picked by Ada)' }).click();
      await expect.poll(() => identityOf('Ada')).toBeUndefined();

      // Ada picks again, in the lobby, keeping her seat; Zoë can now take her own name.
      await visible(ada.getByText('Your teacher released the name you picked. Choose your name again.'));
      await ada.getByLabel('Find your name').fill('ada');
      await ada.getByRole('radio', { name: 'Ada Lovelace' }).tap();
      await ada.getByRole('button', { name: 'That’s me' }).tap();
      await expect.poll(() => identityOf('Ada')).toBe('Ada Lovelace');
      await visible(ada.getByText('You are Ada Lovelace.'));
      expect(await misfits(ada)).toEqual([]);

      await zoe.getByRole('radio', { name: 'Zoë Brown' }).tap();
      await zoe.getByRole('button', { name: 'Join', exact: true }).tap();
      await visible(heading(zoe, /in, Zo!/));
      await expect.poll(() => identityOf('Zo')).toBe('Zoë Brown');
      await visible(dashboard.getByText('2 of 3 from the class list are here'));

      // Nothing a phone received holds an id from the class list.
      const frames = [...adaFrames, ...zoeFrames];
      expect(frames.length).toBeGreaterThan(5);
      expect(frames.filter((f) => f.includes('S-100'))).toEqual([]);
      expect(frames.some((f) => f.includes('Grace Hopper'))).toBe(true);
    },
  );
});

describe('an identifier field', () => {
  const { host, open } = useBrowserAndHost({
    settings: { minPlayers: 0, identity: 'field', identityLabel: 'Student number' },
  });

  it('asks every phone for it, and shows it to the host', { timeout: 120_000 }, async () => {
    const h = host();
    const dashboard = await open(PROJECTOR);
    await dashboard.goto(h.hostUrl);
    const phone = await open(PHONE);
    await openJoin(phone, h.playerUrl, 'Kim');
    await phone.getByRole('button', { name: 'Join', exact: true }).tap();
    await visible(phone.getByText('Fill in “Student number”.').first());
    await phone.getByLabel('Student number').fill('  4711 ');
    await phone.getByRole('button', { name: 'Join', exact: true }).tap();
    await visible(heading(phone, /in, Kim!/));
    await expect
      .poll(() => [...h.server.game.players.values()].find((p) => p.name === 'Kim')?.identity)
      .toBe('4711');
    await visible(dashboard.getByText('Listed as 4711'));
    expect(await misfits(phone)).toEqual([]);
  });
});
