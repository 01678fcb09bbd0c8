/**
 * Floods: a client that sends thousands of messages a second, a client that opens hundreds of
 * sockets from one address, and clients that never read. Each is limited or disconnected, while
 * honest players keep getting every message, in order. How much the honest players were delayed
 * is measured and printed (see docs/reliability.md), not asserted: it depends on the machine.
 *
 * The attackers of the first two run in a child process (test/support/attacker-process.ts), so
 * that their own work is not charged to the host's event loop.
 */
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/server/clock';
import { RATE_PER_SECOND } from '../../src/main/server/connection';
import { MAX_BUFFERED_BYTES } from '../../src/main/server/broadcaster';
import { HTTP_SOCKET_SLACK } from '../../src/main/server/admission';
import { DEFAULT_ADDRESS_LIMITS, UNLIMITED, type QuizServerOptions } from '../../src/main/server/quiz-server';
import { CLOSE_CODES } from '../../src/shared/protocol';
import { Attacker } from '../support/attacker';
import type { FloodResult, SocketsDone, SocketsHolding } from '../support/attacker-process';
import { RawSocket } from '../support/raw-socket';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';
import { delaySummary, type DelaySummary } from '../../bench/percentiles';

const NO_HEARTBEAT = 3_600_000;
/** The host changes a setting this often while measuring: each change is broadcast to everyone. */
const PROBE_EVERY_MS = 100;

let host: TestHost | null = null;
const attackers: Attacker[] = [];
const raws: RawSocket[] = [];

afterEach(async () => {
  for (const a of attackers.splice(0)) await a.stop();
  for (const r of raws.splice(0)) r.destroy();
  await host?.stop();
  host = null;
});

function report(name: string, values: Record<string, unknown>): void {
  console.log(`[reliability] floods ${name} ${JSON.stringify(values)}`);
}

/**
 * Measures what honest players see: the host dashboard changes a setting every 100 ms (under its
 * own rate limit), and each player notes when each broadcast arrives; each player also pings the
 * host (QuizClient pings) and notes the round trip.
 */
class HonestProbe {
  private readonly sent: { value: number; at: number }[] = [];
  private readonly got = new Map<TestClient, { value: number; at: number }[]>();
  private readonly rtts = new Map<TestClient, number[]>();
  private readonly firstIndex = new Map<TestClient, number>();
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;

  constructor(
    private readonly dashboard: TestClient,
    private readonly players: TestClient[],
  ) {
    for (const p of players) this.watch(p);
  }

  /** Measures `p` too, from the next broadcast on (for a player who joins while measuring). */
  watch(p: TestClient): void {
    if (this.got.has(p)) return;
    this.got.set(p, []);
    this.firstIndex.set(p, this.sent.length);
    this.rtts.set(p, []);
    p.client.onMessage((m) => {
      const now = performance.now();
      if (m.type === 'settings') this.got.get(p)!.push({ value: m.settings.questionSeconds, at: now });
      if (m.type === 'pong') this.rtts.get(p)!.push(Date.now() - m.t);
    });
    if (!this.players.includes(p)) this.players.push(p);
  }

  start(): void {
    this.timer = setInterval(() => {
      const value = 5 + (this.seq++ % 236);
      this.sent.push({ value, at: performance.now() });
      this.dashboard.client.updateSettings({ questionSeconds: value });
    }, PROBE_EVERY_MS);
  }

  /** Stops sending, waits for every player to have every broadcast, and returns the delays. */
  async stop(what: string): Promise<{ broadcastMs: DelaySummary; pingRttMs: DelaySummary }> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const sent = this.sent.splice(0);
    const delays: number[] = [];
    for (const p of this.players) {
      const got = this.got.get(p)!;
      const first = this.firstIndex.get(p) ?? 0;
      this.firstIndex.set(p, 0);
      await waitFor(
        () => got.length >= sent.length - first,
        `every broadcast to reach ${p.view().you?.name} (${what})`,
        30_000,
      );
      // Every message, in order, nothing else (one who joined meanwhile: every one since).
      const expected = sent.slice(sent.length - got.length);
      expect(got.map((g) => g.value)).toEqual(expected.map((s) => s.value));
      expected.forEach((s, i) => delays.push(got[i]!.at - s.at));
      got.length = 0;
    }
    const rtts = [...this.rtts.values()].flatMap((r) => r.splice(0));
    return { broadcastMs: delaySummary(delays), pingRttMs: delaySummary(rtts) };
  }

  /** Runs the probe until `done` settles. */
  async during<T>(what: string, done: Promise<T>) {
    this.start();
    const value = await done.finally(() => this.timer && clearInterval(this.timer));
    return { value, delays: await this.stop(what) };
  }
}

