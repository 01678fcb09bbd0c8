/**
 * Which local IPv4 addresses mDNS runs on: one per usable interface (Wi-Fi, Ethernet, virtual
 * adapters), so a host on several networks is found from each of them.
 */
import os from 'node:os';

/**
 * The first IPv4 address of every non-internal interface. An interface can join a multicast group
 * only once, hence one address each. Interfaces without a MAC address (most tunnels) are left out
 * because bonjour-service leaves their addresses out of its A records, so a room announced there
 * would carry no address reachable from that network.
 */
export function usableIPv4Addresses(
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): string[] {
  const addresses: string[] = [];
  for (const infos of Object.values(interfaces)) {
    const usable = infos?.find((i) => i.family === 'IPv4' && !i.internal && i.mac !== '00:00:00:00:00:00');
    if (usable) addresses.push(usable.address);
  }
  return addresses;
}
