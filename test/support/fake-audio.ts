/**
 * A stand-in for a browser's AudioContext that records the graph instead of making sound: every
 * node made, what it is connected to, each source's start and stop, and each parameter's scheduled
 * values. Time moves when the test sets `currentTime`. For testing what the host's sound schedules.
 */
import type {
  AudioBufferLike,
  AudioContextLike,
  AudioNodeLike,
  AudioParamLike,
} from '../../src/renderer/sound/audio-graph';

export class FakeParam implements AudioParamLike {
  readonly events: { kind: string; value: number; time: number }[] = [];
  constructor(public value: number) {}
  setValueAtTime(value: number, time: number): this {
    this.events.push({ kind: 'set', value, time });
    return this;
  }
  linearRampToValueAtTime(value: number, time: number): this {
    this.events.push({ kind: 'linear', value, time });
    return this;
  }
  exponentialRampToValueAtTime(value: number, time: number): this {
    this.events.push({ kind: 'exponential', value, time });
    return this;
  }
  setTargetAtTime(value: number, time: number): this {
    this.events.push({ kind: 'target', value, time });
    return this;
  }
  cancelScheduledValues(time: number): this {
    this.events.push({ kind: 'cancel', value: 0, time });
    return this;
  }
}

export class FakeNode implements AudioNodeLike {
  readonly outputs: AudioNodeLike[] = [];
  constructor(readonly kind: string) {}
  connect(destination: AudioNodeLike): AudioNodeLike {
    this.outputs.push(destination);
    return destination;
  }
  disconnect(): void {
    this.outputs.length = 0;
  }
}

export class FakeGain extends FakeNode {
  readonly gain = new FakeParam(1);
  constructor() {
    super('gain');
  }
}

export class FakeSource extends FakeNode {
  startAt: number | null = null;
  /** Where in its buffer it began (seconds). */
  startOffset = 0;
  stopAt: number | null = null;
  onended: ((this: never, ev: never) => unknown) | null = null;
  start(when = 0, offset = 0): void {
    this.startAt = when;
    this.startOffset = offset;
  }
  stop(when = 0): void {
    this.stopAt = when;
  }
  /** Would it be heard: started, and not stopped before it starts. */
  get sounds(): boolean {
    return this.startAt !== null && (this.stopAt === null || this.stopAt > this.startAt);
  }
}

export class FakeOscillator extends FakeSource {
  type = 'sine';
  readonly frequency = new FakeParam(440);
  readonly detune = new FakeParam(0);
  constructor() {
    super('oscillator');
  }
  /** The first frequency it was given. */
  get hz(): number {
    return this.frequency.events[0]?.value ?? this.frequency.value;
  }
}

export class FakeBufferSource extends FakeSource {
  buffer: AudioBufferLike | null = null;
  loop = false;
  readonly playbackRate = new FakeParam(1);
  constructor() {
    super('buffer');
  }
}

export class FakeAudioContext implements AudioContextLike {
  currentTime = 0;
  readonly sampleRate = 8000;
  state: string;
  readonly destination = new FakeNode('destination');
  onstatechange: ((this: never, ev: never) => unknown) | null = null;
  readonly gains: FakeGain[] = [];
  readonly oscillators: FakeOscillator[] = [];
  readonly buffers: FakeBufferSource[] = [];
  closed = false;

  constructor(state: 'running' | 'suspended' = 'running') {
    this.state = state;
  }

  createGain(): FakeGain {
    const g = new FakeGain();
    this.gains.push(g);
    return g;
  }
  createOscillator(): FakeOscillator {
    const o = new FakeOscillator();
    this.oscillators.push(o);
    return o;
  }
  createBiquadFilter() {
    return Object.assign(new FakeNode('filter'), {
      type: 'lowpass',
      frequency: new FakeParam(350),
      Q: new FakeParam(1),
    });
  }
  createBuffer(_channels: number, length: number): AudioBufferLike {
    const data = new Float32Array(length);
    return { length, getChannelData: () => data };
  }
  createBufferSource(): FakeBufferSource {
    const b = new FakeBufferSource();
    this.buffers.push(b);
    return b;
  }
  async resume(): Promise<void> {
    this.state = 'running';
    (this.onstatechange as (() => void) | null)?.();
  }
  async close(): Promise<void> {
    this.closed = true;
  }

  /** The gain node connected to the speakers. */
  get master(): FakeGain | undefined {
    return this.gains.find((g) => g.outputs.includes(this.destination));
  }

  /** Oscillators that will be heard, started at or after `from` and before `to`. */
  heard(from = -Infinity, to = Infinity): FakeOscillator[] {
    return this.oscillators.filter((o) => o.sounds && o.startAt! >= from && o.startAt! < to);
  }
}
