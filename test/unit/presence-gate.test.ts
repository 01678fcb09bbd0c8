import { describe, expect, it } from 'vitest';
import { PRESENCE_BURST, PRESENCE_REFILL_MS, PresenceGate } from '../../src/main/server/presence-gate';
import { FakeClock } from '../support/fake-clock';

/** An engine that only keeps who is connected, and a log of what it was told. */
function setup() {
  const clock = new FakeClock();
  const connected = new Map<string, boolean>([
    ['p1', true],
    ['p2', true],
  ]);
  const told: string[] = [];
  const gate = new PresenceGate(clock, {
    connected: (id) => connected.get(id),
    apply: (id, now, at) => {
      connected.set(id, now);
      told.push(`${id} ${now ? 'connected' : 'disconnected'} @${at - 1_700_000_000_000}`);
    },
  });
  return { clock, connected, told, gate };
}

/** The player's connection closes and opens again `times` times, `gapMs` apart. */
function flap(s: ReturnType<typeof setup>, id: string, times: number, gapMs = 0): void {
  for (let i = 0; i < times; i++) {
    s.gate.set(id, false, s.clock.now());
    s.clock.advance(gapMs);
    s.gate.set(id, true, s.clock.now());
    s.clock.advance(gapMs);
  }
}

describe('players coming and going, limited per player', () => {
  it('passes a few drops and returns at once, as a bad minute of Wi-Fi has them', () => {
    const s = setup();
    flap(s, 'p1', PRESENCE_BURST / 2);
    expect(s.told).toHaveLength(PRESENCE_BURST);
    expect(s.connected.get('p1')).toBe(true);
  });

  it('tells the engine nothing more for a player who reconnects in a loop, until their turn comes', () => {
    const s = setup();
    flap(s, 'p1', 500);
    expect(s.told).toHaveLength(PRESENCE_BURST);
    // Back where they began: the held changes add up to nothing.
    s.clock.advance(10 * PRESENCE_REFILL_MS);
    expect(s.told).toHaveLength(PRESENCE_BURST);
    expect(s.connected.get('p1')).toBe(true);
    // Another player is not held back by the first.
    s.gate.set('p2', false, s.clock.now());
    expect(s.told.at(-1)).toMatch(/^p2 disconnected/);
  });

  it('lets a held change out when its turn comes, as the player is by then', () => {
    const s = setup();
    flap(s, 'p1', PRESENCE_BURST / 2);
    // Gone for good now, but out of changes: the engine hears of it one refill later.
    s.gate.set('p1', false, s.clock.now());
    expect(s.connected.get('p1')).toBe(true);
    s.clock.advance(PRESENCE_REFILL_MS - 1);
    expect(s.connected.get('p1')).toBe(true);
    s.clock.advance(1);
    expect(s.connected.get('p1')).toBe(false);
    expect(s.told.at(-1)).toBe(`p1 disconnected @${PRESENCE_REFILL_MS}`);
  });

  it('allows a steady one change per refill, whatever the player does', () => {
    const s = setup();
    flap(s, 'p1', 1000, 50);
    const seconds = (1000 * 100) / 1000;
    expect(s.told.length).toBeLessThanOrEqual(
      PRESENCE_BURST + Math.ceil((seconds * 1000) / PRESENCE_REFILL_MS),
    );
    expect(s.told.length).toBeGreaterThanOrEqual(PRESENCE_BURST);
  });

  it('forgets a player the engine no longer has, and drops held changes when the room closes', () => {
    const s = setup();
    flap(s, 'p1', PRESENCE_BURST / 2);
    s.gate.set('p1', false, s.clock.now());
    s.connected.delete('p1');
    s.clock.advance(PRESENCE_REFILL_MS);
    expect(s.told).toHaveLength(PRESENCE_BURST);
    flap(s, 'p2', PRESENCE_BURST / 2);
    s.gate.set('p2', false, s.clock.now());
    s.gate.clear();
    s.clock.advance(10 * PRESENCE_REFILL_MS);
    expect(s.connected.get('p2')).toBe(true);
  });
});
