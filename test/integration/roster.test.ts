/**
 * Identity over real sockets (settings `identity`), as a pupil who wants to be someone else would
 * try it: a class-list name taken is refused to a second phone, a name not on the list too, the
 * typed identifier is checked, the host frees a name and the pupil picks again, a reconnect and a
 * resumed host keep it, the identity settings are locked once the game has started, and no phone
 * ever receives the class list's ids (every message a player or guest received is read).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RosterEntry, ServerMessage } from '../../src/shared/protocol';
import { QuizServer } from '../../src/main/server/quiz-server';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

let host: TestHost | null = null;
const sockets: RawSocket[] = [];
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await host?.stop();
  host = null;
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ROSTER: RosterEntry[] = [
  { name: 'Zoë Müller', id: 'S-1001' },
  { name: 'Ada Lovelace', id: 'S-1002' },
  { name: 'Ben Okafor', id: 'S-1003' },
  { name: 'Chloé Martin' },
];
const ROSTER_SETTINGS = { minPlayers: 0, countdownSeconds: 0, identity: 'roster' as const, roster: ROSTER };
const IDS = ['S-1001', 'S-1002', 'S-1003'];

async function socket(url: string, token?: string): Promise<RawSocket> {
  const s = await RawSocket.hello(url, token);
  sockets.push(s);
  return s;
}

async function joinAs(s: RawSocket, name: string, identity?: string): Promise<string> {
  s.send({ type: 'join', name, ...(identity === undefined ? {} : { identity }) });
  const joined = await s.waitFor('joined');
  return joined.player.id;
}

/** A `player_count` (batched on the host's clock, which the test moves on) that matches. */
function counted(s: RawSocket, match: (m: Extract<ServerMessage, { type: 'player_count' }>) => boolean) {
  return waitFor(() => {
    host?.clock.advance(100);
    return s.of('player_count').find(match);
  }, 'a matching "player_count" message');
}

/** No message a phone received names an id of the class list, or the list itself. */
function expectNoRosterLeak(messages: readonly ServerMessage[]): void {
  const text = JSON.stringify(messages);
  for (const id of IDS) expect(text).not.toContain(id);
  for (const m of messages)
    if (m.type === 'snapshot' || m.type === 'settings') expect(m.settings.roster).toEqual([]);
}

