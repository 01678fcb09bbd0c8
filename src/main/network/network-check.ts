/**
 * The host's network check: before and while hosting, what stands in the way of players reaching
 * this computer, in plain words, with what to do. It looks at the interfaces (no LAN address, only
 * a VPN or virtual adapter), calls the port from each LAN address (the room's port while hosting,
 * else a temporary listener on every address, as a room would open), and asks the mDNS group on
 * each LAN interface which services are there, to see other devices' multicast arrive. A computer cannot see its own network's firewall
 * from inside, so "firewall likely" is said when the connection hangs, and as advice on systems
 * whose firewall blocks new programs by default.
 */
import { createServer, type AddressInfo } from 'node:net';
import os, { type NetworkInterfaceInfo } from 'node:os';
import type { CheckedAddress, NetworkCheck, NetworkFinding } from '../../shared/api/network-check';
import { classifyInterfaces } from './interface-kinds';
import { multicastSeen, MDNS_PORT, type MulticastSeen } from './multicast-probe';
import { reachPort, type Reach } from './port-reach';

export interface NetworkCheckOptions {
  /** The open room's port; absent before hosting (a temporary listener is tried instead). */
  roomPort?: number;
  interfaces?: NodeJS.Dict<NetworkInterfaceInfo[]>;
  platform?: NodeJS.Platform;
  /** Upper bound for each probe. */
  timeoutMs?: number;
  /** The group port for the multicast probe (tests use their own). */
  multicastPort?: number;
}

const names = (list: CheckedAddress[]) => [...new Set(list.map((a) => a.interface))].join(', ');
const places = (list: CheckedAddress[]) => list.map((a) => a.address).join(', ');

function firewallAdvice(platform: NodeJS.Platform, port: number): string {
  if (platform === 'win32') {
    return `Allow Quizroom through Windows Defender Firewall on private networks (Windows asks the first time a room opens), and set this Wi-Fi to "Private network" in Settings → Network. Or allow TCP port ${port}.`;
  }
  if (platform === 'darwin') {
    return `In System Settings → Network → Firewall → Options, allow incoming connections for Quizroom (or turn "Block all incoming connections" off).`;
  }
  return `Allow incoming TCP port ${port} (and UDP 5353 for discovery) in the firewall, e.g. "sudo ufw allow ${port}/tcp" and "sudo ufw allow 5353/udp".`;
}

