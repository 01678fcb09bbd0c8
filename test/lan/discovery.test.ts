/**
 * Real mDNS between network namespaces: a host announces a room, a browser in another namespace
 * lists it. See test-lan.ts for how the LAN is built and torn down.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscoveredRoom } from '../../src/main/discovery';
import { lanUnsupportedReason, TestLan, type Message, type Program } from './test-lan';

const unsupported = lanUnsupportedReason();
if (unsupported && process.env.CI) throw new Error(`LAN tests must run in CI, but ${unsupported}`);
if (unsupported) console.log(`LAN discovery tests skipped: ${unsupported}`);

/** Upper bounds for waiting: generous so a slow machine does not fail, never a measurement. */
const SOON = 20_000;
/** The browser's default expiry (15 s) plus the expiry check, a re-query and slack. */
const EXPIRY_BOUND = 30_000;

const HOST = '198.18.0.1';
const BROWSER = '198.18.0.2';

let lan: TestLan;
let hostNs: string;
let browserNs: string;
let ran = 0;

function roomsOf(m: Message): DiscoveredRoom[] {
  return m.rooms as DiscoveredRoom[];
}

/** Waits until the browser's latest room list satisfies `match` (the current list counts). */
function untilRooms(
  browser: Program,
  match: (rooms: DiscoveredRoom[]) => boolean,
  what: string,
  timeoutMs = SOON,
) {
  const latest = browser.messages.findLastIndex((m) => m.event === 'rooms');
  return browser.waitFor(
    (m) => m.event === 'rooms' && match(roomsOf(m)),
    timeoutMs,
    what,
    Math.max(latest, 0),
  );
}

function startHost(room: string, extra: Record<string, unknown> = {}) {
  return lan.run(hostNs, 'host.ts', [JSON.stringify({ room, host: 'quiz-host', ...extra })]);
}

function startBrowser(ns = browserNs) {
  return lan.run(ns, 'browser.ts', [JSON.stringify({})]);
}

async function portOf(host: Program): Promise<number> {
  return (await host.waitFor((m) => m.event === 'listening', SOON, 'listening')).port as number;
}

afterAll(() => {
  if (!unsupported) console.log(`LAN discovery tests ran: ${ran} cases over real mDNS in network namespaces`);
});

const find = (rooms: DiscoveredRoom[], name: string) => rooms.find((r) => r.name === name);

describe.skipIf(unsupported !== undefined)('LAN discovery over real mDNS', { timeout: 60_000 }, () => {
  beforeAll(() => {
    lan = new TestLan();
    hostNs = lan.addNamespace('host');
    browserNs = lan.addNamespace('browser');
    lan.connect(hostNs, `${HOST}/24`, browserNs, `${BROWSER}/24`);
  });

  afterAll(async () => {
    await lan?.destroy();
  });

  it('lists a room with its address, port and TXT fields, and marks it joinable after /health', async () => {
    const host = startHost('Friday quiz');
    const port = await portOf(host);
    const browser = startBrowser();
    const seen = await untilRooms(
      browser,
      (rooms) => !!find(rooms, 'Friday quiz')?.joinable,
      'a joinable room',
    );
    const room = find(roomsOf(seen), 'Friday quiz')!;
    expect(room).toMatchObject({
      name: 'Friday quiz',
      host: 'quiz-host',
      addresses: [HOST],
      port,
      protocol: 1,
      players: 0,
      status: 'NOT_STARTED',
      pinRequired: false,
      joinable: true,
    });
    expect(room.id).toMatch(/^Friday quiz - quiz-host - [0-9a-f]{8}\._quizroom\._tcp\.local$/);
    await Promise.all([host.kill(), browser.kill()]);
    ran++;
  });

  it('lists a room as joinable only once its /health answers well', async () => {
    const host = startHost('Slow room', { healthy: false });
    const browser = startBrowser();
    await untilRooms(browser, (rooms) => !!find(rooms, 'Slow room'), 'the room');
    await host.waitFor((m) => m.event === 'health' && m.status === 503, SOON, 'a failed /health check');
    host.send({ cmd: 'heal' });
    const healed = await host.waitFor((m) => m.event === 'healed', SOON, 'healed');
    const joinable = await untilRooms(browser, (rooms) => !!find(rooms, 'Slow room')?.joinable, 'joinable');
    // Every list printed before /health was healed showed the room as not joinable.
    const early = browser.messages.filter((m) => m.event === 'rooms' && m.at < healed.at);
    expect(early.every((m) => find(roomsOf(m), 'Slow room')?.joinable !== true)).toBe(true);
    expect(joinable.at).toBeGreaterThan(healed.at);
    await Promise.all([host.kill(), browser.kill()]);
    ran++;
  });

  it('sees a TXT change: players, state and PIN', async () => {
    const browser = startBrowser();
    const host = startHost('Changing room');
    await untilRooms(browser, (rooms) => !!find(rooms, 'Changing room'), 'the room');
    host.send({ cmd: 'update', change: { players: 3, status: 'STARTED', pinRequired: true } });
    await untilRooms(
      browser,
      (rooms) => {
        const room = find(rooms, 'Changing room');
        return room?.players === 3 && room.status === 'STARTED' && room.pinRequired;
      },
      'the updated TXT',
    );
    await Promise.all([host.kill(), browser.kill()]);
    ran++;
  });

  it('drops a stopped room through its goodbye', async () => {
    const host = startHost('Leaving room');
    const browser = startBrowser();
    await untilRooms(browser, (rooms) => !!find(rooms, 'Leaving room'), 'the room');
    host.send({ cmd: 'stop' });
    await host.waitFor((m) => m.event === 'stopped', SOON, 'stopped');
    // Expiry cannot drop it sooner than 10 s after the stop: within 5 s, only the goodbye can.
    await untilRooms(browser, (rooms) => !find(rooms, 'Leaving room'), 'the room to go', 5_000);
    await Promise.all([host.kill(), browser.kill()]);
    ran++;
  });

  it('drops a room whose host was killed (no goodbye) within the expiry bound', async () => {
    const host = startHost('Crashing room');
    const browser = startBrowser();
    await untilRooms(browser, (rooms) => !!find(rooms, 'Crashing room'), 'the room');
    await host.kill('SIGKILL');
    await untilRooms(browser, (rooms) => !find(rooms, 'Crashing room'), 'the room to expire', EXPIRY_BOUND);
    await browser.kill();
    ran++;
  }, 90_000);

  it('lists two rooms with the same room name (and host name) separately', async () => {
    const first = startHost('Twin room');
    const second = startHost('Twin room');
    const ports = await Promise.all([portOf(first), portOf(second)]);
    const browser = startBrowser();
    const seen = await untilRooms(
      browser,
      (rooms) => rooms.filter((r) => r.name === 'Twin room' && r.joinable).length === 2,
      'both rooms',
    );
    const twins = roomsOf(seen).filter((r) => r.name === 'Twin room');
    expect(twins.map((r) => r.port).sort()).toEqual([...ports].sort());
    expect(new Set(twins.map((r) => r.id)).size).toBe(2);
    await Promise.all([first.kill(), second.kill(), browser.kill()]);
    ran++;
  });

  it('finds a room announced before the browser started', async () => {
    const host = startHost('Early room');
    await host.waitFor((m) => m.event === 'announced', SOON, 'announced');
    const browser = startBrowser();
    await untilRooms(browser, (rooms) => !!find(rooms, 'Early room'), 'the room');
    await Promise.all([host.kill(), browser.kill()]);
    ran++;
  });

  it('finds a room announced after the browser started', async () => {
    const browser = startBrowser();
    await browser.waitFor((m) => m.event === 'started', SOON, 'started');
    const host = startHost('Late room');
    await untilRooms(browser, (rooms) => !!find(rooms, 'Late room'), 'the room');
    await Promise.all([host.kill(), browser.kill()]);
    ran++;
  });
});

