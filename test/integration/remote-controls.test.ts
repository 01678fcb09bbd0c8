/**
 * Remote controls over real sockets: the host's own screen hands its controls to a phone with a
 * one-time pass, the phone drives the game's steps and nothing else, and the host takes them back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuizServer } from '../../src/main/server/quiz-server';
import { PASS_LIFETIME_MS } from '../../src/main/server/remote-controls';
import { CLOSE_CODES, PROTOCOL_VERSION, type ServerMessage } from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';

let host: TestHost | null = null;
const raws: RawSocket[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.destroy();
  await host?.stop();
  host = null;
});

async function started(options: ConstructorParameters<typeof TestHost>[0] = {}) {
  host = await new TestHost({ settings: { minPlayers: 0 }, ...options }).start();
  const dashboard = await host.hostClient();
  return { h: host, dashboard };
}

/** The host's own screen asks for a pass and waits for it. */
async function passFor(dashboard: TestClient): Promise<Extract<ServerMessage, { type: 'remote_pass' }>> {
  const before = dashboard.messages.filter((m) => m.type === 'remote_pass').length;
  dashboard.client.issueRemotePass();
  await dashboard.waitView((v) => v.remotePass !== null, 'a pass');
  return waitFor(() => {
    const passes = dashboard.messages.filter((m) => m.type === 'remote_pass');
    return passes.length > before
      ? (passes.at(-1) as Extract<ServerMessage, { type: 'remote_pass' }>)
      : undefined;
  }, 'a new pass');
}

/** A bare socket that says hello with a pass (or a remote token) and waits for the snapshot. */
async function phone(url: string, hello: { pass?: string; remote?: string }, localAddress?: string) {
  const raw = await RawSocket.open(url, localAddress ? { localAddress } : undefined);
  raws.push(raw);
  raw.send({ type: 'hello', protocol: PROTOCOL_VERSION, ...hello });
  await raw.waitFor('snapshot');
  return raw;
}