describe('identity over real sockets', () => {
  it('gives each class-list name to one phone, refuses unknown names, and never sends the ids', async () => {
    host = await new TestHost({ settings: ROSTER_SETTINGS }).start();
    const dashboard = await host.hostClient();
    expect(dashboard.view().settings.roster).toEqual(ROSTER);

    const guest = await socket(host.url);
    const snap = guest.of('snapshot')[0]!;
    expect(snap.rosterNames).toEqual(['Ada Lovelace', 'Ben Okafor', 'Chloé Martin', 'Zoë Müller']);
    expect(snap.claimedNames).toEqual([]);

    // A name typed without its accents and in another case is the list's name, as the list spells it.
    const zoe = await socket(host.url);
    const zoeId = await joinAs(zoe, 'Zed', '  zoe MULLER ');
    expect(host.server.game.players.get(zoeId)?.identity).toBe('Zoë Müller');
    await counted(guest, (m) => m.claimedNames?.includes('Zoë Müller') === true);
    await dashboard.waitView(
      (v) => v.players.find((p) => p.id === zoeId)?.identity === 'Zoë Müller',
      'the host to see whose phone it is',
    );

    // A second phone cannot be Zoë, however it writes her name; nor someone not on the list.
    const mallory = await socket(host.url);
    mallory.send({ type: 'join', name: 'Mallory', identity: 'ZOË MÜLLER' });
    expect((await mallory.waitError('identity_taken')).ref).toBe('join');
    mallory.send({ type: 'join', name: 'Mallory', identity: 'Eve Hacker' });
    await mallory.waitError('identity_unknown');
    mallory.send({ type: 'join', name: 'Mallory' });
    await waitFor(() => (mallory.errors.length >= 3 ? true : undefined), 'a third refusal');
    expect(mallory.errors[2]!.code).toBe('identity_unknown');
    // Longer than the wire allows: refused by the schema, nothing changes.
    mallory.send({ type: 'join', name: 'Mallory', identity: 'x'.repeat(61) });
    await mallory.waitError('invalid_message');
    expect(host.server.game.players.size).toBe(1);
    // A player cannot free anyone's name: that is the host's.
    const benId = await joinAs(mallory, 'Mal', 'Ben Okafor');
    mallory.send({ type: 'release_identity', playerId: zoeId });
    await mallory.waitError('forbidden');
    // Nor give themselves a second name.
    mallory.send({ type: 'identity', identity: 'Ada Lovelace' });
    expect((await mallory.waitError('identity_invalid')).ref).toBe('identity');
    expect(host.server.game.players.get(benId)?.identity).toBe('Ben Okafor');

    // The host's standings carry identities; the top every phone sees does not.
    dashboard.client.start();
    await zoe.waitFor('question');
    dashboard.client.end();
    await zoe.waitFor('finished');
    await dashboard.waitView((v) => v.standings.length === 2, 'the standings');
    expect(
      dashboard
        .view()
        .standings.map((r) => r.identity)
        .sort(),
    ).toEqual(['Ben Okafor', 'Zoë Müller']);
    for (const m of zoe.of('finished')) for (const row of m.top) expect(row.identity).toBeUndefined();

    for (const s of [guest, zoe, mallory]) expectNoRosterLeak(s.messages);
    // The names taken go to guests, who pick from them; a player who has joined gets the count alone.
    expect(zoe.of('player_count').length).toBeGreaterThan(0);
    for (const m of zoe.of('player_count')) expect(m.claimedNames).toBeUndefined();
  });

  it('frees a name for the host: the pupil is told, picks again, and the name is free for the right one', async () => {
    host = await new TestHost({ settings: ROSTER_SETTINGS }).start();
    const dashboard = await host.hostClient();
    const ben = await socket(host.url);
    const benId = await joinAs(ben, 'Ben', 'Ada Lovelace');
    const ada = await socket(host.url);
    ada.send({ type: 'join', name: 'Ada', identity: 'Ada Lovelace' });
    await ada.waitError('identity_taken');

    dashboard.client.releaseIdentity(benId);
    const released = await ben.waitFor('identity_released');
    expect(released.claimedNames).toEqual([]);
    // Ben had a name, so his snapshot had no list: the release brings it, names only.
    expect(released.rosterNames).toContain('Ada Lovelace');
    expect(JSON.stringify(released)).not.toMatch(/"id"/);
    expect(host.server.game.players.get(benId)?.identity).toBeUndefined();
    await counted(ada, (m) => m.claimedNames?.length === 0);
    const adaId = await joinAs(ada, 'Ada', 'ada lovelace');
    ben.send({ type: 'identity', identity: 'Ada Lovelace' });
    expect((await ben.waitError('identity_taken')).ref).toBe('identity');
    ben.send({ type: 'identity', identity: 'Ben Okafor' });
    await waitFor(
      () => (host!.server.game.players.get(benId)?.identity === 'Ben Okafor' ? true : undefined),
      'Ben to have his name',
    );
    expect(host.server.game.players.get(adaId)?.identity).toBe('Ada Lovelace');
    // Freeing the name of nobody is refused with the usual code.
    dashboard.client.releaseIdentity('p999');
    await dashboard.waitFor('error', (m) => m.code === 'unknown_player' && m.ref === 'release_identity');
    expectNoRosterLeak([...ben.messages, ...ada.messages]);
  });

  it('asks for a typed identifier, checks it, and shows it to the host only', async () => {
    host = await new TestHost({
      settings: { minPlayers: 0, identity: 'field', identityLabel: 'Student number' },
    }).start();
    const dashboard = await host.hostClient();
    const s = await socket(host.url);
    expect(s.of('snapshot')[0]!.settings.identityLabel).toBe('Student number');
    s.send({ type: 'join', name: 'Ada' });
    expect((await s.waitError('identity_invalid')).message).toMatch(/Student number/);
    s.send({ type: 'join', name: 'Ada', identity: '   ' });
    await waitFor(() => (s.errors.length >= 2 ? true : undefined), 'a second refusal');
    s.send({ type: 'join', name: 'Ada', identity: '12\u202e34' });
    await waitFor(() => (s.errors.length >= 3 ? true : undefined), 'a third refusal');
    s.send({ type: 'join', name: 'Ada', identity: 'x'.repeat(41) });
    await waitFor(() => (s.errors.length >= 4 ? true : undefined), 'a fourth refusal');
    expect(s.errors.map((e) => e.code)).toEqual(Array(4).fill('identity_invalid'));
    const adaId = await joinAs(s, 'Ada', ' 2024-117 ');
    await dashboard.waitView(
      (v) => v.players.find((p) => p.id === adaId)?.identity === '2024-117',
      'the host to see the number',
    );
    // Another phone never hears Ada's number.
    const other = await socket(host.url);
    await joinAs(other, 'Ben', '2024-118');
    await counted(other, (m) => m.count === 2);
    expect(JSON.stringify(other.messages)).not.toContain('2024-117');
  });

  it('keeps the identity over a reconnect and a resumed host', async () => {
    const journalDir = mkdtempSync(join(tmpdir(), 'quizroom-roster-'));
    cleanups.push(() => rmSync(journalDir, { recursive: true, force: true }));
    host = await new TestHost({ settings: ROSTER_SETTINGS, journalDir }).start();
    const zoe = await socket(host.url);
    const zoeId = await joinAs(zoe, 'Zed', 'Zoë Müller');
    const token = (await zoe.waitFor('joined')).token;
    zoe.destroy();
    const back = await socket(host.url, token);
    const snap = back.of('snapshot')[0]!;
    expect(snap.you?.identity).toBe('Zoë Müller');
    // She has her name: her phone needs no list to pick from.
    expect(snap.rosterNames).toBeUndefined();
    expect(snap.claimedNames).toBeUndefined();

    const path = host.server.journalPath!;
    await host.server.close({ resumable: true });
    host = null;
    const resumed = QuizServer.resume(path, { port: 0, bind: '127.0.0.1', staticDir: null });
    cleanups.push(() => resumed.close());
    expect(resumed.game.players.get(zoeId)?.identity).toBe('Zoë Müller');
    expect(resumed.game.settings.roster).toEqual(ROSTER);
    const port = await resumed.listen();
    const again = await socket(`ws://127.0.0.1:${port}/ws`, token);
    expect(again.of('snapshot')[0]!.you?.identity).toBe('Zoë Müller');
    expectNoRosterLeak([...back.messages, ...again.messages]);
  });

  it('changes the identity settings in the lobby only, and takes back names no longer on the list', async () => {
    host = await new TestHost({ settings: ROSTER_SETTINGS }).start();
    const dashboard = await host.hostClient();
    const ben = await socket(host.url);
    const benId = await joinAs(ben, 'Ben', 'Ben Okafor');
    const zoe = await socket(host.url);
    const zoeId = await joinAs(zoe, 'Zed', 'Zoë Müller');
    // A new list without Ben: Ben picks again; Zoë keeps her name.
    const next = ROSTER.filter((e) => e.name !== 'Ben Okafor');
    dashboard.client.send({ type: 'settings', settings: { roster: next } });
    await ben.waitFor('identity_released');
    await ben.waitFor('settings', (m) => m.rosterNames?.length === 3);
    expect(host.server.game.players.get(benId)?.identity).toBeUndefined();
    expect(host.server.game.players.get(zoeId)?.identity).toBe('Zoë Müller');
    await dashboard.waitView((v) => v.settings.roster.length === 3, 'the host to get the new list');
    // A duplicate name (in another case) is refused by the schema.
    dashboard.client.send({
      type: 'settings',
      settings: { roster: [{ name: 'Ada' }, { name: 'ADA' }] },
    });
    await dashboard.waitFor('error', (m) => m.code === 'invalid_message' && m.ref === 'settings');

    dashboard.client.start();
    await zoe.waitFor('question');
    dashboard.client.send({ type: 'settings', settings: { identity: 'field' } });
    await dashboard.waitFor('error', (m) => m.code === 'wrong_phase' && m.ref === 'settings');
    dashboard.client.send({ type: 'settings', settings: { roster: ROSTER } });
    await waitFor(
      () =>
        dashboard.messages.filter((m) => m.type === 'error' && m.code === 'wrong_phase').length >= 2
          ? true
          : undefined,
      'the second refusal',
    );
    expect(host.server.game.settings.identity).toBe('roster');
    expect(host.server.game.settings.roster).toEqual(next);
    expectNoRosterLeak([...ben.messages, ...zoe.messages]);
  });
});
