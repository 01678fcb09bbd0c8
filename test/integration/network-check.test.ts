/**
 * The host's network check with real sockets on loopback: the loopback address stands in for a
 * Wi-Fi address (the interface list is handed in), the port is called for real, and the mDNS
 * probe runs on a group port of its own so nothing else on the machine sees it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { checkNetwork } from '../../src/main/network/network-check';
import { HEALTH_PATH } from '../../src/shared/protocol/endpoints';

const v4 = (address: string): NetworkInterfaceInfo => ({
  address,
  family: 'IPv4',
  internal: false,
  netmask: '255.0.0.0',
  mac: '02:00:00:00:00:01',
  cidr: `${address}/8`,
});
const wifi = { wlan0: [v4('127.0.0.1')] };
const multicastPort = 20_000 + (process.pid % 20_000);
const opts = { timeoutMs: 5000, multicastPort, platform: 'linux' as const };
const codes = (check: { findings: { code: string }[] }) => check.findings.map((f) => f.code);

let server: Server | null = null;
afterEach(async () => {
  await new Promise((r) => (server ? server.close(r) : r(undefined)));
  server = null;
});

async function room(status: number): Promise<number> {
  server = createServer((req, res) => {
    res.statusCode = req.url === HEALTH_PATH ? status : 404;
    res.end('{}');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('the host network check', () => {
  it('says plainly when the computer is on no network, and what to do', async () => {
    const check = await checkNetwork({ ...opts, interfaces: {} });
    expect(codes(check)).toEqual(['no_lan']);
    expect(check.findings[0]).toMatchObject({
      severity: 'problem',
      says: 'This computer is not connected to any network.',
    });
    expect(check.findings[0]!.todo).toMatch(/Connect to Wi-Fi/);
  });

  it('names the VPN or virtual adapter when those are the only connections', async () => {
    const check = await checkNetwork({
      ...opts,
      interfaces: { tun0: [v4('10.8.0.2')], docker0: [v4('172.17.0.1')] },
    });
    expect(codes(check)).toEqual(['only_virtual']);
    expect(check.findings[0]!.says).toContain('tun0, docker0');
  });

  it('says the network gave no address when only a link-local one is left', async () => {
    const check = await checkNetwork({ ...opts, interfaces: { eth0: [v4('169.254.3.4')] } });
    expect(codes(check)).toEqual(['no_lan']);
    expect(check.findings[0]!.says).toContain('169.254.3.4');
  });

  it('before hosting, reaches a listener from the LAN address and sees multicast come back', async () => {
    const check = await checkNetwork({ ...opts, interfaces: wifi });
    expect(check.hosting).toBe(false);
    expect(check.port).toBeGreaterThan(0);
    expect(check.addresses).toEqual([
      { interface: 'wlan0', address: '127.0.0.1', kind: 'lan', reachable: true, multicast: true },
    ]);
    expect(codes(check)).toEqual(['ready']);
    expect(check.findings[0]!.severity).toBe('ok');
  });

  it('while hosting, asks the room itself for its health on its port', async () => {
    const port = await room(200);
    const check = await checkNetwork({ ...opts, interfaces: wifi, roomPort: port });
    expect(check).toMatchObject({ hosting: true, port });
    expect(codes(check)).toEqual(['ready']);
    expect(check.findings[0]!.says).toContain(`port ${port}`);
  });

  it('says when the room does not answer on an address', async () => {
    const port = await room(200);
    await new Promise((r) => server!.close(r));
    server = null;
    const check = await checkNetwork({ ...opts, interfaces: wifi, roomPort: port });
    expect(codes(check)).toEqual(['port_unreachable']);
    expect(check.findings[0]).toMatchObject({ severity: 'problem' });
    expect(check.findings[0]!.says).toContain('127.0.0.1');
    expect(check.addresses[0]!.reachable).toBe(false);
  });

  it('warns about a VPN next to the LAN without calling the room unreachable', async () => {
    const check = await checkNetwork({ ...opts, interfaces: { ...wifi, wg0: [v4('10.6.0.2')] } });
    expect(codes(check)).toEqual(['ready', 'vpn_on']);
    expect(check.findings[1]!.says).toContain('wg0');
  });

  it('tells Windows hosts to allow the app through the firewall even when the port answers here', async () => {
    const check = await checkNetwork({ ...opts, interfaces: wifi, platform: 'win32' });
    expect(codes(check)).toEqual(['ready', 'firewall_likely']);
    expect(check.findings[1]!.todo).toMatch(/Windows Defender Firewall/);
  });
});
