/**
 * Budgets per address, shared by every socket of that address, over real sockets from several
 * loopback source addresses (Linux routes all of 127/8 to lo, so each 127.0.0.x is a device):
 * new sockets, join attempts, and wrong PINs with their growing wait, the socket closed after a
 * few, and the host told of the burst. The game clock is fake, so waits pass only when the test
 * moves it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { describeEvent } from '../../src/main/headless/event-log';
import { DEFAULT_ADDRESS_LIMITS } from '../../src/main/server/quiz-server';
import { CLOSE_CODES } from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

const hosts: TestHost[] = [];
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const h of hosts.splice(0)) await h.stop();
});

async function startHost(options: ConstructorParameters<typeof TestHost>[0] = {}): Promise<TestHost> {
  const h = new TestHost(options);
  hosts.push(h);
  return h.start();
}

async function guest(h: TestHost, from: string): Promise<RawSocket> {
  const s = await RawSocket.hello(h.url, undefined, { localAddress: from });
  sockets.push(s);
  return s;
}

/** Opens a socket from `from`: 'open' once the handshake is done, 'cut' if the host cut it first. */
function tryOpen(url: string, from: string): Promise<'open' | 'cut'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { localAddress: from });
    ws.once('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.once('error', () => resolve('cut'));
  });
}

describe('budgets per address', () => {
  it('spends one budget of new sockets per address, whatever socket comes next', async () => {
    const h = await startHost();
    const { burst, perSecond } = DEFAULT_ADDRESS_LIMITS.sockets;
    const outcomes: string[] = [];
    for (let i = 0; i < burst + 3; i++) outcomes.push(await tryOpen(h.url, '127.0.0.21'));
    expect(outcomes.slice(0, burst).every((o) => o === 'open')).toBe(true);
    expect(outcomes.slice(burst)).toEqual(['cut', 'cut', 'cut']);
    // Another device is not affected.
    expect(await tryOpen(h.url, '127.0.0.22')).toBe('open');
    // The budget refills with time: one more second, `perSecond` more sockets.
    h.clock.advance(1000);
    for (let i = 0; i < perSecond; i++) expect(await tryOpen(h.url, '127.0.0.21')).toBe('open');
    expect(await tryOpen(h.url, '127.0.0.21')).toBe('cut');
    // Nothing held on to: every socket the host counted is gone again.
    await waitFor(() => h.server.socketCount === 0, 'every socket to be released');
  });

  it('spends one budget of join attempts per address across its sockets', async () => {
    const h = await startHost();
    const { burst } = DEFAULT_ADDRESS_LIMITS.joins;
    const a = await guest(h, '127.0.0.23');
    const b = await guest(h, '127.0.0.23');
    // Names that are refused still spend the budget: half on one socket, the rest on another.
    for (let i = 0; i < burst; i++) (i % 2 ? a : b).send({ type: 'join', name: '' });
    await waitFor(() => a.errors.length + b.errors.length === burst, 'every join attempt to be answered');
    expect([...a.errors, ...b.errors].every((e) => e.code === 'name_invalid')).toBe(true);
    b.send({ type: 'join', name: 'Bea' });
    expect((await b.waitError('rate_limited')).message).toMatch(/join attempts.*try again in/);
    expect(h.server.game.players.size).toBe(0);
    // Another address joins at once.
    const c = await guest(h, '127.0.0.24');
    c.send({ type: 'join', name: 'Cy' });
    expect((await c.waitFor('joined')).player.name).toBe('Cy');
  });

  it('makes wrong PINs wait longer and longer, across sockets, closes the socket, and tells the host', async () => {
    const h = await startHost({ pin: '482913' });
    const lines: string[] = [];
    h.server.events.on('event', (e) => {
      const line = describeEvent(e);
      if (e.kind === 'pin_failures' && line) lines.push(line);
    });
    const dashboard = await h.hostClient();
    const limits = DEFAULT_ADDRESS_LIMITS;
    const from = '127.0.0.25';
    let eve = await guest(h, from);
    const wrong = async (s: RawSocket) => {
      const before = s.errors.length;
      s.send({ type: 'join', name: 'Eve', pin: '000000' });
      await waitFor(() => s.errors.length > before, 'an answer to the PIN');
      return s.errors[s.errors.length - 1]!;
    };
    // The first few are free: a person mistyping is not slowed down.
    for (let i = 0; i < limits.pinFreeFailures; i++) {
      const e = await wrong(eve);
      expect(e.code).toBe('pin_wrong');
      expect(e.message).not.toMatch(/Wait/);
    }
    // Then each one makes the next wait: 2 s, then 4 s.
    expect((await wrong(eve)).message).toMatch(/Wait 2 seconds/);
    // During the wait even the right PIN is not looked at, on this socket or a fresh one.
    eve.send({ type: 'join', name: 'Eve', pin: '482913' });
    expect((await eve.waitError('pin_wait')).message).toMatch(/try again in 2 seconds/);
    const fresh = await guest(h, from);
    fresh.send({ type: 'join', name: 'Eve', pin: '482913' });
    await fresh.waitError('pin_wait');
    h.clock.advance(2000);
    // The fifth wrong PIN closes the socket; the wait has doubled.
    const fifth = await wrong(fresh);
    expect(fifth.message).toMatch(/Wait 4 seconds/);
    expect(await fresh.waitClose()).toBe(CLOSE_CODES.pinFailures);
    eve = await guest(h, from);
    eve.send({ type: 'join', name: 'Eve', pin: '482913' });
    await eve.waitError('pin_wait');
    // The host heard of the burst, on the dashboard.
    const notice = await dashboard.waitFor('notice');
    expect(notice).toMatchObject({ kind: 'pin_failures', count: 5, addresses: 1 });
    expect(dashboard.view().notice?.count).toBe(5);
    // And the headless host's console says it.
    expect(lines).toEqual([
      '! 5 wrong PINs in the last 60 s from 1 address: someone may be guessing the PIN',
    ]);
    // Someone else, on another device, joins with the right PIN at once.
    const ada = await guest(h, '127.0.0.26');
    ada.send({ type: 'join', name: 'Ada', pin: '482913' });
    expect((await ada.waitFor('joined')).player.name).toBe('Ada');
    // After the wait, the right PIN lets Eve in.
    h.clock.advance(4000);
    eve.send({ type: 'join', name: 'Eve', pin: '482913' });
    expect((await eve.waitFor('joined')).player.name).toBe('Eve');
    expect(h.server.game.players.size).toBe(2);
  });
});
