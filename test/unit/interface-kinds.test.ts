/** Which of the machine's addresses players on the Wi-Fi could reach, from interface names and addresses. */
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { classifyInterfaces, interfaceKind } from '../../src/main/network/interface-kinds';

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  family: 'IPv4',
  internal,
  netmask: '255.255.255.0',
  mac: '02:00:00:00:00:01',
  cidr: `${address}/24`,
});

describe('interface kinds', () => {
  it('takes Wi-Fi and Ethernet for the LAN', () => {
    expect(interfaceKind('wlan0', '192.168.1.20')).toBe('lan');
    expect(interfaceKind('en0', '10.0.0.5')).toBe('lan');
    expect(interfaceKind('Wi-Fi', '172.20.10.2')).toBe('lan');
    expect(interfaceKind('Ethernet 2', '192.168.0.7')).toBe('lan');
  });

  it('recognises VPNs and tunnels by name, and Tailscale-style addresses by range', () => {
    for (const name of [
      'tun0',
      'utun3',
      'wg0',
      'ppp0',
      'tailscale0',
      'NordLynx',
      'ProtonVPN',
      'OpenVPN TAP-Windows6',
    ]) {
      expect(interfaceKind(name, '10.8.0.2'), name).toBe('vpn');
    }
    expect(interfaceKind('ts', '100.101.102.103')).toBe('vpn');
    expect(interfaceKind('eth0', '100.63.0.1')).toBe('lan');
  });

  it('recognises adapters that only reach this computer (Docker, VirtualBox, Hyper-V, WSL)', () => {
    for (const name of [
      'docker0',
      'br-1a2b3c',
      'veth12ab',
      'virbr0',
      'vmnet8',
      'vboxnet0',
      'vEthernet (WSL)',
      'VirtualBox Host-Only Network',
    ]) {
      expect(interfaceKind(name, '172.17.0.1'), name).toBe('virtual');
    }
  });

  it('calls a 169.254 address link-local: the network gave this computer no address', () => {
    expect(interfaceKind('eth0', '169.254.10.20')).toBe('link-local');
  });

  it('lists every outward IPv4 address, leaving out the loopback and IPv6', () => {
    const listed = classifyInterfaces({
      lo: [v4('127.0.0.1', true)],
      wlan0: [v4('192.168.1.20'), { ...v4('fe80::1'), family: 'IPv6', scopeid: 2 } as NetworkInterfaceInfo],
      docker0: [v4('172.17.0.1')],
    });
    expect(listed).toEqual([
      { interface: 'wlan0', address: '192.168.1.20', kind: 'lan' },
      { interface: 'docker0', address: '172.17.0.1', kind: 'virtual' },
    ]);
  });
});
