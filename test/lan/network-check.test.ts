/**
 * The host's network check on a LAN that exists only in this test: the host's namespace has one
 * veth link (its "Wi-Fi"), a neighbour's namespace is at the other end. Whether other devices'
 * multicast is seen depends on the neighbour, not on the host's own packets looping back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkCheck } from '../../src/shared/api/network-check';
import { lanUnsupportedReason, TestLan, type Program } from './test-lan';

const unsupported = lanUnsupportedReason();
if (unsupported && process.env.CI) throw new Error(`LAN tests must run in CI, but ${unsupported}`);
if (unsupported) console.log(`LAN network-check tests skipped: ${unsupported}`);

const SOON = 20_000;

describe.skipIf(unsupported)('the host network check on a LAN', () => {
  let lan: TestLan;
  let hostNs: string;
  let neighbourNs: string;
  let host: Program;

  beforeAll(async () => {
    lan = new TestLan();
    hostNs = lan.addNamespace('host');
    neighbourNs = lan.addNamespace('neighbour');
    lan.connect(hostNs, '198.18.0.1/24', neighbourNs, '198.18.0.2/24');
    host = lan.run(hostNs, 'network-check.ts');
    await host.waitFor((m) => m.event === 'ready', SOON, 'the check to start');
  });
  afterAll(() => lan?.destroy());

  async function check(): Promise<NetworkCheck> {
    const from = host.messages.length;
    host.send({ type: 'check' });
    const m = await host.waitFor((x) => x.event === 'checked', SOON, 'the check', from);
    return m.check as NetworkCheck;
  }

  it('says no other device’s multicast is seen while nobody else on the link uses mDNS', async () => {
    const result = await check();
    const link = result.addresses.find((a) => a.address === '198.18.0.1');
    expect(link).toMatchObject({ kind: 'lan', reachable: true, multicast: false });
    expect(result.findings.map((f) => f.code)).toEqual(['ready', 'multicast_not_seen']);
  });

  it('sees multicast once a neighbour on the link answers mDNS', async () => {
    const neighbour = lan.run(neighbourNs, 'mdns-neighbour.ts');
    await neighbour.waitFor((m) => m.event === 'ready', SOON, 'the neighbour to listen');
    const result = await check();
    expect(result.addresses.find((a) => a.address === '198.18.0.1')).toMatchObject({ multicast: true });
    expect(result.findings.map((f) => f.code)).toEqual(['ready']);
  });
});
