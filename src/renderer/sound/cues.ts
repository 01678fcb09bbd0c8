/**
 * The host's sounds, synthesised (nothing to licence or download, so they work offline), named by
 * the moment of the game they belong to. A cue schedules its notes from an audio time; its target
 * hears of every source it starts, so that a cue still in the future can be called off when the
 * game moves on (a question closed early must not tick on into its reveal).
 */
import { midi, noise, note, type VoiceTarget } from './voices';

export type CueName =
  | 'countdown-beep'
  | 'question-open'
  | 'tick'
  | 'time-up'
  | 'reveal-most-right'
  | 'reveal-most-wrong'
  | 'reveal-skipped'
  | 'leaderboard-swell'
  | 'drum-roll'
  | 'fanfare'
  | 'join';

export type LoopName = 'lobby-music' | 'question-bed';

/** The tick's pitch and the buzzer's, by which tests tell them apart in the graph. */
export const TICK_HZ = 1250;
export const TIME_UP_HZ = 220;
/** Where the join "pop" starts its upward blip. */
export const JOIN_HZ = 660;

export type CueTarget = VoiceTarget;

type Cue = (target: CueTarget, at: number, dur: number) => void;

/** Drum hits shared by the cues and the music loops. */
function kick(t: CueTarget, at: number, gain = 0.5): void {
  note(t, { at, freq: 140, glideTo: 42, dur: 0.28, gain, type: 'sine', attack: 0.003 });
}

function hat(t: CueTarget, at: number, gain = 0.06): void {
  noise(t, { at, dur: 0.05, gain, filter: { type: 'highpass', freq: 7000 } });
}

function snare(t: CueTarget, at: number, gain = 0.16): void {
  noise(t, { at, dur: 0.09, gain, filter: { type: 'bandpass', freq: 1800, q: 0.8 } });
}

function chord(
  t: CueTarget,
  at: number,
  notes: number[],
  dur: number,
  gain: number,
  type: 'sawtooth' | 'triangle' | 'square' = 'sawtooth',
  lowpass = 2200,
): void {
  for (const n of notes) note(t, { at, freq: midi(n), dur, gain, type, attack: 0.02, lowpass });
}

const CUES: Record<CueName, Cue> = {
  'countdown-beep': (t, at) => {
    note(t, { at, freq: midi(76), dur: 0.18, gain: 0.25, type: 'square', lowpass: 3000 });
  },
  'question-open': (t, at) => {
    noise(t, {
      at,
      dur: 0.45,
      gain: 0.12,
      attack: 0.2,
      filter: { type: 'bandpass', freq: 600, sweepTo: 5000, q: 1.5 },
    });
    note(t, { at: at + 0.18, freq: midi(81), dur: 0.3, gain: 0.18, type: 'triangle' });
  },
  tick: (t, at) => {
    // A woodblock: a short square burst, filtered so that it knocks rather than beeps.
    note(t, { at, freq: TICK_HZ, dur: 0.07, gain: 0.35, type: 'square', lowpass: 2600, attack: 0.001 });
    note(t, { at, freq: 2500, dur: 0.03, gain: 0.12, type: 'sine', attack: 0.001 });
  },
  'time-up': (t, at) => {
    // A buzzer: two detuned saws sliding down, loud at once (the reveal follows within 0.3 s).
    for (const detune of [-14, 14])
      note(t, {
        at,
        freq: TIME_UP_HZ,
        glideTo: TIME_UP_HZ / 2,
        dur: 0.7,
        gain: 0.22,
        type: 'sawtooth',
        detune,
        lowpass: 1400,
        attack: 0.005,
      });
    noise(t, { at, dur: 0.25, gain: 0.12, filter: { type: 'lowpass', freq: 900 } });
  },
  'reveal-most-right': (t, at) => {
    // A bright rising major arpeggio and a sparkle.
    [72, 76, 79, 84].forEach((n, i) =>
      note(t, { at: at + i * 0.09, freq: midi(n), dur: 0.5, gain: 0.22, type: 'triangle' }),
    );
    chord(t, at + 0.36, [60, 64, 67], 0.9, 0.07);
    for (let i = 0; i < 5; i++)
      note(t, {
        at: at + 0.4 + i * 0.05,
        freq: midi(96 + ((i * 3) % 7)),
        dur: 0.2,
        gain: 0.05,
        type: 'sine',
      });
  },
  'reveal-most-wrong': (t, at) => {
    // "Wah-wah": three falling minor steps and a long sagging last note.
    [67, 66, 65].forEach((n, i) =>
      note(t, { at: at + i * 0.28, freq: midi(n), dur: 0.3, gain: 0.2, type: 'sawtooth', lowpass: 1100 }),
    );
    note(t, {
      at: at + 0.84,
      freq: midi(64),
      glideTo: midi(62),
      dur: 0.9,
      gain: 0.2,
      type: 'sawtooth',
      lowpass: 900,
    });
  },
  'reveal-skipped': (t, at) => {
    note(t, { at, freq: midi(72), dur: 0.25, gain: 0.18, type: 'triangle' });
    note(t, { at: at + 0.2, freq: midi(67), dur: 0.4, gain: 0.18, type: 'triangle' });
  },
  'leaderboard-swell': (t, at) => {
    noise(t, {
      at,
      dur: 1.4,
      gain: 0.1,
      attack: 1.0,
      filter: { type: 'bandpass', freq: 300, sweepTo: 6000, q: 2 },
    });
    for (const n of [55, 62, 67, 71, 74])
      note(t, { at, freq: midi(n), dur: 1.8, gain: 0.06, type: 'sawtooth', attack: 1.0, lowpass: 2400 });
    kick(t, at + 1.0, 0.45);
  },
  'drum-roll': (t, at, dur) => {
    // Snare strokes 45 ms apart, growing louder, for as long as the podium keeps the first place.
    const strokes = Math.max(1, Math.floor(dur / 0.045));
    for (let i = 0; i < strokes; i++) snare(t, at + i * 0.045, 0.04 + 0.14 * (i / strokes));
  },
  join: (t, at) => {
    // A bubble "pop": a quick sine blip sliding up an octave, and a soft click on top.
    note(t, { at, freq: JOIN_HZ, glideTo: JOIN_HZ * 2, dur: 0.12, gain: 0.16, type: 'sine', attack: 0.004 });
    noise(t, { at, dur: 0.02, gain: 0.04, filter: { type: 'highpass', freq: 4000 } });
  },
  fanfare: (t, at) => {
    // Brass-like: filtered saws. Ta-ta-ta taaa, then the cymbal.
    const brass = (n: number, start: number, len: number) =>
      chord(t, at + start, [n, n + 4, n + 7], len, 0.07, 'sawtooth', 2600);
    brass(60, 0, 0.16);
    brass(60, 0.18, 0.16);
    brass(60, 0.36, 0.16);
    brass(65, 0.56, 0.5);
    brass(67, 1.1, 0.3);
    brass(72, 1.45, 1.8);
    kick(t, at + 1.45, 0.5);
    noise(t, { at: at + 1.45, dur: 1.6, gain: 0.14, filter: { type: 'highpass', freq: 5000 } });
  },
};