/** A real-time host with a dashboard and honest players, pinging every 100 ms. */
async function honestRoom(
  options: Pick<QuizServerOptions, 'maxConnectionsPerAddress' | 'addressLimits'> = {},
) {
  host = await new TestHost({
    clock: systemClock,
    heartbeatMs: NO_HEARTBEAT,
    settings: { minPlayers: 0 },
    ...options,
  }).start();
  const h = host;
  const dashboard = await h.hostClient();
  const players: TestClient[] = [];
  for (const name of ['Ada', 'Bob', 'Cy', 'Dee']) players.push(await joinAs(h, name));
  return { h, dashboard, players, probe: new HonestProbe(dashboard, players) };
}

async function joinAs(h: TestHost, name: string): Promise<TestClient> {
  const c = h.client(undefined, { pingEveryMs: 100 });
  await c.waitView((v) => v.ready, `${name} to connect`);
  c.client.join(name);
  await c.waitView((v) => v.you?.name === name, `${name} to join`);
  return c;
}

function expectUntroubled(dashboard: TestClient, players: TestClient[]): void {
  for (const c of [dashboard, ...players]) {
    expect(c.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(c.view().connection).toBe('open');
  }
}

describe('floods', () => {
  it('warns a client sending thousands of messages a second, then disconnects it with 4003', async () => {
    const { h, dashboard, players, probe } = await honestRoom();
    const baseline = await probe.during('baseline', new Promise((r) => setTimeout(r, 2000)));

    const attack = Attacker.start({
      mode: 'flood',
      url: h.url,
      connections: 10,
      perSecond: 2000,
      durationMs: 4000,
    });
    attackers.push(attack);
    const { value: flood, delays } = await probe.during('message flood', attack.next<FloodResult>('done'));

    const cut = flood.closeCodes[CLOSE_CODES.flood] ?? 0;
    report('message-flood', {
      attack: '10 sockets x 2000 msg/s for 4 s, a new socket whenever one is cut',
      ...flood,
      baseline: baseline.delays,
      underAttack: delays,
    });
    // Every flooding socket was cut by the host (4003) after a warning, except those the
    // attacker dropped itself (1006) when its time was up.
    expect(cut).toBeGreaterThanOrEqual(flood.connections - 10);
    expect(Object.keys(flood.closeCodes).every((c) => c === '4003' || c === '1006')).toBe(true);
    expect(flood.warnedBeforeClose).toBeGreaterThanOrEqual(cut);
    expect(flood.sent / 4).toBeGreaterThan(1000);
    expectUntroubled(dashboard, players);
  }, 60_000);

  it('limits a flood of the largest messages a guest can send the same way', async () => {
    const { h, dashboard, players, probe } = await honestRoom();
    const baseline = await probe.during('baseline', new Promise((r) => setTimeout(r, 2000)));

    const attack = Attacker.start({
      mode: 'flood',
      url: h.url,
      connections: 4,
      perSecond: 1000,
      durationMs: 4000,
      heavy: true,
    });
    attackers.push(attack);
    const { value: flood, delays } = await probe.during('heavy flood', attack.next<FloodResult>('done'));

    const cut = flood.closeCodes[CLOSE_CODES.flood] ?? 0;
    report('heavy-flood', {
      attack:
        '4 sockets x 1000 msg/s for 4 s, every 4th a 15 KB new_game quiz; a new socket whenever one is cut',
      ...flood,
      baseline: baseline.delays,
      underAttack: delays,
    });
    expect(cut).toBeGreaterThanOrEqual(flood.connections - 4);
    expect(Object.keys(flood.closeCodes).every((c) => c === '4003' || c === '1006')).toBe(true);
    expectUntroubled(dashboard, players);
    expect(h.server.game.quiz.title).toBe('Test quiz');
  }, 60_000);

  it('refuses sockets past the per-address cap with 4006, while players from elsewhere still join', async () => {
    const CAP = 32;
    // The address's budget of new sockets is lifted here: this is about how many it may hold.
    const { h, dashboard, players, probe } = await honestRoom({
      maxConnectionsPerAddress: CAP,
      addressLimits: { ...DEFAULT_ADDRESS_LIMITS, sockets: UNLIMITED },
    });
    const rejected: string[] = [];
    h.server.events.on('event', (e) => e.kind === 'rejected' && rejected.push(e.address));
    const baseline = await probe.during('baseline', new Promise((r) => setTimeout(r, 2000)));

    const attack = Attacker.start({ mode: 'sockets', url: h.url, localAddress: '127.0.0.66', count: 300 });
    attackers.push(attack);
    probe.start();
    const holding = await attack.next<SocketsHolding>('holding');
    // While the attacker holds its sockets, two more players join from another address.
    const late = [await joinAs(h, 'Eve'), await joinAs(h, 'Fay')];
    for (const p of late) probe.watch(p);
    const underAttack = await probe.stop('socket flood');
    attack.command('release');
    const done = await attack.next<SocketsDone>('done');

    report('socket-flood', {
      attack: `300 sockets at once from 127.0.0.66, cap ${CAP} per address`,
      ...holding,
      ...done,
      baseline: baseline.delays,
      underAttack,
    });
    expect(holding.accepted).toBe(CAP);
    // Past the cap (and a few sockets of slack for page loads) sockets are cut at their first
    // byte (1006); those that got as far as an upgrade are told why and closed with 4006.
    const told = holding.closeCodes[CLOSE_CODES.tooManyConnections] ?? 0;
    expect(told + (holding.closeCodes[1006] ?? 0)).toBe(300 - CAP);
    expect(told).toBeLessThanOrEqual(HTTP_SOCKET_SLACK);
    expect(holding.errorCodes).toEqual(told ? { too_many_connections: told } : {});
    expect(rejected).toEqual(Array.from({ length: told }, () => '127.0.0.66'));
    // The count is per address and is given back: once the attacker let go, its address may connect again.
    expect(done.reopenWelcomed).toBe(true);
    expectUntroubled(dashboard, [...players, ...late]);
    expect(h.server.game.players.size).toBe(6);
  }, 60_000);

  it('cuts players that never read once their backlog passes the bound, and the others get everything in order', async () => {
    // As in test/integration/broadcast.test.ts, with five stalled players at once and the honest
    // players' delivery times measured. Game time moves only so that the host keeps to its own
    // rate limit; delays are real time.
    host = await new TestHost({ settings: { minPlayers: 0 }, heartbeatMs: NO_HEARTBEAT }).start();
    const h = host;
    const dashboard = await h.hostClient();
    const honest = [await h.player('Ada'), await h.player('Bob'), await h.player('Cy')];
    const stalled: { raw: RawSocket; id: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const raw = await RawSocket.hello(h.url);
      raws.push(raw);
      raw.send({ type: 'join', name: `Stalled ${i + 1}` });
      stalled.push({ raw, id: (await raw.waitFor('joined')).player.id });
    }
    const cut = new Map<string, number>();
    let sent = 0;
    h.server.events.on('event', (e) => {
      if (e.kind === 'disconnected' && stalled.some((s) => s.id === e.playerId)) cut.set(e.playerId, sent);
    });
    const values = new Map<TestClient, number[]>(honest.map((c) => [c, []]));
    for (const c of honest)
      c.client.onMessage((m) => m.type === 'settings' && values.get(c)!.push(m.settings.questionSeconds));

    const BATCH = 30;
    const expected: number[] = [];
    /** Sends one batch of setting changes and returns how long until every honest player had it. */
    const batch = async (): Promise<number> => {
      const started = performance.now();
      for (let i = 0; i < BATCH; i++) {
        const v = 5 + (sent++ % 236);
        expected.push(v);
        dashboard.client.updateSettings({ questionSeconds: v });
      }
      await waitFor(
        () => honest.every((c) => values.get(c)!.length >= expected.length),
        `batch ending at message ${sent}`,
        30_000,
      );
      const ms = performance.now() - started;
      h.clock.advance((BATCH / RATE_PER_SECOND) * 1000);
      return ms;
    };

    // A few batches to warm up, then the baseline with everyone reading.
    for (let i = 0; i < 10; i++) await batch();
    const baseline: number[] = [];
    for (let i = 0; i < 20; i++) baseline.push(await batch());
    const sockets = stalled.map((s) => (s.raw.ws as unknown as { _socket: Socket })._socket);
    for (const s of sockets) s.pause();
    const stalledBatches: number[] = [];
    const started = sent;
    while (cut.size < stalled.length) {
      expect(sent - started, 'the stalled players should have been cut by now').toBeLessThan(200_000);
      stalledBatches.push(await batch());
    }

    const frameBytes = JSON.stringify(honest[0]!.messages.find((m) => m.type === 'settings')).length;
    report('never-reads', {
      stalledPlayers: stalled.length,
      broadcastsUntilCut: [...cut.values()].map((n) => n - started),
      bytesUntilCut: [...cut.values()].map((n) => (n - started) * frameBytes),
      batchOf30Ms: { baseline: delaySummary(baseline), whileStalled: delaySummary(stalledBatches) },
    });
    for (const c of honest) expect(values.get(c)).toEqual(expected);
    for (const n of cut.values()) expect((n - started) * frameBytes).toBeGreaterThan(MAX_BUFFERED_BYTES);
    expectUntroubled(dashboard, honest);
    // The stalled players were cut without a close frame: reading again, they find the end of the stream.
    for (const s of sockets) s.resume();
    for (const s of stalled) expect(await s.raw.waitClose(30_000)).toBe(1006);
  }, 110_000);
});
