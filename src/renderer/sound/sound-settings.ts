/**
 * The host's mute and volume, remembered on this computer (localStorage), so that a teacher who
 * muted the room last lesson is not greeted by music in the next one.
 */
import type { SoundSettings } from './sound-engine';

export const SOUND_KEY = 'quizroom.sound';
export const DEFAULT_SOUND: SoundSettings = { muted: false, volume: 0.7 };

/** A stored value as settings; anything else (hand-edited, older format) gives the defaults. */
export function parseSoundSettings(text: string | null): SoundSettings {
  if (text === null) return DEFAULT_SOUND;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return DEFAULT_SOUND;
    const { muted, volume } = value as Record<string, unknown>;
    return {
      muted: typeof muted === 'boolean' ? muted : DEFAULT_SOUND.muted,
      volume:
        typeof volume === 'number' && Number.isFinite(volume)
          ? Math.min(1, Math.max(0, volume))
          : DEFAULT_SOUND.volume,
    };
  } catch {
    return DEFAULT_SOUND;
  }
}

export function loadSoundSettings(): SoundSettings {
  try {
    return parseSoundSettings(localStorage.getItem(SOUND_KEY));
  } catch {
    return DEFAULT_SOUND; // storage disabled: the defaults, every time
  }
}

export function saveSoundSettings(settings: SoundSettings): void {
  try {
    localStorage.setItem(SOUND_KEY, JSON.stringify(settings));
  } catch {
    /* see loadSoundSettings */
  }
}
