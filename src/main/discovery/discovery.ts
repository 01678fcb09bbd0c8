/**
 * Browses the LAN for `_quizroom._tcp` rooms and keeps the list the Join screen shows.
 *
 * Facts of bonjour-service 1.4.4 that shape this module:
 * - a Browser queries once, when it starts, and emits 'up' once per service for its whole life; a
 *   later answer that changes nothing emits nothing and leaves `Service.lastSeen` as it was. So
 *   every sweep (every `requeryIntervalMs`, and on refresh) starts a fresh Browser, whose start
 *   sends the PTR query, and the first answer in a sweep tells us the room is still there;
 * - its own expiry (`Browser.expire`, which nothing calls) would go by the PTR TTL of 28800 s, and
 *   a host that crashed sends no goodbye. So a room not heard from for `expiryMs` is dropped here,
 *   checked every second: at most expiryMs + 1 s after its last answer. With the defaults (5 s
 *   re-query, 15 s expiry) a crashed host's room goes 10 to 16 s after the crash;
 * - a goodbye (PTR with TTL 0) makes a Browser emit 'down' only for services that Browser has
 *   seen, so the previous sweep's Browser keeps listening for one more sweep.
 */
import type Bonjour from 'bonjour-service';
import { findHealthyAddress, httpHealthCheck, type HealthCheck } from './health-check';
import { closeMdnsSocket, openMdnsSocket, type MdnsSocket } from './mdns-socket';
import { usableIPv4Addresses } from './network-interfaces';
import { orderAddresses } from './room-addresses';
import { consoleLog, type DiscoveredRoom, type Discovery, type DiscoveryLog } from './room-info';
import { SERVICE_TYPE } from './service-names';
import { decodeTxt } from './txt-record';

export interface DiscoveryOptions {
  /** Local IPv4 addresses to browse on; default: one per usable interface. */
  interfaces?: string[];
  /** How often to ask the network again (default 5000 ms). */
  requeryIntervalMs?: number;
  /** Drop a room not heard from for this long (default 15000 ms; keep it above 2 re-queries). */
  expiryMs?: number;
  now?: () => number;
  checkHealth?: HealthCheck;
  log?: DiscoveryLog;
}

/** The list is filled from the network: bound it. */
const MAX_ROOMS = 200;
const EXPIRY_CHECK_MS = 1000;

type Browser = Bonjour.Browser;
type Service = Bonjour.Service;

interface Entry {
  room: DiscoveredRoom;
  referer: string | undefined;
  /** The address /health last answered on; kept while the room still announces it. */
  verified: string | undefined;
  checking: boolean;
}

