/**
 * A question's sound on the host screen: planned while the question is open (in place of the
 * music bed, from where the question is), played through the engine's master gain (so mute and
 * volume hold), and stopped when the question's moment ends or is paused.
 */
import { describe, expect, it } from 'vitest';
import { initialView, type ClientView } from '../../src/shared/client/client-view';
import type { AudioBufferLike } from '../../src/renderer/sound/audio-graph';
import { SoundEngine, type EngineTimers } from '../../src/renderer/sound/sound-engine';
import { soundMoment, soundPlan } from '../../src/renderer/sound/sound-plan';
import { FakeAudioContext, type FakeBufferSource } from '../support/fake-audio';
import { waitFor } from '../support/wait';

const T0 = 1_700_000_000_000;
const CLIP = `${'a'.repeat(64)}.mp3`;
const noTimers: EngineTimers = { setInterval: () => 0, clearInterval: () => undefined, setTimeout: () => 0 };

/** A recording context that can decode: a file of n bytes becomes a buffer of n samples. */
class DecodingContext extends FakeAudioContext {
  decoded = 0;
  async decodeAudioData(data: ArrayBuffer): Promise<AudioBufferLike> {
    this.decoded++;
    return this.createBuffer(1, data.byteLength);
  }
}

function hostView(patch: Partial<ClientView>): ClientView {
  return { ...initialView(), ready: true, role: 'host', ...patch };
}

function openQuestion(audio?: string, paused = false): ClientView {
  return hostView({
    phase: 'question',
    paused: paused ? { remainingMs: 5000 } : null,
    question: {
      index: 0,
      count: 3,
      kind: 'choice',
      prompt: 'Which bird sings this?',
      options: ['Robin', 'Wren'],
      points: 1000,
      timeLimitMs: 20_000,
      openedAt: T0,
      deadline: T0 + 20_000,
      ...(audio ? { audio } : {}),
    },
  });
}

describe('the question’s sound in the plan', () => {
  it('plays the clip instead of the bed, from where the question is', () => {
    const plan = soundPlan(soundMoment(openQuestion(CLIP)), T0, T0 + 4000, false);
    expect(plan.clip).toEqual({ ref: CLIP, offset: 4 });
    expect(plan.loop).toBeNull();
    expect(plan.cues.map((c) => c.cue)).toContain('time-up');
  });

  it('has no clip without a sound, while paused, or in any other phase', () => {
    expect(soundPlan(soundMoment(openQuestion()), T0, T0, false).clip).toBeUndefined();
    expect(soundPlan(soundMoment(openQuestion(CLIP, true)), T0, T0, false).clip).toBeUndefined();
    const reveal = hostView({
      phase: 'reveal',
      question: openQuestion(CLIP).question,
      reveal: { index: 0, kind: 'choice', correct: 0, counts: [1, 0], answered: 1, voided: false },
    });
    expect(soundPlan(soundMoment(reveal), T0, T0, false).clip).toBeUndefined();
  });
});

describe('the question’s sound in the engine', () => {
  function setUp(muted = false) {
    const ctx = new DecodingContext('running');
    const asked: string[] = [];
    const engine = new SoundEngine(
      () => ctx,
      { muted, volume: 1 },
      noTimers,
      async (ref) => {
        asked.push(ref);
        return new ArrayBuffer(800);
      },
    );
    return { ctx, engine, asked };
  }

  const clipSource = (ctx: FakeAudioContext) =>
    ctx.buffers.find((b) => b.buffer?.length === 800) as FakeBufferSource | undefined;

  it('plays the clip through the master gain from the offset, and stops it when the moment ends', async () => {
    const { ctx, engine, asked } = setUp();
    engine.enter(() => ({ loop: null, cues: [], clip: { ref: CLIP, offset: 2 } }));
    const source = await waitFor(() => clipSource(ctx), 'the clip to start');
    expect(asked).toEqual([CLIP]);
    expect(source.startOffset).toBe(2);
    // clip → scene bus → master → speakers
    const bus = source.outputs[0]!;
    expect(ctx.gains).toContain(bus);
    expect((bus as unknown as { outputs: unknown[] }).outputs).toContain(ctx.master);
    expect(source.stopAt).toBeNull();
    ctx.currentTime = 3;
    engine.enter(() => ({ loop: null, cues: [] }));
    expect(source.stopAt).not.toBeNull();
    expect(source.stopAt!).toBeLessThanOrEqual(3.5);
  });

  it('is silent when muted (the master gain is 0) and decodes a clip once', async () => {
    const { ctx, engine } = setUp(true);
    engine.enter(() => ({ loop: null, cues: [], clip: { ref: CLIP, offset: 0 } }));
    await waitFor(() => clipSource(ctx), 'the clip to start');
    expect(ctx.master!.gain.value).toBe(0);
    engine.enter(() => ({ loop: null, cues: [], clip: { ref: CLIP, offset: 1 } }));
    await waitFor(() => ctx.buffers.filter((b) => b.buffer?.length === 800).length === 2, 'the clip again');
    expect(ctx.decoded).toBe(1);
  });

  it('plays nothing when the clip cannot be had, and the scene goes on', async () => {
    const ctx = new DecodingContext('running');
    const engine = new SoundEngine(
      () => ctx,
      { muted: false, volume: 1 },
      noTimers,
      () => Promise.reject(new Error('404')),
    );
    engine.enter(() => ({ loop: null, cues: [{ cue: 'tick', at: 0 }], clip: { ref: CLIP, offset: 0 } }));
    await new Promise((r) => setTimeout(r, 0));
    expect(clipSource(ctx)).toBeUndefined();
    expect(ctx.oscillators.length).toBeGreaterThan(0);
  });
});
