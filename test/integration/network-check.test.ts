/**
 * The host's network check with real sockets on loopback: the loopback address stands in for a
 * Wi-Fi address (the interface list is handed in), the port is called for real, and the mDNS
 * probe runs on a group port of its own so nothing else on the machine sees it. "Another device"
 * on the network is a responder that answers the probe's query from 127.0.0.2.
 */
import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
let responder: { listen: Socket; answer: Socket } | null = null;

/** Another device on the network: answers every query on the group, from 127.0.0.2. */
async function startResponder(): Promise<void> {
  const listen = createSocket({ type: 'udp4', reuseAddr: true });
  const answer = createSocket({ type: 'udp4', reuseAddr: true });
  await new Promise<void>((r) => listen.bind(multicastPort, r));
  listen.addMembership('224.0.0.251', '127.0.0.1');
  await new Promise<void>((r) => answer.bind(0, '127.0.0.2', r));
  answer.setMulticastInterface('127.0.0.2');
  listen.on('message', (_message, from) => {
    if (from.address === '127.0.0.1') answer.send(Buffer.from('an answer'), multicastPort, '224.0.0.251');
  });
  responder = { listen, answer };
}
function stopResponder(): void {
  responder?.listen.close();
  responder?.answer.close();
  responder = null;
}
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
  beforeAll(startResponder);
  afterAll(stopResponder);

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

  it('warns when no other device’s multicast is seen, and says players can still join', async () => {
    stopResponder();
    try {
      const check = await checkNetwork({ ...opts, timeoutMs: 1500, interfaces: wifi });
      expect(codes(check)).toEqual(['ready', 'multicast_not_seen']);
      expect(check.addresses[0]!.multicast).toBe(false);
      expect(check.findings[1]!.says).toContain("No other device's multicast (mDNS) was seen on wlan0");
      expect(check.findings[1]!.todo).toMatch(/address or the QR code/);
    } finally {
      await startResponder();
    }
  });
});
