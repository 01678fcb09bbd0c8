/**
 * The lobby's join pop over a recording AudioContext: played through the master gain (so volume
 * and mute act on it), not at all while muted or before the audio runs, and rate-limited so that
 * a storm of joins makes a few pops. Nothing is heard; the graph is read.
 */
import { describe, expect, it } from 'vitest';
import type { AudioNodeLike } from '../../src/renderer/sound/audio-graph';
import { CueRateLimit, joinCueLimit } from '../../src/renderer/sound/cue-rate-limit';
import { JOIN_HZ } from '../../src/renderer/sound/cues';
import { SoundEngine, type EngineTimers } from '../../src/renderer/sound/sound-engine';
import { FakeAudioContext, type FakeNode } from '../support/fake-audio';

const noTimers: EngineTimers = { setInterval: () => 0, clearInterval: () => undefined, setTimeout: () => 0 };

function engineWith(state: 'running' | 'suspended' = 'running', muted = false) {
  const ctx = new FakeAudioContext(state);
  const engine = new SoundEngine(() => ctx, { muted, volume: 0.8 }, noTimers);
  // The lobby's scene (its music is not what this test reads).
  engine.enter(() => ({ loop: null, cues: [] }));
  return { ctx, engine };
}

function reaches(node: AudioNodeLike, target: AudioNodeLike, depth = 0): boolean {
  if (node === target) return true;
  if (depth > 8) return false;
  return (node as FakeNode).outputs.some((o) => reaches(o, target, depth + 1));
}

const pops = (ctx: FakeAudioContext) => ctx.heard().filter((o) => o.hz === JOIN_HZ);

describe('the join pop', () => {
  it('plays a short blip now, through the master gain', () => {
    const { ctx, engine } = engineWith();
    ctx.currentTime = 3;
    expect(engine.playNow('join', joinCueLimit())).toBe(true);
    const [pop] = pops(ctx);
    expect(pop?.startAt).toBe(3);
    expect(pop!.stopAt! - pop!.startAt!).toBeLessThan(0.5);
    // It slides up an octave.
    expect(pop!.frequency.events.some((e) => e.value === JOIN_HZ * 2)).toBe(true);
    expect(reaches(pop!, ctx.master!)).toBe(true);
  });

  it('stays silent while muted or before the audio runs', () => {
    const muted = engineWith('running', true);
    expect(muted.engine.playNow('join')).toBe(false);
    expect(pops(muted.ctx)).toEqual([]);
    const held = engineWith('suspended');
    expect(held.engine.playNow('join')).toBe(false);
    expect(held.ctx.oscillators).toEqual([]);
  });

  it('300 joins in one second make at most five pops, and the next second may pop again', () => {
    const { ctx, engine } = engineWith();
    const limit = joinCueLimit();
    for (let i = 0; i < 300; i++) {
      ctx.currentTime = 10 + i / 300;
      engine.playNow('join', limit);
    }
    const first = pops(ctx);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(5);
    const starts = first.map((o) => o.startAt!);
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(0.12);
    ctx.currentTime = 12;
    expect(engine.playNow('join', limit)).toBe(true);
  });
});

describe('a cue rate limit', () => {
  it('keeps a minimum gap and a count per window', () => {
    const limit = new CueRateLimit(0.1, 2, 1);
    expect(limit.allow(0)).toBe(true);
    expect(limit.allow(0.05)).toBe(false);
    expect(limit.allow(0.2)).toBe(true);
    expect(limit.allow(0.5)).toBe(false);
    expect(limit.allow(1.01)).toBe(true);
  });
});
