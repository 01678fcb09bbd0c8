/**
 * The host's sound engine over a recording AudioContext: what is scheduled, when, through which
 * gain, and what is called off. Nothing is heard; the graph is read.
 */
import { describe, expect, it } from 'vitest';
import { TICK_HZ } from '../../src/renderer/sound/cues';
import {
  masterGain,
  SoundEngine,
  type EngineTimers,
  type ScenePlan,
} from '../../src/renderer/sound/sound-engine';
import { FakeAudioContext } from '../support/fake-audio';

/** Timers the test runs by hand (the engine refills music every 250 ms in a browser). */
const noTimers: EngineTimers = { setInterval: () => 0, clearInterval: () => undefined, setTimeout: () => 0 };

function engineWith(state: 'running' | 'suspended' = 'running', muted = false) {
  const ctx = new FakeAudioContext(state);
  const engine = new SoundEngine(() => ctx, { muted, volume: 0.8 }, noTimers);
  return { ctx, engine };
}

const ticks: ScenePlan = {
  loop: null,
  cues: [1, 2, 3, 4, 5].map((at) => ({ cue: 'tick' as const, at })),
};

describe('the sound engine', () => {
  it('mutes by setting the master gain to 0, and unmutes to the volume', () => {
    const { ctx, engine } = engineWith();
    engine.enter(() => ticks);
    expect(ctx.master?.gain.value).toBeCloseTo(0.64);
    engine.update({ muted: true });
    expect(ctx.master?.gain.value).toBe(0);
    engine.update({ muted: false });
    expect(ctx.master?.gain.value).toBeCloseTo(0.64);
  });

  it('starts muted when the host muted it last time', () => {
    const { ctx, engine } = engineWith('running', true);
    engine.enter(() => ticks);
    expect(ctx.master?.gain.value).toBe(0);
  });

  it('follows the volume as it is heard: half way is a quarter of the gain', () => {
    expect(masterGain({ muted: false, volume: 0.5 })).toBeCloseTo(0.25);
    expect(masterGain({ muted: false, volume: 1 })).toBe(1);
    expect(masterGain({ muted: false, volume: 7 })).toBe(1);
    expect(masterGain({ muted: true, volume: 1 })).toBe(0);
  });

  it('routes every sound through the master gain', () => {
    const { ctx, engine } = engineWith();
    engine.enter(() => ticks);
    const master = ctx.master!;
    // Only the master reaches the speakers.
    expect(ctx.gains.filter((g) => g.outputs.includes(ctx.destination))).toEqual([master]);
    expect(ctx.gains.some((g) => g.outputs.includes(master))).toBe(true);
  });

  it('schedules nothing while the browser holds the audio back, then the moment from now on', async () => {
    const { ctx, engine } = engineWith('suspended');
    let now = 0;
    engine.enter(() => ({ loop: null, cues: ticks.cues.map((c) => ({ ...c, at: c.at - now })) }));
    expect(engine.status).toBe('suspended');
    expect(ctx.oscillators).toEqual([]);
    // The host clicks 2.5 s later: the ticks at 1 and 2 s are past and not played late.
    now = 2.5;
    ctx.currentTime = 10;
    engine.unlock();
    await Promise.resolve();
    expect(engine.status).toBe('running');
    const heard = ctx.heard().filter((o) => o.hz === TICK_HZ);
    expect(heard.map((o) => o.startAt)).toEqual([10.5, 11.5, 12.5]);
  });

  it('calls off what the last moment still had to play when the game moves on', () => {
    const { ctx, engine } = engineWith();
    engine.enter(() => ticks);
    // Everyone answered after 2.2 s: the question closes, and its later ticks must not sound.
    ctx.currentTime = 2.2;
    engine.enter(() => ({ loop: null, cues: [{ cue: 'reveal-most-right', at: 0 }] }));
    const tickTimes = ctx
      .heard()
      .filter((o) => o.hz === TICK_HZ)
      .map((o) => o.startAt);
    expect(tickTimes).toEqual([1, 2]);
  });

  it('plays a question bed until the deadline and no bar after it', () => {
    const { ctx, engine } = engineWith();
    engine.enter(() => ({ loop: { name: 'question-bed', until: 4 }, cues: [] }));
    for (let t = 0; t <= 8; t += 0.25) {
      ctx.currentTime = t;
      engine.pump();
    }
    const starts = ctx.heard().map((o) => o.startAt ?? 0);
    expect(starts.length).toBeGreaterThan(0);
    expect(Math.max(...starts)).toBeLessThan(4);
  });

  it('keeps the lobby music going as long as the lobby lasts', () => {
    const { ctx, engine } = engineWith();
    engine.enter(() => ({ loop: { name: 'lobby-music', until: null }, cues: [] }));
    for (let t = 0; t <= 60; t += 0.25) {
      ctx.currentTime = t;
      engine.pump();
    }
    expect(Math.max(...ctx.oscillators.map((o) => o.startAt ?? 0))).toBeGreaterThan(58);
  });

  it('goes on in silence where the platform has no audio', () => {
    const engine = new SoundEngine(() => null, { muted: false, volume: 1 }, noTimers);
    engine.enter(() => ticks);
    engine.unlock();
    expect(engine.status).toBe('unavailable');
  });
});
