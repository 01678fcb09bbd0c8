/**
 * Broadcasting to a room where some peers are slow or gone: no compression, a stalled reader never
 * holds up the others, a backlog past the bound gets the stalled peer cut, and a peer that stops
 * answering pings is dropped.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { connect, type Socket } from 'node:net';
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { RATE_PER_SECOND } from '../../src/main/server/connection';
import { MAX_BUFFERED_BYTES } from '../../src/main/server/broadcaster';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';

/** Heartbeats are not what these tests are about (except the one that says so). */
const NO_HEARTBEAT = 3_600_000;

let host: TestHost | null = null;
const sockets: RawSocket[] = [];
const tcp: Socket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  for (const s of tcp.splice(0)) s.destroy();
  await host?.stop();
  host = null;
});

/** The `ws` socket's TCP connection, to stop reading from it as a frozen phone would. */
function tcpOf(raw: RawSocket): Socket {
  return (raw.ws as unknown as { _socket: Socket })._socket;
}

/** A player on a raw socket, joined under `name`. */
async function rawPlayer(h: TestHost, name: string): Promise<{ raw: RawSocket; id: string }> {
  const raw = await RawSocket.hello(h.url);
  sockets.push(raw);
  raw.send({ type: 'join', name });
  const joined = await raw.waitFor('joined');
  return { raw, id: joined.player.id };
}

/** A client frame, masked as RFC 6455 requires of clients. */
function clientFrame(text: string): Buffer {
  const payload = Buffer.from(text);
  const mask = randomBytes(4);
  const head =
    payload.length < 126
      ? Buffer.from([0x81, 0x80 | payload.length])
      : Buffer.from([0x81, 0x80 | 126, payload.length >> 8, payload.length & 0xff]);
  return Buffer.concat([head, mask, payload.map((b, i) => b ^ mask[i % 4]!)]);
}

/** A WebSocket handshake written by hand on a plain TCP socket; the socket is left paused. */
async function handRolledSocket(port: number): Promise<{ socket: Socket; response: string }> {
  const socket = connect(port, '127.0.0.1');
  tcp.push(socket);
  await once(socket, 'connect');
  socket.write(
    [
      'GET /ws HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      'Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits',
      '',
      '',
    ].join('\r\n'),
  );
  let received = Buffer.alloc(0);
  const response = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.pause();
      socket.off('data', onData);
      resolve(received.subarray(0, end).toString('latin1'));
    };
    socket.on('data', onData);
    socket.once('error', reject);
  });
  return { socket, response };
}

/** Host commands per batch: within the burst the flood limit allows. */
const BATCH = 30;

/** The settings broadcasts a client receives, counted as they arrive. */
class SettingsLog {
  readonly values: number[] = [];
  private waiting: { n: number; resolve: () => void } | null = null;

  constructor(c: TestClient) {
    c.client.onMessage((m) => {
      if (m.type !== 'settings') return;
      this.values.push(m.settings.questionSeconds);
      if (this.waiting && this.values.length >= this.waiting.n) {
        this.waiting.resolve();
        this.waiting = null;
      }
    });
  }

