import type { WebSocket } from 'ws';
import { describe, expect, it } from 'vitest';
import { Connection, GRACE_FLOOR_MS, RTT_SAMPLES } from '../../src/main/server/connection';

function connection(): Connection {
  return new Connection(1, {} as WebSocket, '127.0.0.1', 0);
}

/** A heartbeat ping at `at` answered `rtt` ms later. */
function roundTrip(c: Connection, at: number, rtt: number): void {
  c.recordPing(at);
  c.recordPong(at + rtt);
}

describe('the round trip a connection measures for the answer grace', () => {
  it('is unknown until a pong answers a heartbeat ping', () => {
    const c = connection();
    c.recordPong(50);
    expect(c.rttMs).toBeNull();
    roundTrip(c, 1000, 120);
    expect(c.rttMs).toBe(120);
  });

  it('is the typical round trip, not the quickest: jitter does not shrink it', () => {
    const c = connection();
    [180, 100, 220, 150, 250].forEach((rtt, i) => roundTrip(c, i * 1000, rtt));
    expect(c.rttMs).toBe(180);
  });

  it('is not thrown by one slow round trip (a retransmission)', () => {
    const c = connection();
    [20, 22, 21, 900, 23].forEach((rtt, i) => roundTrip(c, i * 1000, rtt));
    expect(c.rttMs).toBe(22);
  });

  it('follows the link: only the last RTT_SAMPLES round trips count', () => {
    const c = connection();
    for (let i = 0; i < RTT_SAMPLES; i++) roundTrip(c, i * 1000, 200);
    for (let i = 0; i < RTT_SAMPLES; i++) roundTrip(c, (RTT_SAMPLES + i) * 1000, 10);
    expect(c.rttMs).toBe(10);
  });
});

describe('the answer grace', () => {
  it('is the typical round trip, but never more than twice the quickest one', () => {
    const c = new Connection(1, null as never, '10.0.0.1', 0);
    expect(c.graceMs).toBe(0);
    let now = 0;
    // Two pongs of three held back 250 ms: the median rises, the quickest does not.
    for (let i = 0; i < 12; i++) {
      c.recordPing(now);
      now += i % 3 === 0 ? 4 : 254;
      c.recordPong(now);
    }
    expect(c.rttMs).toBe(254);
    expect(c.lowestRttMs).toBe(4);
    expect(c.graceMs).toBe(2 * 4 + GRACE_FLOOR_MS);
    // An honest jittery link keeps its median.
    const d = new Connection(2, null as never, '10.0.0.2', 0);
    for (const rtt of [150, 190, 210, 230, 170]) {
      d.recordPing(now);
      now += rtt;
      d.recordPong(now);
    }
    expect(d.graceMs).toBe(190);
  });
});
