/**
 * Whether multicast works on one interface: an mDNS query for a name nobody has (so no one
 * answers it) is sent to the mDNS group from that interface's address, and the probe listens for
 * its own packet coming back through the group. When it never comes back, rooms announced from
 * here will not show up in other apps' Join lists (joining by address or QR code still works).
 * The port is an option so that tests can use a group port nobody else listens on.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';

export const MDNS_GROUP = '224.0.0.251';
export const MDNS_PORT = 5353;

/** A minimal DNS query (one question, class IN, type PTR) for `name`. */
function mdnsQuery(name: string): Buffer {
  const labels = name.split('.').map((label) => {
    const bytes = Buffer.from(label, 'ascii');
    return Buffer.concat([Buffer.from([bytes.length]), bytes]);
  });
  const header = Buffer.from([0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 12, 0, 1])]);
}

export interface MulticastProbeOptions {
  timeoutMs: number;
  group?: string;
  port?: number;
}

/** True when a packet sent to the group from `address` is seen coming back on it. */
export function multicastSeen(address: string, options: MulticastProbeOptions): Promise<boolean> {
  const group = options.group ?? MDNS_GROUP;
  const port = options.port ?? MDNS_PORT;
  const name = `quizroom-probe-${randomBytes(6).toString('hex')}.local`;
  const packet = mdnsQuery(name);
  return new Promise((resolve) => {
    const socket = createSocket({ type: 'udp4', reuseAddr: true });
    let done = false;
    const finish = (seen: boolean) => {
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
    const timer = setTimeout(() => finish(false), options.timeoutMs);
    socket.on('error', () => finish(false));
    socket.on('message', (message) => {
      if (message.equals(packet)) finish(true);
    });
    socket.bind(port, () => {
      try {
        socket.addMembership(group, address);
        socket.setMulticastInterface(address);
        socket.setMulticastLoopback(true);
        socket.setMulticastTTL(255);
      } catch {
        return finish(false);
      }
      socket.send(packet, port, group, (e) => {
        if (e) finish(false);
      });
    });
  });
}
