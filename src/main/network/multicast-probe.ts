/**
 * Whether multicast (mDNS) is seen on one interface: from that interface's address the probe asks
 * the mDNS group which services are there (`_services._dns-sd._udp.local`, which phones,
 * printers, TVs and other computers answer), then listens on the group. Its own query coming
 * back says the interface takes part in multicast at all; a packet from any other address says
 * other devices' multicast reaches this computer. When neither is seen, rooms announced from here
 * will likely not show up in other apps' Join lists (joining by address or QR code still works).
 * The port is an option so that tests can use a group port nobody else listens on.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

export const MDNS_GROUP = '224.0.0.251';
export const MDNS_PORT = 5353;

/** A minimal DNS query (one question, class IN, type PTR) for `name`, with a random id. */
function mdnsQuery(name: string): Buffer {
  const labels = name.split('.').map((label) => {
    const bytes = Buffer.from(label, 'ascii');
    return Buffer.concat([Buffer.from([bytes.length]), bytes]);
  });
  const header = Buffer.concat([randomBytes(2), Buffer.from([0, 0, 0, 1, 0, 0, 0, 0, 0, 0])]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 12, 0, 1])]);
}

export interface MulticastProbeOptions {
  timeoutMs: number;
  group?: string;
  port?: number;
}

export interface MulticastSeen {
  /** The probe's own query came back through the group on this interface. */
  joined: boolean;
  /** Another address's multicast arrived on the group (an answer, or another device's query). */
  others: boolean;
}

/** Asks the group from `address` and listens until another device is heard or the time is up. */
export function multicastSeen(address: string, options: MulticastProbeOptions): Promise<MulticastSeen> {
  const group = options.group ?? MDNS_GROUP;
  const port = options.port ?? MDNS_PORT;
  const packet = mdnsQuery('_services._dns-sd._udp.local');
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    const seen: MulticastSeen = { joined: false, others: false };
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(seen);
    };
    const timer = setTimeout(finish, options.timeoutMs);
    socket.on('error', finish);
    socket.on('message', (message, from) => {
      if (message.equals(packet)) seen.joined = true;
      else if (from.address !== address) seen.others = true;
      if (seen.joined && seen.others) finish();
    });
    socket.bind(port, () => {
      try {
        socket.addMembership(group, address);
        socket.setMulticastInterface(address);
        socket.setMulticastLoopback(true);
        socket.setMulticastTTL(255);
      } catch {
        return finish();
      }
      socket.send(packet, port, group, (e) => {
        if (e) finish();
      });
    });
  });
}
