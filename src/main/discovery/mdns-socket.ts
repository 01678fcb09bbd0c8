/**
 * One bonjour-service instance bound to one interface, and how to close it in bounded time.
 * This is the only place that constructs Bonjour, so its quirks are handled once:
 * - its default error callback rethrows (a crash on the first failed send), so ours logs;
 * - multicast-dns emits 'error' on its emitter when the bind fails and bonjour-service never
 *   listens for it, so an unhandled 'error' would also crash the host;
 * - multicast-dns binds to `interface` unless `bind` is given, and on Linux a socket bound to a
 *   unicast address receives no multicast, so we bind 0.0.0.0 and pick the interface for
 *   membership and sending.
 */
import Bonjour from 'bonjour-service';
import type { EventEmitter } from 'node:events';
import { describeError, type DiscoveryLog } from './room-info';

export type MdnsSocket = Bonjour;

/** The multicast-dns options that bonjour-service passes through (its typing says otherwise). */
interface MulticastDnsOptions {
  interface: string;
  bind: string;
}

export function openMdnsSocket(interfaceAddress: string, log: DiscoveryLog): MdnsSocket {
  const options: MulticastDnsOptions = { interface: interfaceAddress, bind: '0.0.0.0' };
  const bonjour = new Bonjour(
    options as unknown as ConstructorParameters<typeof Bonjour>[0],
    (err: unknown) => log(`mDNS send failed on ${interfaceAddress}: ${describeError(err)}`),
  );
  const mdns = (bonjour as unknown as { server?: { mdns?: EventEmitter } }).server?.mdns;
  mdns?.on('error', (err: unknown) => log(`mDNS socket error on ${interfaceAddress}: ${describeError(err)}`));
  return bonjour;
}

/**
 * Close a socket, first sending goodbyes for everything it published when `goodbye` is set.
 * Resolves within `timeoutMs` even when the network is gone and the goodbye never leaves.
 */
export function closeMdnsSocket(socket: MdnsSocket, goodbye: boolean, timeoutMs = 2000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      destroy();
      resolve();
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const destroy = () => {
      try {
        socket.destroy(done);
      } catch {
        done();
      }
    };
    if (goodbye) socket.unpublishAll(destroy);
    else destroy();
  });
}
