/**
 * What each network interface is, from what os.networkInterfaces() says about it: a LAN (Wi-Fi,
 * Ethernet), a VPN or tunnel (players on the Wi-Fi cannot reach an address there), a virtual
 * adapter (Docker, VirtualBox, Hyper-V, WSL: a network inside this computer), or link-local
 * (169.254.x.x: the computer got no address from the router). Names vary by system, so both the
 * name and the address count; the loopback is left out.
 */
import type { NetworkInterfaceInfo } from 'node:os';
import type { CheckedAddress, InterfaceKind } from '../../shared/api/network-check';

const VPN_NAMES = [
  /^(tun|tap|utun|ppp|wg|ipsec|gpd|zt|nordlynx|proton)/i,
  /(tailscale|zerotier|wireguard|openvpn|vpn|fortinet|cisco anyconnect|globalprotect|cloudflare warp)/i,
];
const VIRTUAL_NAMES = [
  /^(docker|br-|veth|virbr|vmnet|vboxnet|lxcbr|lxdbr|cni|flannel|podman|vnic|bridge\d)/i,
  /(virtualbox|vmware|hyper-v|vethernet|wsl|loopback pseudo|npcap|host-only)/i,
];

/** 100.64.0.0/10, the carrier-grade NAT range that Tailscale and similar VPNs hand out. */
function inSharedAddressSpace(address: string): boolean {
  const [a, b] = address.split('.').map(Number);
  return a === 100 && b !== undefined && b >= 64 && b < 128;
}

export function interfaceKind(name: string, address: string): InterfaceKind {
  if (address.startsWith('169.254.')) return 'link-local';
  if (VPN_NAMES.some((re) => re.test(name)) || inSharedAddressSpace(address)) return 'vpn';
  if (VIRTUAL_NAMES.some((re) => re.test(name))) return 'virtual';
  return 'lan';
}

/** Every non-internal IPv4 address, with what its interface is. */
export function classifyInterfaces(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): CheckedAddress[] {
  const out: CheckedAddress[] = [];
  for (const [name, infos] of Object.entries(interfaces)) {
    for (const info of infos ?? []) {
      if (info.family !== 'IPv4' || info.internal) continue;
      out.push({ interface: name, address: info.address, kind: interfaceKind(name, info.address) });
    }
  }
  return out;
}
