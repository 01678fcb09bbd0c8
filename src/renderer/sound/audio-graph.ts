/**
 * The slice of the Web Audio API the host's sounds use, as plain structural types. A browser's
 * AudioContext satisfies them; so does a recording stand-in, which lets the cues be tested in
 * Node (what is scheduled, when, and through which gain) without pretending to hear anything.
 */
export interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, time: number): unknown;
  linearRampToValueAtTime(value: number, time: number): unknown;
  exponentialRampToValueAtTime(value: number, time: number): unknown;
  setTargetAtTime(target: number, time: number, timeConstant: number): unknown;
  cancelScheduledValues(time: number): unknown;
}

export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
  disconnect(): void;
}

export interface GainNodeLike extends AudioNodeLike {
  readonly gain: AudioParamLike;
}

export interface ScheduledSourceLike extends AudioNodeLike {
  /** `offset`: where in a buffer to begin (seconds), for a sound file joined late. */
  start(when?: number, offset?: number): void;
  stop(when?: number): void;
  onended: ((this: never, ev: never) => unknown) | null;
}

export interface OscillatorNodeLike extends ScheduledSourceLike {
  type: string;
  readonly frequency: AudioParamLike;
  readonly detune: AudioParamLike;
}

export interface BiquadFilterNodeLike extends AudioNodeLike {
  type: string;
  readonly frequency: AudioParamLike;
  readonly Q: AudioParamLike;
}

export interface AudioBufferLike {
  readonly length: number;
  getChannelData(channel: number): Float32Array;
}

export interface AudioBufferSourceNodeLike extends ScheduledSourceLike {
  buffer: AudioBufferLike | null;
  loop: boolean;
  readonly playbackRate: AudioParamLike;
}

export interface AudioContextLike {
  readonly currentTime: number;
  readonly sampleRate: number;
  readonly state: string;
  readonly destination: AudioNodeLike;
  onstatechange: ((this: never, ev: never) => unknown) | null;
  createGain(): GainNodeLike;
  createOscillator(): OscillatorNodeLike;
  createBiquadFilter(): BiquadFilterNodeLike;
  createBuffer(channels: number, length: number, sampleRate: number): AudioBufferLike;
  createBufferSource(): AudioBufferSourceNodeLike;
  /** Decodes a sound file (a question's clip); absent in stand-ins that never play one. */
  decodeAudioData?(data: ArrayBuffer): Promise<AudioBufferLike>;
  resume(): Promise<void>;
  close(): Promise<void>;
}

/** Makes the context; null where the platform has no Web Audio. Tests pass their own. */
export type AudioContextFactory = () => AudioContextLike | null;
