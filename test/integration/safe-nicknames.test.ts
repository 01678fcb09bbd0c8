/**
 * Safe nicknames over real sockets: the swear-word filter and generated-names-only rooms refuse a
 * join with the code the phone shows next to the nickname, the host switches them from its
 * connection, and "Remove and block" keeps the name, its lookalikes and the address seat out.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';

let host: TestHost | null = null;
const raws: RawSocket[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.destroy();
  await host?.stop();
  host = null;
});

async function guest(url: string): Promise<RawSocket> {
  const socket = await RawSocket.hello(url);
  raws.push(socket);
  return socket;
}

describe('safe nicknames', () => {
  it('refuses a rude name until the host turns the filter off', async () => {
    host = await new TestHost({ settings: { minPlayers: 0 } }).start();
    const dashboard = await host.hostClient();
    const rude = await guest(host.url);
    rude.send({ type: 'join', name: 'Sh1tHead' });
    expect((await rude.waitError('name_profane')).ref).toBe('join');
    expect(host.server.game.players.size).toBe(0);

    dashboard.client.updateSettings({ profanityFilter: false });
    await rude.waitFor('settings', (m) => !m.settings.profanityFilter);
    rude.send({ type: 'join', name: 'Sh1tHead' });
    expect((await rude.waitFor('joined')).player.name).toBe('Sh1tHead');
  });

  it('takes only generated names in a room set that way, and tells guests so', async () => {
    host = await new TestHost({ settings: { minPlayers: 0, generatedNamesOnly: true } }).start();
    const phone = await guest(host.url);
    expect((await phone.waitFor('snapshot')).settings.generatedNamesOnly).toBe(true);
    phone.send({ type: 'join', name: 'Ada' });
    expect((await phone.waitError('name_not_generated')).message).toMatch(/generated names only/);
    phone.send({ type: 'join', name: 'Clever Otter' });
    expect((await phone.waitFor('joined')).player.name).toBe('Clever Otter');
  });

  it('remove and block: the name, its lookalikes and the address seat stay out', async () => {
    host = await new TestHost({ settings: { minPlayers: 0, maxPlayersPerAddress: 1 } }).start();
    const dashboard = await host.hostClient();
    const ada = await guest(host.url);
    ada.send({ type: 'join', name: 'Ada' });
    const joined = await ada.waitFor('joined');
    await dashboard.waitView((v) => v.players.length === 1, 'Ada on the roster');

    dashboard.client.kick(joined.player.id, true);
    expect((await ada.waitError('kicked')).ref).toBeUndefined();
    expect(await ada.waitClose()).toBe(CLOSE_CODES.kicked);
    await dashboard.waitView((v) => v.players.length === 0, 'Ada off the roster');

    // Her token is dead, her name (in any disguise) is blocked, and her address's one seat is hers.
    const back = await RawSocket.open(host.url);
    raws.push(back);
    back.send({ type: 'hello', protocol: 1, token: joined.token });
    await back.waitError('unknown_token');
    back.send({ type: 'join', name: '\u0410DA' });
    expect((await back.waitError('name_blocked')).message).toMatch(/blocked the name/);
    back.send({ type: 'join', name: 'Grace' });
    await back.waitError('address_full');
    expect(host.server.game.players.size).toBe(0);
  });
});