export function playCue(target: CueTarget, cue: CueName, at: number, dur = 0): void {
  CUES[cue](target, at, dur);
}

/** A music loop: how long a bar lasts and how to play bar `n` from `at`. */
export interface LoopPattern {
  barSeconds: number;
  bar(target: CueTarget, at: number, n: number): void;
}

const LOBBY_BPM = 104;
const BED_BPM = 128;

export const LOOPS: Record<LoopName, LoopPattern> = {
  // Light and friendly: I-vi-IV-V in C, a plucked arpeggio over a bass and a soft beat.
  'lobby-music': {
    barSeconds: (60 / LOBBY_BPM) * 4,
    bar(t, at, n) {
      const beat = 60 / LOBBY_BPM;
      const roots = [48, 45, 41, 43];
      const root = roots[n % roots.length]!;
      const third = root === 45 ? 3 : 4;
      note(t, { at, freq: midi(root - 12), dur: beat * 1.8, gain: 0.2, type: 'triangle' });
      note(t, { at: at + beat * 2, freq: midi(root - 12), dur: beat * 1.8, gain: 0.16, type: 'triangle' });
      const arp = [0, third, 7, 12, 7, third, 7, 12];
      arp.forEach((step, i) =>
        note(t, {
          at: at + (i * beat) / 2,
          freq: midi(root + 12 + step),
          dur: beat * 0.9,
          gain: 0.07,
          type: 'square',
          lowpass: 1800,
        }),
      );
      kick(t, at, 0.28);
      kick(t, at + beat * 2, 0.22);
      for (let i = 1; i < 8; i += 2) hat(t, at + (i * beat) / 2, 0.035);
    },
  },
  // Tense: a pulsing minor bass line in eighths with ticking hats, two bars per chord.
  'question-bed': {
    barSeconds: (60 / BED_BPM) * 4,
    bar(t, at, n) {
      const eighth = 60 / BED_BPM / 2;
      const root = n % 4 < 2 ? 45 : 41;
      for (let i = 0; i < 8; i++) {
        note(t, {
          at: at + i * eighth,
          freq: midi(root - 12 + (i % 2 ? 12 : 0)),
          dur: eighth * 0.9,
          gain: 0.14,
          type: 'sawtooth',
          lowpass: 700,
        });
        hat(t, at + i * eighth, i % 2 ? 0.02 : 0.035);
      }
      kick(t, at, 0.3);
      kick(t, at + eighth * 4, 0.24);
      if (n % 2 === 1)
        note(t, {
          at: at + eighth * 6,
          freq: midi(root + 19),
          dur: eighth * 2,
          gain: 0.05,
          type: 'triangle',
        });
    },
  },
};
