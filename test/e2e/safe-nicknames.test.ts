/**
 * Safe nicknames in real browsers: a generated-names room hands the phone a name it can only
 * redraw; the host removes and blocks a player from the lobby, switches generated names off in
 * the lobby's settings, and the blocked name and a rude one are refused next to the nickname.
 */
import { describe, expect, it } from 'vitest';
import { isFriendlyName } from '../../src/shared/friendly-names';
import { capture } from './support/audit';
import { heading, visible } from './support/players';
import { useBrowserAndHost } from './support/suite';

describe('safe nicknames', () => {
  const { host, open } = useBrowserAndHost({
    settings: { generatedNamesOnly: true, maxPlayersPerAddress: 100 },
  });

  it('generated names, remove and block, and the rude-name filter', { timeout: 120_000 }, async () => {
    const h = host();
    const dashboard = await open();
    await dashboard.goto(h.hostUrl);

    const phone = await open();
    await phone.goto(h.playerUrl);
    const field = phone.getByLabel('Nickname');
    await visible(phone.getByText('This room gives every player a generated name.'));
    expect(await field.getAttribute('readonly')).not.toBeNull();
    const first = await field.inputValue();
    expect(isFriendlyName(first)).toBe(true);
    await phone.getByRole('button', { name: 'Another name' }).click();
    const name = await field.inputValue();
    expect(isFriendlyName(name)).toBe(true);
    await capture(phone, 'player-join-generated-name');
    await phone.getByRole('button', { name: 'Join', exact: true }).click();
    await visible(heading(phone, new RegExp(`in, ${name}!`)));

    await dashboard.getByRole('button', { name: `Remove and block ${name}` }).click();
    await visible(heading(phone, 'You are no longer in the game'));

    // Names may be typed again: the host switches generated names off in the lobby's settings.
    await dashboard.getByText('Game settings').click();
    // A click sends the change; the box shows the host's answer (the settings message) after.
    const generatedOnly = dashboard.getByLabel('Generated names only');
    await generatedOnly.click();
    await expect.poll(() => h.server.game.settings.generatedNamesOnly).toBe(false);
    await expect.poll(() => generatedOnly.isChecked()).toBe(false);

    const other = await open();
    await other.goto(h.playerUrl);
    await other.getByLabel('Nickname').fill(name.toUpperCase());
    await other.getByRole('button', { name: 'Join', exact: true }).click();
    await visible(other.getByText(/The host has blocked the name/).first());
    await other.getByLabel('Nickname').fill('FuckFace');
    await other.getByRole('button', { name: 'Join', exact: true }).click();
    await visible(other.getByText('That nickname is not allowed in this room. Pick another name.').first());
    expect(await other.getByLabel('Nickname').getAttribute('aria-invalid')).toBe('true');
    await capture(other, 'player-join-name-refused');
    await other.getByRole('button', { name: 'Suggest a name' }).click();
    const suggested = await other.getByLabel('Nickname').inputValue();
    expect(isFriendlyName(suggested)).toBe(true);
    await other.getByRole('button', { name: 'Join', exact: true }).click();
    await visible(heading(other, new RegExp(`in, ${suggested}!`)));
    await capture(dashboard, 'host-lobby-remove-and-block');
    expect([...h.scores().keys()]).toEqual([suggested]);
  });
});