export function createDiscovery(opts: DiscoveryOptions = {}): Discovery {
  const now = opts.now ?? Date.now;
  const log = opts.log ?? consoleLog;
  const checkHealth = opts.checkHealth ?? httpHealthCheck();
  const requeryIntervalMs = opts.requeryIntervalMs ?? 5000;
  const expiryMs = opts.expiryMs ?? 15000;

  const entries = new Map<string, Entry>();
  const listeners = new Set<(rooms: DiscoveredRoom[]) => void>();
  let sockets: MdnsSocket[] = [];
  let current: Browser[] = [];
  let previous: Browser[] = [];
  let timers: NodeJS.Timeout[] = [];
  let running = false;

  function rooms(): DiscoveredRoom[] {
    return [...entries.values()]
      .map((e) => ({ ...e.room, addresses: [...e.room.addresses] }))
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  }

  function notify(): void {
    const list = rooms();
    for (const listener of listeners) listener(list);
  }

  function sweep(): void {
    for (const browser of previous) browser.stop();
    previous = current;
    current = sockets.map((socket) => watch(socket.find({ type: SERVICE_TYPE, protocol: 'tcp' })));
    for (const [id, entry] of entries) if (!entry.room.joinable) void verify(id);
  }

  function watch(browser: Browser): Browser {
    browser.on('up', seen);
    browser.on('txt-update', seen);
    browser.on('srv-update', seen);
    browser.on('down', (service) => remove(service.fqdn));
    return browser;
  }

  function seen(service: Service): void {
    const id = service.fqdn;
    const txt = decodeTxt(service.txt);
    const old = entries.get(id);
    if (!txt.ok) {
      log(`ignoring room "${id}": ${txt.error}`);
      return remove(id);
    }
    if (!old && entries.size >= MAX_ROOMS) return;
    const referer = service.referer?.address;
    const verified = old?.verified !== undefined && old.room.port === service.port ? old.verified : undefined;
    const addresses = orderAddresses(service.addresses ?? [], [verified, referer]);
    const stillVerified = verified !== undefined && addresses.includes(verified);
    if (addresses.length === 0) return remove(id);

    const room: DiscoveredRoom = {
      id,
      name: txt.value.roomName,
      host: txt.value.hostName,
      addresses,
      port: service.port,
      protocol: txt.value.protocol,
      players: txt.value.players,
      status: txt.value.status,
      pinRequired: txt.value.pinRequired,
      lastSeen: now(),
      joinable: stillVerified,
    };
    const changed = !old || !sameRoomIgnoringLastSeen(old.room, room);
    entries.set(id, {
      room,
      referer,
      verified: stillVerified ? verified : undefined,
      checking: old?.checking ?? false,
    });
    if (changed) notify();
    if (!room.joinable) void verify(id);
  }

  function remove(id: string): void {
    if (entries.delete(id)) notify();
  }

  async function verify(id: string): Promise<void> {
    const entry = entries.get(id);
    if (!entry || entry.checking) return;
    entry.checking = true;
    const { addresses, port } = entry.room;
    const healthy = await findHealthyAddress(addresses, port, checkHealth);
    const latest = entries.get(id);
    if (!latest || !running) return;
    latest.checking = false;
    if (latest.room.port !== port || latest.room.addresses.join() !== addresses.join()) {
      return verify(id); // the room moved while we asked: ask again where it is now
    }
    const joinable = healthy !== undefined;
    latest.verified = healthy;
    const ordered = orderAddresses(addresses, [healthy, latest.referer]);
    if (joinable === latest.room.joinable && ordered.join() === addresses.join()) return;
    latest.room = { ...latest.room, joinable, addresses: ordered };
    notify();
  }

  function expire(): void {
    const cutoff = now() - expiryMs;
    let changed = false;
    for (const [id, entry] of entries) {
      if (entry.room.lastSeen < cutoff) changed = entries.delete(id) || changed;
    }
    if (changed) notify();
  }

  return {
    start() {
      if (running) return;
      running = true;
      const addresses = opts.interfaces ?? usableIPv4Addresses();
      if (addresses.length === 0) log('no usable IPv4 interface: no rooms can be discovered');
      sockets = addresses.map((address) => openMdnsSocket(address, log));
      sweep();
      timers = [setInterval(sweep, requeryIntervalMs), setInterval(expire, EXPIRY_CHECK_MS)];
    },
    async stop() {
      if (!running) return;
      running = false;
      timers.forEach(clearInterval);
      for (const browser of [...previous, ...current]) browser.stop();
      previous = current = [];
      const closing = sockets.map((socket) => closeMdnsSocket(socket, false));
      sockets = [];
      entries.clear();
      notify();
      await Promise.all(closing);
    },
    refresh() {
      if (!running) return;
      expire();
      sweep();
      for (const [id, entry] of entries) if (entry.room.joinable) void verify(id);
    },
    rooms,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function sameRoomIgnoringLastSeen(a: DiscoveredRoom, b: DiscoveredRoom): boolean {
  return (Object.keys(a) as (keyof DiscoveredRoom)[]).every(
    (key) => key === 'lastSeen' || String(a[key]) === String(b[key]),
  );
}
