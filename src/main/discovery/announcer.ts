/**
 * Announces a hosted room on the LAN as `_quizroom._tcp`, on every usable IPv4 interface, and
 * keeps its TXT record current.
 *
 * bonjour-service 1.4.4 cannot change a published TXT record: a service's records are captured
 * when it is announced. Unpublishing to change it would send a goodbye, and browsers would drop
 * the room for a moment. So an update publishes the same instance name with the new TXT on fresh
 * sockets, then closes the old sockets without a goodbye (Bonjour.destroy sends nothing).
 */
import { closeMdnsSocket, openMdnsSocket, type MdnsSocket } from './mdns-socket';
import { usableIPv4Addresses } from './network-interfaces';
import { consoleLog, type Announcer, type DiscoveryLog, type RoomAnnouncement } from './room-info';
import { instanceName, randomSuffix, SERVICE_TYPE, targetHost } from './service-names';
import { encodeTxt } from './txt-record';

export interface AnnouncerOptions {
  /** Local IPv4 addresses to announce on; default: one per usable interface. */
  interfaces?: string[];
  /** At most one TXT re-announcement per this many ms (default 1000). */
  updateIntervalMs?: number;
  /** stop() resolves within this many ms even if the goodbye cannot be sent (default 2000). */
  stopTimeoutMs?: number;
  log?: DiscoveryLog;
}

export function startAnnouncer(announcement: RoomAnnouncement, opts: AnnouncerOptions = {}): Announcer {
  const log = opts.log ?? consoleLog;
  const addresses = opts.interfaces ?? usableIPv4Addresses();
  const updateIntervalMs = opts.updateIntervalMs ?? 1000;
  const suffix = randomSuffix();
  // Fixed for the announcer's life: browsers track a room by its instance name.
  const name = instanceName(announcement.roomName, announcement.hostName, suffix);
  const host = targetHost(suffix);

  if (addresses.length === 0) {
    log('no usable IPv4 interface: the room is not announced, players can still join by address');
  }

  let wanted = { ...announcement };
  let published = wanted;
  let sockets = publish(wanted);
  let timer: NodeJS.Timeout | undefined;
  let stopping: Promise<void> | undefined;

  function publish(a: RoomAnnouncement): MdnsSocket[] {
    return addresses.map((address) => {
      const socket = openMdnsSocket(address, log);
      // No probe: the random suffix makes a clash unlikely, the sockets of one announcer would
      // probe each other, and on a clash bonjour-service's goodbye would remove the live original.
      socket.publish({
        name,
        type: SERVICE_TYPE,
        protocol: 'tcp',
        port: a.port,
        host,
        txt: encodeTxt(a),
        probe: false,
      });
      return socket;
    });
  }

  function flush(): void {
    timer = undefined;
    if (stopping || sameAnnouncement(wanted, published)) return;
    const old = sockets;
    published = wanted;
    sockets = publish(wanted);
    for (const socket of old) void closeMdnsSocket(socket, false);
  }

  return {
    update(change) {
      if (stopping) return;
      const defined = Object.entries(change).filter(([, value]) => value !== undefined);
      wanted = { ...wanted, ...Object.fromEntries(defined) };
      timer ??= setTimeout(flush, updateIntervalMs);
    },
    stop() {
      stopping ??= (async () => {
        clearTimeout(timer);
        await Promise.all(sockets.map((s) => closeMdnsSocket(s, true, opts.stopTimeoutMs)));
      })();
      return stopping;
    },
  };
}

function sameAnnouncement(a: RoomAnnouncement, b: RoomAnnouncement): boolean {
  return (Object.keys(a) as (keyof RoomAnnouncement)[]).every((key) => a[key] === b[key]);
}