describe('remote controls', () => {
  it('hands out a 144-bit pass with the room addresses, valid for two minutes', async () => {
    const { h, dashboard } = await started();
    const pass = await passFor(dashboard);
    expect(Buffer.from(pass.pass, 'base64url').length).toBe(18);
    expect(pass.expiresAt).toBe(h.clock.now() + PASS_LIFETIME_MS);
    expect(pass.urls).toEqual([`http://127.0.0.1:${h.server.port}/?remote=${pass.pass}`]);
    expect(pass.urls[0]).not.toContain(h.server.hostToken);
  });

  it('lets one phone in with a pass, as a host, with its own token; the pass is single use', async () => {
    const { h, dashboard } = await started();
    const { pass } = await passFor(dashboard);
    const first = await phone(h.url, { pass });
    const granted = await first.waitFor('remote_granted');
    expect(granted.token).not.toBe(h.server.hostToken);
    expect(Buffer.from(granted.token, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(first.of('welcome')[0]?.role).toBe('host');
    // A remote does not see the room's PIN and addresses.
    expect(first.of('snapshot')[0]?.access).toBeUndefined();
    const listed = await dashboard.waitView((v) => v.remotes.length === 1, 'the host to list the phone');
    expect(listed.remotes[0]).toMatchObject({ id: granted.id, address: '127.0.0.1', connected: true });

    const second = await phone(h.url, { pass });
    await second.waitError('pass_used');
    expect(second.of('welcome')[0]?.role).toBe('guest');
    expect(second.of('remote_granted')).toHaveLength(0);
  });

  it('refuses a pass after two minutes (by the host clock)', async () => {
    const { h, dashboard } = await started();
    const { pass } = await passFor(dashboard);
    h.clock.advance(PASS_LIFETIME_MS + 1);
    const late = await phone(h.url, { pass });
    await late.waitError('pass_expired');
    expect(late.of('welcome')[0]?.role).toBe('guest');
  });

  it('counts wrong passes on the wrong-PIN budget of the address, then refuses to look', async () => {
    const { h, dashboard } = await started();
    const { pass } = await passFor(dashboard);
    // The default budget: three free failures, then a wait.
    for (let i = 0; i < 3; i++) {
      const guess = await phone(h.url, { pass: `guess-${i}` }, '127.0.0.7');
      await guess.waitError('pass_wrong');
    }
    const fourth = await phone(h.url, { pass: 'guess-3' }, '127.0.0.7');
    await fourth.waitError('pass_wrong');
    // The right pass is not even looked at from this address while it waits...
    const waiting = await phone(h.url, { pass }, '127.0.0.7');
    await waiting.waitError('pass_wait');
    expect(waiting.of('remote_granted')).toHaveLength(0);
    // ...and is still good from another device.
    const other = await phone(h.url, { pass }, '127.0.0.8');
    await other.waitFor('remote_granted');
  });

  it('a remote drives the game: start and Next', async () => {
    const { h, dashboard } = await started();
    const ada = await h.player('Ada');
    const { pass } = await passFor(dashboard);
    const remote = await phone(h.url, { pass });
    remote.send({ type: 'start' });
    await ada.waitFor('countdown');
    h.clock.advance(3000);
    await ada.waitFor('question', (m) => m.question.index === 0);
    remote.send({ type: 'next' });
    await ada.waitFor('reveal');
    expect(remote.errors).toEqual([]);
  });

  it('a remote cannot hand out passes, take controls back, or change the room', async () => {
    const { h, dashboard } = await started();
    const ada = await h.player('Ada');
    const { pass } = await passFor(dashboard);
    const remote = await phone(h.url, { pass });
    const granted = await remote.waitFor('remote_granted');
    remote.send({ type: 'remote_pass' });
    await remote.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'remote_pass');
    remote.send({ type: 'revoke_remote', id: granted.id });
    await remote.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'revoke_remote');
    remote.send({ type: 'settings', settings: { minPlayers: 3 } });
    await remote.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'settings');
    const playerId = ada.view().you!.id;
    remote.send({ type: 'kick', playerId });
    await remote.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'kick');
    expect(remote.of('remote_pass')).toHaveLength(0);
    expect(h.server.game.players.has(playerId)).toBe(true);
    expect(dashboard.view().remotes.map((r) => r.id)).toEqual([granted.id]);
  });

  it('revoking closes the phone with 4009 and its token stops working', async () => {
    const { h, dashboard } = await started();
    const { pass } = await passFor(dashboard);
    const remote = await phone(h.url, { pass });
    const granted = await remote.waitFor('remote_granted');
    dashboard.client.revokeRemote(granted.id);
    await remote.waitError('remote_revoked');
    expect(await remote.waitClose()).toBe(CLOSE_CODES.remoteRevoked);
    await dashboard.waitView((v) => v.remotes.length === 0, 'the list to empty');

    const again = await phone(h.url, { remote: granted.token });
    await again.waitError('remote_revoked');
    expect(again.of('welcome')[0]?.role).toBe('guest');
    again.send({ type: 'next' });
    await again.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'next');
    // Revoking it twice says so.
    dashboard.client.revokeRemote(granted.id);
    await dashboard.waitView((v) => v.error?.code === 'unknown_remote', 'unknown_remote');
    expect(dashboard.view().closedReason).toBeNull();
  });

  it('a player token, a guest or a made-up remote token cannot use remote commands', async () => {
    const { h, dashboard } = await started();
    await passFor(dashboard);
    const ada = await h.player('Ada');
    const adaRaw = await RawSocket.hello(h.url, ada.client.currentToken!);
    raws.push(adaRaw);
    adaRaw.send({ type: 'remote_pass' });
    await adaRaw.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'remote_pass');
    adaRaw.send({ type: 'revoke_remote', id: 'r1' });
    await adaRaw.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'revoke_remote');
    // A player token offered as a remote token is not one.
    const posing = await phone(h.url, { remote: ada.client.currentToken! });
    await posing.waitError('unknown_remote');
    expect(posing.of('welcome')[0]?.role).toBe('guest');
    // Nor is the host token handed out to anyone through a pass.
    expect(posing.messages.some((m) => JSON.stringify(m).includes(h.server.hostToken))).toBe(false);
  });

  it('a remote comes back with its token after a drop, and the phone client does it by itself', async () => {
    const { h, dashboard } = await started();
    const ada = await h.player('Ada');
    const { pass } = await passFor(dashboard);
    const tokens: (string | null)[] = [];
    const remote = h.client(undefined, { remote: { pass }, onRemoteToken: (t) => tokens.push(t) });
    await remote.waitView(
      (v) => v.role === 'host' && v.remoteId !== null && v.ready,
      'the phone to be a remote',
    );
    expect(tokens).toHaveLength(1);
    // The connection drops; the client comes back with its remote token, not the spent pass.
    (remote.client as unknown as { ws: { terminate?: () => void; close: () => void } }).ws.close();
    await dashboard.waitView((v) => v.remotes[0]?.connected === false, 'the phone to be gone');
    await dashboard.waitView((v) => v.remotes[0]?.connected === true, 'the phone to be back');
    expect(remote.messages.filter((m) => m.type === 'error')).toEqual([]);
    remote.client.start();
    await ada.waitFor('countdown');
  });

  it('remote tokens do not outlive a crash of the host: the phone is told to ask for a new code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizroom-remote-'));
    try {
      const { h, dashboard } = await started({ journalDir: dir });
      const { pass } = await passFor(dashboard);
      const remote = await phone(h.url, { pass });
      const { token } = await remote.waitFor('remote_granted');
      const journal = h.server.journalPath!;
      // The host goes down in a way that can be resumed (as after a crash).
      await h.server.close({ resumable: true });
      await h.stop();
      host = null;
      const resumed = QuizServer.resume(journal, {
        port: 0,
        bind: '127.0.0.1',
        staticDir: null,
        clock: h.clock,
      });
      try {
        const port = await resumed.listen();
        const back = await phone(`ws://127.0.0.1:${port}/ws`, { remote: token });
        await back.waitError('unknown_remote');
        expect(back.of('welcome')[0]?.role).toBe('guest');
        // The host token still works after the crash: the host's screen asks for a new code.
        const hostAgain = await RawSocket.hello(`ws://127.0.0.1:${port}/ws`, resumed.hostToken);
        raws.push(hostAgain);
        hostAgain.send({ type: 'remote_pass' });
        await hostAgain.waitFor('remote_pass');
      } finally {
        await resumed.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