  /** Resolves once `n` settings messages have arrived in all. */
  reach(n: number, what: string): Promise<void> {
    if (this.values.length >= n) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Timed out waiting for ${n} settings at ${what} (got ${this.values.length})`)),
        30_000,
      );
      this.waiting = {
        n,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      };
    });
  }
}

describe('broadcast', () => {
  it('does not compress: the upgrade answer carries no extensions, even when the client offers deflate', async () => {
    host = await new TestHost().start();
    const ws = new WebSocket(host.url, { perMessageDeflate: true });
    const headers = new Promise<Record<string, unknown>>((resolve) =>
      ws.once('upgrade', (res) => resolve(res.headers)),
    );
    const opened = once(ws, 'open');
    const raw = await RawSocket.open(host.url, { perMessageDeflate: true });
    sockets.push(raw);
    await opened;
    expect(Object.keys(await headers)).not.toContain('sec-websocket-extensions');
    expect(ws.extensions).toBe('');
    expect(raw.ws.extensions).toBe('');
    ws.terminate();

    const { response } = await handRolledSocket(host.server.port);
    expect(response).toMatch(/^HTTP\/1\.1 101 /);
    expect(response).not.toMatch(/sec-websocket-extensions/i);
  });

  it('keeps the game going for everyone while one player has stopped reading', async () => {
    host = await new TestHost({ settings: { minPlayers: 0 }, heartbeatMs: NO_HEARTBEAT }).start();
    const h = host;
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    const bob = await h.player('Bob');
    const slow = await rawPlayer(h, 'Slow');
    tcpOf(slow.raw).pause();
    const before = slow.raw.messages.length;

    dashboard.client.start();
    await ada.waitFor('countdown');
    h.clock.advance(3000);
    for (let q = 0; q < 3; q++) {
      await ada.waitFor('question', (m) => m.question.index === q);
      await bob.waitFor('question', (m) => m.question.index === q);
      ada.client.answer(q === 2 ? 1 : q);
      bob.client.answer(q === 2 ? 1 : q);
      await ada.waitFor('answer_ack', (m) => m.answer.question === q);
      await bob.waitFor('answer_ack', (m) => m.answer.question === q);
      // Slow is connected and silent: the question runs to its deadline, then on.
      h.clock.advance(10_300);
      await ada.waitFor('reveal', (m) => m.reveal.index === q);
      h.clock.advance(5000);
      if (q < 2) {
        await waitFor(
          () => ada.messages.filter((m) => m.type === 'leaderboard').length === q + 1,
          `leaderboard ${q + 1}`,
        );
        h.clock.advance(5000);
      }
    }
    const finished = await bob.waitFor('finished');
    expect(finished.top.map((r) => [r.name, r.score > 0, r.connected])).toEqual([
      ['Ada', true, true],
      ['Bob', true, true],
      ['Slow', false, true],
    ]);
    // Nothing reached Slow meanwhile, and the host still counts it as connected.
    expect(slow.raw.messages.length).toBe(before);
    expect(h.server.game.players.get(slow.id)?.connected).toBe(true);

    // Once it reads again, it gets the whole game, in order.
    tcpOf(slow.raw).resume();
    await slow.raw.waitFor('finished');
    const seen = slow.raw.messages
      .slice(before)
      .filter((m) => m.type === 'question' || m.type === 'finished')
      .map((m) => (m.type === 'question' ? m.question.index : m.type));
    expect(seen).toEqual([0, 1, 2, 'finished']);
    expect(slow.raw.open).toBe(true);
  });

  it('cuts a player whose unread backlog passes the bound, without holding up the others', async () => {
    host = await new TestHost({ settings: { minPlayers: 0 }, heartbeatMs: NO_HEARTBEAT }).start();
    const h = host;
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    const bob = await h.player('Bob');
    const slow = await rawPlayer(h, 'Slow');
    const adaLog = new SettingsLog(ada);
    const bobLog = new SettingsLog(bob);
    let cutAt: number | null = null;
    let sent = 0;
    h.server.events.on('event', (e) => {
      if (e.kind === 'disconnected' && e.playerId === slow.id) cutAt ??= sent;
    });
    tcpOf(slow.raw).pause();

    // The host changes a setting again and again; each change is broadcast to every player.
    // Game time moves on between batches only so that the host stays under the flood limit.
    const expected: number[] = [];
    const MAX_MESSAGES = 200_000;
    while (cutAt === null) {
      expect(sent, 'the stalled player should have been cut by now').toBeLessThan(MAX_MESSAGES);
      const delivered = Promise.all([adaLog.reach(sent + BATCH, 'Ada'), bobLog.reach(sent + BATCH, 'Bob')]);
      for (let i = 0; i < BATCH; i++) {
        const questionSeconds = 5 + (sent % 200);
        dashboard.client.updateSettings({ questionSeconds });
        expected.push(questionSeconds);
        sent++;
      }
      // Each batch reaches both honest players in full while Slow is not reading at all.
      await delivered;
      h.clock.advance((BATCH / RATE_PER_SECOND) * 1000);
    }

    expect(adaLog.values).toEqual(expected);
    expect(bobLog.values).toEqual(expected);
    const frameBytes = JSON.stringify(ada.messages.find((m) => m.type === 'settings')).length;
    expect(cutAt * frameBytes).toBeGreaterThan(MAX_BUFFERED_BYTES);
    await dashboard.waitView(
      (v) => v.players.some((p) => p.name === 'Slow' && !p.connected),
      'Slow shown as disconnected',
    );
    expect(dashboard.messages.filter((m) => m.type === 'error')).toEqual([]);

    // Slow was cut, not closed politely: reading again, it finds the end of the stream without a
    // close frame, and only part of what the others got.
    tcpOf(slow.raw).resume();
    expect(await slow.raw.waitClose(30_000)).toBe(1006);
    const slowSaw = slow.raw.messages.filter((m) => m.type === 'settings').length;
    expect(slowSaw).toBeLessThan(sent);

    // The game goes on for the others.
    dashboard.client.updateSettings({ questionSeconds: 10 });
    dashboard.client.start();
    await ada.waitFor('countdown');
    h.clock.advance(3000);
    await bob.waitFor('question', (m) => m.question.index === 0);
  }, 120_000);

  it('drops a peer that stops answering pings, and keeps those that answer', async () => {
    host = await new TestHost({ settings: { minPlayers: 0 }, heartbeatMs: 250 }).start();
    const h = host;
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    // A hand-made client: it reads what it gets but never answers a ping.
    const { socket } = await handRolledSocket(h.server.port);
    socket.write(clientFrame(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
    socket.write(clientFrame(JSON.stringify({ type: 'join', name: 'Mute' })));
    const ended = once(socket, 'close');
    socket.resume();
    await dashboard.waitView((v) => v.players.some((p) => p.name === 'Mute' && p.connected), 'Mute to join');
    await dashboard.waitView(
      (v) => v.players.some((p) => p.name === 'Mute' && !p.connected),
      'Mute to be dropped',
    );
    await ended;
    expect(dashboard.view().players.find((p) => p.name === 'Ada')?.connected).toBe(true);
    expect(ada.view().connection).toBe('open');
  });
});
