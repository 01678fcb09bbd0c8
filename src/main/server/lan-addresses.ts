/** The machine's LAN IPv4 addresses, for the URLs that players open and the QR code. */
import { networkInterfaces } from 'node:os';

export interface LanAddress {
  interface: string;
  address: string;
}

export function lanIPv4Addresses(): LanAddress[] {
  const out: LanAddress[] = [];
  for (const [name, infos] of Object.entries(networkInterfaces())) {
    for (const info of infos ?? []) {
      if (info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.')) {
        out.push({ interface: name, address: info.address });
      }
    }
  }
  return out;
}

export function playerUrl(address: string, port: number): string {
  return `http://${address.includes(':') ? `[${address}]` : address}:${port}/`;
}

/** Where players open the game: a URL per LAN address, or only the bound address if there is one. */
export function joinUrls(bind: string | undefined, port: number): string[] {
  const addresses =
    bind && bind !== '0.0.0.0' && bind !== '::' ? [bind] : lanIPv4Addresses().map((a) => a.address);
  if (addresses.length === 0) addresses.push('127.0.0.1');
  return addresses.map((a) => playerUrl(a, port));
}

export function hostDashboardUrl(address: string, port: number, hostToken: string): string {
  return `${playerUrl(address, port)}?host=${encodeURIComponent(hostToken)}`;
}