/** A temporary listener on every address, as a room would open, for the check before hosting. */
async function withTemporaryListener<T>(use: (port: number) => Promise<T>): Promise<T> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '0.0.0.0', () => resolve());
  });
  try {
    return await use((server.address() as AddressInfo).port);
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

export async function checkNetwork(options: NetworkCheckOptions = {}): Promise<NetworkCheck> {
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? 1500;
  const addresses = classifyInterfaces(options.interfaces ?? os.networkInterfaces());
  const lan = addresses.filter((a) => a.kind === 'lan');
  const findings: NetworkFinding[] = [];
  const hosting = options.roomPort !== undefined;

  const probe = async (port: number) => {
    const reaches = await Promise.all(lan.map((a) => reachPort(a.address, port, timeoutMs, hosting)));
    const seen = await Promise.all(
      lan.map((a) => multicastSeen(a.address, { timeoutMs, port: options.multicastPort ?? MDNS_PORT })),
    );
    lan.forEach((a, i) => {
      a.reachable = reaches[i] === 'answered';
      a.multicast = seen[i]!.others;
    });
    return { port, reaches, seen };
  };
  const { port, reaches, seen } =
    lan.length === 0
      ? { port: options.roomPort ?? 0, reaches: [] as Reach[], seen: [] as MulticastSeen[] }
      : hosting
        ? await probe(options.roomPort!)
        : await withTemporaryListener(probe);

  // --- The interfaces ---------------------------------------------------------------------------
  const vpn = addresses.filter((a) => a.kind === 'vpn');
  const virtual = addresses.filter((a) => a.kind === 'virtual');
  const linkLocal = addresses.filter((a) => a.kind === 'link-local');
  if (lan.length === 0) {
    if (vpn.length + virtual.length > 0) {
      findings.push({
        code: 'only_virtual',
        severity: 'problem',
        says: `This computer's only network connections are ${vpn.length > 0 ? 'a VPN' : 'virtual adapters'} (${names([...vpn, ...virtual])}): phones on the Wi-Fi cannot reach those addresses.`,
        todo: 'Connect to the same Wi-Fi or wired network as the players. If a VPN is on, turn it off or allow local network access in its settings.',
      });
    } else {
      findings.push({
        code: 'no_lan',
        severity: 'problem',
        says:
          linkLocal.length > 0
            ? `This computer has no address on a local network: the network gave it none (only ${places(linkLocal)}).`
            : 'This computer is not connected to any network.',
        todo: "Connect to Wi-Fi or plug in a network cable; players must be on the same network. No router nearby? Turn on this computer's mobile hotspot and have the players join it.",
      });
    }
  } else if (vpn.length > 0) {
    findings.push({
      code: 'vpn_on',
      severity: 'warning',
      says: `A VPN is on (${names(vpn)}). Many VPNs block traffic from the local network.`,
      todo: 'If players cannot connect, turn the VPN off or allow local network access in its settings while you host.',
    });
  }

  // --- The port -----------------------------------------------------------------------------------
  const unreached = lan.filter((a) => !a.reachable);
  if (lan.length > 0 && unreached.length > 0) {
    const hung = unreached.filter((a) => reaches[lan.indexOf(a)] === 'timed-out');
    const all = unreached.length === lan.length;
    if (hung.length > 0) {
      findings.push({
        code: 'firewall_likely',
        severity: all ? 'problem' : 'warning',
        says: `Port ${port} does not answer on ${places(hung)}: the connection hangs, so a firewall most likely drops it.`,
        todo: firewallAdvice(platform, port),
      });
    }
    const refused = unreached.filter((a) => !hung.includes(a));
    if (refused.length > 0) {
      findings.push({
        code: 'port_unreachable',
        severity: all ? 'problem' : 'warning',
        says: hosting
          ? `The room does not answer on ${places(refused)} (port ${port}): players on ${names(refused)} cannot join through that address.`
          : `A room could not be reached on ${places(refused)}: another program may hold the port, or the system refuses connections there.`,
        todo: hosting
          ? 'Give players an address that works (see the list), or close the room and host again.'
          : 'Close programs that share connections (proxies, other quiz or game servers) and check again.',
      });
    }
  } else if (lan.length > 0 && (platform === 'win32' || platform === 'darwin')) {
    // Reachable from here; the system's firewall still filters other devices by default.
    findings.push({
      code: 'firewall_likely',
      severity: 'warning',
      says: `This computer answers on port ${port}, but ${platform === 'win32' ? 'Windows' : 'macOS'} may still block other devices until you allow Quizroom.`,
      todo: firewallAdvice(platform, port),
    });
  }

  // --- Multicast (discovery) ---------------------------------------------------------------------
  const broken = lan.filter((_, i) => !seen[i]!.joined);
  const quiet = lan.filter((_, i) => seen[i]!.joined && !seen[i]!.others);
  if (broken.length + quiet.length > 0) {
    const parts = [
      broken.length > 0 ? `Multicast (mDNS) does not work on ${names(broken)}.` : '',
      quiet.length > 0
        ? `No other device's multicast (mDNS) was seen on ${names(quiet)}: the network may block it, or no other device here uses it.`
        : '',
    ];
    findings.push({
      code: 'multicast_not_seen',
      severity: 'warning',
      says: `${parts.filter(Boolean).join(' ')} Other Quizroom apps may not list this room by themselves.`,
      todo: 'Players can still join with the address or the QR code. Guest and office Wi-Fi often blocks multicast between devices; a home router or a phone hotspot usually allows it.',
    });
  }

  if (!findings.some((f) => f.severity === 'problem')) {
    const good = lan.filter((a) => a.reachable);
    if (good.length > 0) {
      findings.unshift({
        code: 'ready',
        severity: 'ok',
        says: `Players on the same network can reach this computer at ${places(good)}${hosting ? ` (port ${port})` : ''}.`,
        todo: 'Nothing to do.',
      });
    }
  }
  return { port, hosting, addresses, findings };
}
