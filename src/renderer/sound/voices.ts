/**
 * The instruments every cue is built from: an enveloped oscillator (a note) and enveloped noise
 * (drums, hats, swooshes). Each voice starts and stops itself at its scheduled audio time and
 * lets go of its nodes when it ends, so a long game does not pile up a graph.
 */
import type { AudioBufferLike, AudioContextLike, AudioNodeLike, ScheduledSourceLike } from './audio-graph';

/** Where a voice plays: the context, the bus it feeds, and who to tell about each source it starts. */
export interface VoiceTarget {
  ctx: AudioContextLike;
  out: AudioNodeLike;
  /** Told of every source with its start time, so that one still in the future can be called off. */
  started?: (source: ScheduledSourceLike, at: number) => void;
}

export interface NoteSpec {
  /** Audio time (seconds on the context's clock) at which the note starts. */
  at: number;
  /** Hz. */
  freq: number;
  /** Seconds from start to the end of the release. */
  dur: number;
  type?: 'sine' | 'square' | 'sawtooth' | 'triangle';
  /** Peak gain (0..1) before the master volume. */
  gain?: number;
  attack?: number;
  /** Hz to glide to over the note's length. */
  glideTo?: number;
  /** A low-pass filter's cutoff (Hz), for softer saw and square tones. */
  lowpass?: number;
  detune?: number;
}

export interface NoiseSpec {
  at: number;
  dur: number;
  gain?: number;
  attack?: number;
  /** Filter the noise: a band around `freq` (hats, swooshes) or everything under it (rumbles). */
  filter?: { type: 'bandpass' | 'highpass' | 'lowpass'; freq: number; q?: number; sweepTo?: number };
}

/** Frequency of a MIDI note number (69 = A4 = 440 Hz). */
export function midi(note: number): number {
  return 440 * 2 ** ((note - 69) / 12);
}

function launch(
  target: VoiceTarget,
  source: ScheduledSourceLike,
  nodes: AudioNodeLike[],
  at: number,
  dur: number,
): void {
  source.onended = () => {
    for (const n of nodes) n.disconnect();
  };
  source.start(at);
  source.stop(at + dur + 0.02);
  target.started?.(source, at);
}

export function note(target: VoiceTarget, spec: NoteSpec): void {
  const { ctx, out } = target;
  const { at, freq, dur } = spec;
  const peak = spec.gain ?? 0.3;
  const attack = Math.min(spec.attack ?? 0.01, dur / 2);
  const osc = ctx.createOscillator();
  osc.type = spec.type ?? 'sine';
  osc.frequency.setValueAtTime(freq, at);
  if (spec.glideTo !== undefined) osc.frequency.exponentialRampToValueAtTime(spec.glideTo, at + dur);
  if (spec.detune !== undefined) osc.detune.setValueAtTime(spec.detune, at);
  const env = ctx.createGain();
  env.gain.setValueAtTime(0, at);
  env.gain.linearRampToValueAtTime(peak, at + attack);
  // Exponential decay sounds natural; it cannot reach 0, so it ends near silence.
  env.gain.exponentialRampToValueAtTime(0.0001, at + dur);
  const nodes: AudioNodeLike[] = [osc, env];
  if (spec.lowpass !== undefined) {
    const filter = ctx.createBiquadFilter();
    filter.type = 'lowpass';
    filter.frequency.setValueAtTime(spec.lowpass, at);
    osc.connect(filter);
    filter.connect(env);
    nodes.push(filter);
  } else {
    osc.connect(env);
  }
  env.connect(out);
  launch(target, osc, nodes, at, dur);
}

/** One second of white noise per context, shared by every noise voice. */
const noiseBuffers = new WeakMap<AudioContextLike, AudioBufferLike>();

function noiseBuffer(ctx: AudioContextLike): AudioBufferLike {
  let buffer = noiseBuffers.get(ctx);
  if (!buffer) {
    buffer = ctx.createBuffer(1, Math.round(ctx.sampleRate), ctx.sampleRate);
    const data = buffer.getChannelData(0);
    // A fixed linear congruential sequence: the same noise every time, no Math.random.
    let seed = 0x2f6b1a3d;
    for (let i = 0; i < data.length; i++) {
      seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
      data[i] = (seed / 0xffffffff) * 2 - 1;
    }
    noiseBuffers.set(ctx, buffer);
  }
  return buffer;
}

export function noise(target: VoiceTarget, spec: NoiseSpec): void {
  const { ctx, out } = target;
  const { at, dur } = spec;
  const src = ctx.createBufferSource();
  src.buffer = noiseBuffer(ctx);
  src.loop = true;
  const env = ctx.createGain();
  const attack = Math.min(spec.attack ?? 0.002, dur / 2);
  env.gain.setValueAtTime(0, at);
  env.gain.linearRampToValueAtTime(spec.gain ?? 0.2, at + attack);
  env.gain.exponentialRampToValueAtTime(0.0001, at + dur);
  const nodes: AudioNodeLike[] = [src, env];
  if (spec.filter) {
    const filter = ctx.createBiquadFilter();
    filter.type = spec.filter.type;
    filter.frequency.setValueAtTime(spec.filter.freq, at);
    if (spec.filter.sweepTo !== undefined)
      filter.frequency.exponentialRampToValueAtTime(spec.filter.sweepTo, at + dur);
    filter.Q.setValueAtTime(spec.filter.q ?? 1, at);
    src.connect(filter);
    filter.connect(env);
    nodes.push(filter);
  } else {
    src.connect(env);
  }
  env.connect(out);
  launch(target, src, nodes, at, dur);
}
