/**
 * The host's keyboard, as a presenter uses it: a clicker sends PageDown or ArrowRight for "next",
 * so those and Space move the game on; S skips the question, P pauses or resumes its timer, E ends
 * the game (pressed twice),
 * F toggles full screen, W the projector window (desktop), M mutes, ? shows the keys. Pure, so the bindings are tested as rules.
 */
import type { MessageId } from '../i18n/catalog';

export type PresenterAction =
  'next' | 'skip' | 'pause' | 'end' | 'fullscreen' | 'projector' | 'mute' | 'help';

export interface KeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** What has focus: typing in a field never triggers a binding. */
  target: { tagName?: string; isContentEditable?: boolean; type?: string } | null;
}

/** The keys, as the help overlay lists them. */
/** A key as printed on it: a letter or symbol as it is, a named key by its name in the catalog. */
export type KeyCap = string | { name: MessageId };

export const PRESENTER_KEYS: { keys: KeyCap[]; action: PresenterAction; does: MessageId }[] = [
  {
    keys: [{ name: 'host.keySpace' }, '→', { name: 'host.keyPageDown' }],
    action: 'next',
    does: 'host.doesNext',
  },
  { keys: ['S'], action: 'skip', does: 'host.doesSkip' },
  { keys: ['P'], action: 'pause', does: 'host.doesPause' },
  { keys: ['E'], action: 'end', does: 'host.doesEnd' },
  { keys: ['F'], action: 'fullscreen', does: 'host.doesFullscreen' },
  { keys: ['W'], action: 'projector', does: 'host.doesProjector' },
  { keys: ['M'], action: 'mute', does: 'host.doesMute' },
  { keys: ['?'], action: 'help', does: 'host.doesHelp' },
];

const BY_KEY: Record<string, PresenterAction> = {
  ' ': 'next',
  ArrowRight: 'next',
  PageDown: 'next',
  s: 'skip',
  S: 'skip',
  p: 'pause',
  P: 'pause',
  e: 'end',
  E: 'end',
  f: 'fullscreen',
  F: 'fullscreen',
  w: 'projector',
  W: 'projector',
  m: 'mute',
  M: 'mute',
  '?': 'help',
};

const TYPING_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
/** Controls that Space (and Enter) already press by themselves. */
const PRESSABLE_TAGS = new Set(['BUTTON', 'A', 'SUMMARY']);

export function presenterAction(press: KeyPress): PresenterAction | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  const target = press.target;
  if (target && (TYPING_TAGS.has(target.tagName ?? '') || target.isContentEditable)) return null;
  const action = BY_KEY[press.key] ?? null;
  // Space on a focused button presses that button; a second "next" on top would skip a step.
  if (press.key === ' ' && target && PRESSABLE_TAGS.has(target.tagName ?? '')) return null;
  return action;
}