describe.skipIf(unsupported !== undefined)(
  'LAN discovery with a host on two networks',
  { timeout: 60_000 },
  () => {
    let twoNets: TestLan;
    let middle: string;
    let left: string;
    let right: string;

    beforeAll(() => {
      twoNets = new TestLan();
      middle = twoNets.addNamespace('mid');
      left = twoNets.addNamespace('left');
      right = twoNets.addNamespace('right');
      twoNets.connect(middle, '198.18.0.1/25', left, '198.18.0.2/25');
      twoNets.connect(middle, '198.18.0.129/25', right, '198.18.0.130/25');
    });

    afterAll(async () => {
      await twoNets?.destroy();
    });

    it('announces on every interface, so each network finds the room at its own address', async () => {
      const host = twoNets.run(middle, 'host.ts', [JSON.stringify({ room: 'Two networks' })]);
      const browsers = [twoNets.run(left, 'browser.ts'), twoNets.run(right, 'browser.ts')];
      const [fromLeft, fromRight] = await Promise.all(
        browsers.map((b) =>
          untilRooms(b, (rooms) => !!find(rooms, 'Two networks')?.joinable, 'a joinable room'),
        ),
      );
      expect(find(roomsOf(fromLeft!), 'Two networks')!.addresses[0]).toBe('198.18.0.1');
      expect(find(roomsOf(fromRight!), 'Two networks')!.addresses[0]).toBe('198.18.0.129');
      await Promise.all([host.kill(), ...browsers.map((b) => b.kill())]);
      ran++;
    });
  },
);

describe.skipIf(unsupported !== undefined)(
  'LAN discovery when the network goes away',
  { timeout: 60_000 },
  () => {
    let gone: TestLan;

    afterAll(async () => {
      await gone?.destroy();
    });

    it('still stops the announcer after its interface was removed', async () => {
      gone = new TestLan();
      const host = gone.addNamespace('host');
      const browser = gone.addNamespace('browser');
      gone.connect(host, `${HOST}/24`, browser, `${BROWSER}/24`);
      const hostProgram = gone.run(host, 'host.ts', [JSON.stringify({ room: 'Unplugged room' })]);
      const browserProgram = gone.run(browser, 'browser.ts');
      await untilRooms(browserProgram, (rooms) => !!find(rooms, 'Unplugged room'), 'the room');
      gone.unplug(host);
      hostProgram.send({ cmd: 'stop' });
      await hostProgram.waitFor((m) => m.event === 'stopped', SOON, 'stopped');
      await Promise.all([hostProgram.kill(), browserProgram.kill()]);
      ran++;
    });
  },
);
