/**
 * The host screen's sound: one AudioContext, one master gain (volume and mute), and the sound of
 * the current moment of the game, a "scene": a music loop and one-shot cues at given times. When
 * the game moves on, the next scene replaces the last one, and whatever the last one had scheduled
 * for later is called off. Browsers hold audio back until a person clicks or presses a key: until
 * then the context is suspended, nothing is scheduled, and `unlock` (called on that first gesture)
 * starts the current scene from where the game is. A one-off cue (a player joining) plays beside
 * the scene, rate-limited (cue-rate-limit.ts).
 */
import type {
  AudioBufferLike,
  AudioContextFactory,
  AudioContextLike,
  GainNodeLike,
  ScheduledSourceLike,
} from './audio-graph';
import { mediaUrl } from '../media/media-url';
import type { CueRateLimit } from './cue-rate-limit';
import { LOOPS, playCue, type CueName, type CueTarget, type LoopName, type LoopPattern } from './cues';

export interface SoundSettings {
  muted: boolean;
  /** 0..1, as the slider shows it. */
  volume: number;
}

/** What a moment of the game sounds like, with times in seconds from now (negative: already past). */
export interface ScenePlan {
  loop: { name: LoopName; until: number | null } | null;
  cues: { cue: CueName; at: number; dur?: number }[];
  /**
   * A sound file of the quiz (the open question's clip, by media name), played from `offset`
   * seconds in; it stops with the scene (when the question closes or is paused).
   */
  clip?: { ref: string; offset: number };
}

/** Fetches a quiz's sound file by its media name. */
export type ClipLoader = (ref: string) => Promise<ArrayBuffer>;

const fetchClip: ClipLoader = async (ref) => {
  const res = await fetch(mediaUrl(ref));
  if (!res.ok) throw new Error(`The sound ${ref} could not be loaded (HTTP ${res.status}).`);
  return res.arrayBuffer();
};

/** Decoded clips kept at most (a quiz's sounds, one per question at most). */
const CLIPS_KEPT = 8;

/** `idle`: no sound asked for yet (the context is made with the first scene). */
export type SoundStatus = 'idle' | 'unavailable' | 'suspended' | 'running';

export interface EngineTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
}

const browserTimers: EngineTimers = {
  setInterval: (fn, ms) => setInterval(fn, ms),
  clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
};

/** Music is scheduled this far ahead, refilled every PUMP_MS: enough to survive a busy main thread. */
const LOOKAHEAD_S = 0.8;
const PUMP_MS = 250;
/** A cue whose time passed less than this ago still plays (a reveal sting arrives a little late). */
const LATE_S = 0.25;

interface Scene {
  bus: GainNodeLike;
  sources: { source: ScheduledSourceLike; at: number }[];
  loop: { pattern: LoopPattern; bus: GainNodeLike; nextBar: number; n: number; until: number | null } | null;
  /** The quiz's sound file playing in this scene, once decoded. */
  clip?: ScheduledSourceLike;
}

/** The master gain for these settings: loudness is felt roughly as the square of the gain. */
export function masterGain(settings: SoundSettings): number {
  if (settings.muted) return 0;
  const v = Math.min(1, Math.max(0, settings.volume));
  return v * v;
}

export class SoundEngine {
  private ctx: AudioContextLike | null = null;
  private master: GainNodeLike | null = null;
  private failed = false;
  private scene: Scene | null = null;
  private plan: (() => ScenePlan) | null = null;
  private pumpTimer: unknown = null;
  private readonly listeners = new Set<() => void>();
  /** Decoded clips by media name (null: it could not be had; the show goes on without it). */
  private readonly clips = new Map<string, Promise<AudioBufferLike | null>>();
  /** Grows with every change of status or settings (for React's useSyncExternalStore). */
  version = 0;

  constructor(
    private readonly factory: AudioContextFactory,
    private current: SoundSettings,
    private readonly timers: EngineTimers = browserTimers,
    private readonly loadClip: ClipLoader = fetchClip,
  ) {}

  get settings(): SoundSettings {
    return this.current;
  }

  get status(): SoundStatus {
    if (this.failed) return 'unavailable';
    if (!this.ctx) return 'idle';
    return this.ctx.state === 'running' ? 'running' : 'suspended';
  }

