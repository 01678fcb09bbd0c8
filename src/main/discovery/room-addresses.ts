/**
 * Which announced addresses a room is listed with, in the order to try them: IPv4 first, the
 * preferred ones (the address /health answered on, then the mDNS sender) ahead of the rest.
 */
import net from 'node:net';

const MAX_ADDRESSES = 16;

/**
 * Drops what cannot be dialled: non-addresses, unspecified and multicast IPv4, and link-local IPv6
 * without a zone (bonjour-service's AAAA records never carry one, and `fe80::1` alone names no link).
 */
function usable(address: string): boolean {
  if (net.isIPv4(address)) {
    const first = Number(address.split('.')[0]);
    return first !== 0 && first < 224;
  }
  if (net.isIPv6(address)) return !/^fe[89ab][0-9a-f]:/i.test(address) || address.includes('%');
  return false;
}

export function orderAddresses(
  announced: readonly unknown[],
  preferred: readonly (string | undefined)[],
): string[] {
  const valid = [...new Set(announced.filter((a): a is string => typeof a === 'string' && usable(a)))];
  const rank = (address: string) => {
    const p = preferred.indexOf(address);
    return (net.isIPv4(address) ? 0 : 100) + (p === -1 ? 10 : p);
  };
  return valid
    .map((address, index) => ({ address, key: rank(address), index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.address)
    .slice(0, MAX_ADDRESSES);
}