  /** The master gain node (what the volume and mute act on), once the context exists. */
  get masterNode(): GainNodeLike | null {
    return this.master;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the audio, from a click or key press (browsers allow it then). */
  unlock(): void {
    const ctx = this.context();
    if (ctx && ctx.state !== 'running') ctx.resume().catch(() => undefined);
  }

  update(settings: Partial<SoundSettings>): void {
    this.current = { ...this.current, ...settings };
    this.applyGain();
    this.emit();
  }

  /**
   * Plays the moment `plan` describes (called again with a fresh "now" if the audio only starts
   * later), replacing the moment before.
   */
  enter(plan: () => ScenePlan): void {
    this.plan = plan;
    this.leave();
    // The context is made here (an effect), never while rendering: a render React throws away
    // would leave a context behind.
    if (this.context()?.state === 'running') this.build(plan());
  }

  /**
   * Plays a one-off cue now (a player joining), beside the moment's scene: not while muted or
   * before the audio runs, and not when `limit` says it sounded too often already. Returns whether
   * it was played.
   */
  playNow(cue: CueName, limit: CueRateLimit | null = null): boolean {
    const ctx = this.ctx;
    if (!ctx || !this.master || ctx.state !== 'running' || this.current.muted) return false;
    if (limit && !limit.allow(ctx.currentTime)) return false;
    playCue({ ctx, out: this.master, started: () => undefined }, cue, ctx.currentTime);
    return true;
  }

  /** Schedules the music loop's next bars; runs on a timer while a loop plays. */
  pump(): void {
    const ctx = this.ctx;
    const loop = this.scene?.loop;
    if (!ctx || !loop || !this.scene) return;
    const horizon = ctx.currentTime + LOOKAHEAD_S;
    // Forget notes long over (a lobby can play for an hour).
    const over = ctx.currentTime - 5;
    if (this.scene.sources.length > 500) this.scene.sources = this.scene.sources.filter((s) => s.at > over);
    const target = this.target(this.scene, loop.bus, loop.until);
    while (loop.nextBar < horizon && (loop.until === null || loop.nextBar < loop.until)) {
      loop.pattern.bar(target, loop.nextBar, loop.n);
      loop.nextBar += loop.pattern.barSeconds;
      loop.n++;
    }
  }

  /** Closes the audio; the engine may be used again (it makes a new context then). */
  dispose(): void {
    this.leave();
    this.plan = null;
    const ctx = this.ctx;
    this.ctx = null;
    this.master = null;
    if (ctx) ctx.close().catch(() => undefined);
  }

  private context(): AudioContextLike | null {
    if (this.ctx || this.failed) return this.ctx;
    let ctx: AudioContextLike | null = null;
    try {
      ctx = this.factory();
    } catch {
      ctx = null; // a platform without audio output: the show goes on in silence
    }
    if (!ctx) {
      this.failed = true;
      return null;
    }
    this.ctx = ctx;
    this.master = ctx.createGain();
    this.master.connect(ctx.destination);
    this.applyGain();
    ctx.onstatechange = () => {
      if (ctx.state === 'running' && !this.scene && this.plan) this.build(this.plan());
      this.emit();
    };
    // Made already running (no autoplay rule here), or suspended until a gesture: say which.
    this.emit();
    return ctx;
  }

  private applyGain(): void {
    const ctx = this.ctx;
    if (!ctx || !this.master) return;
    // Set at once (not ramped): muting is heard at once and reads back at once.
    this.master.gain.cancelScheduledValues(ctx.currentTime);
    this.master.gain.value = masterGain(this.current);
  }

  /** Where a scene's sounds go; a note of a bar that would start after `until` is called off. */
  private target(scene: Scene, out: GainNodeLike, until: number | null = null): CueTarget {
    return {
      ctx: this.ctx!,
      out,
      started: (source, at) => {
        if (until !== null && at >= until) source.stop(until);
        else scene.sources.push({ source, at });
      },
    };
  }

  private build(plan: ScenePlan): void {
    const ctx = this.ctx;
    if (!ctx || !this.master) return;
    const now = ctx.currentTime;
    const bus = ctx.createGain();
    bus.connect(this.master);
    const scene: Scene = { bus, sources: [], loop: null };
    this.scene = scene;
    for (const c of plan.cues) {
      if (c.at < -LATE_S) continue;
      playCue(this.target(scene, bus), c.cue, now + Math.max(0, c.at), c.dur ?? 0);
    }
    if (plan.clip) this.startClip(scene, plan.clip.ref, plan.clip.offset);
    if (plan.loop) {
      const until = plan.loop.until === null ? null : now + plan.loop.until;
      if (until === null || until > now) {
        const loopBus = ctx.createGain();
        loopBus.connect(bus);
        // The bed stops at the deadline even if a bar already scheduled runs past it.
        if (until !== null) loopBus.gain.setTargetAtTime(0, until, 0.05);
        scene.loop = { pattern: LOOPS[plan.loop.name], bus: loopBus, nextBar: now + 0.05, n: 0, until };
        this.pump();
        this.pumpTimer = this.timers.setInterval(() => this.pump(), PUMP_MS);
      }
    }
  }

  /** Plays clip `ref` on `scene`'s bus once it is decoded, if that scene is still the one playing. */
  private startClip(scene: Scene, ref: string, offset: number): void {
    const ctx = this.ctx;
    if (!ctx?.decodeAudioData) return;
    let clip = this.clips.get(ref);
    if (!clip) {
      const decode = ctx.decodeAudioData.bind(ctx);
      clip = this.loadClip(ref)
        .then((data) => decode(data))
        .catch(() => null);
      this.clips.set(ref, clip);
      while (this.clips.size > CLIPS_KEPT) this.clips.delete(this.clips.keys().next().value!);
    }
    const asked = ctx.currentTime;
    void clip.then((buffer) => {
      if (!buffer || this.scene !== scene || this.ctx !== ctx) return;
      const source = ctx.createBufferSource();
      source.buffer = buffer;
      source.connect(scene.bus);
      // Started where the question is now, not where it was when the clip was asked for.
      source.start(ctx.currentTime, Math.max(0, offset + ctx.currentTime - asked));
      scene.clip = source;
    });
  }

  private leave(): void {
    const scene = this.scene;
    this.scene = null;
    if (this.pumpTimer !== null) this.timers.clearInterval(this.pumpTimer);
    this.pumpTimer = null;
    const ctx = this.ctx;
    if (!scene || !ctx) return;
    const now = ctx.currentTime;
    // Sounds still to come are called off; sounds playing fade out quickly.
    for (const { source, at } of scene.sources) if (at > now) source.stop(now);
    // A clip ends once it has faded out with its bus.
    scene.clip?.stop(now + 0.5);
    scene.bus.gain.setTargetAtTime(0, now, 0.08);
    this.timers.setTimeout(() => scene.bus.disconnect(), 1500);
  }

  private emit(): void {
    this.version++;
    for (const l of this.listeners) l();
  }
}
