/**
 * Vibration on a player's phone, off unless the player turns it on (a setting kept on the phone):
 * a short buzz when the answer locks, and a pattern when the result comes (two short for right,
 * one long for wrong). Phones make no sound: the room hears the host's screen.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { ClientView } from '../../shared/client/client-view';
import { LOCK_BUZZ, RIGHT_BUZZ, WRONG_BUZZ } from './buzz-patterns';

export const VIBRATE_KEY = 'quizroom.vibrate';

const listeners = new Set<() => void>();

export function canVibrate(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function';
}

function read(): boolean {
  try {
    return localStorage.getItem(VIBRATE_KEY) === 'on';
  } catch {
    return false; // storage disabled: off, as by default
  }
}

let enabled = read();

export function setVibration(on: boolean): void {
  enabled = on;
  try {
    localStorage.setItem(VIBRATE_KEY, on ? 'on' : 'off');
  } catch {
    /* see read */
  }
  for (const l of listeners) l();
  if (on) buzz(LOCK_BUZZ); // so the player feels what they turned on
}

export function useVibrationSetting(): boolean {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => enabled,
    () => false,
  );
}

function buzz(pattern: number | number[]): void {
  if (enabled && canVibrate()) navigator.vibrate(pattern);
}

/** Buzzes a player's phone when their answer locks and when their result arrives. */
export function useVibrationCues(me: ClientView | null): void {
  const locked = me?.you?.answer ? me.you.answer.question : null;
  const result = me?.you?.result ?? null;
  const resultFor = result ? result.question : null;
  const right = !!result?.correct;
  // What the page already had when it opened (a reload mid-reveal) is not news: no buzz for it.
  const seen = useRef({ locked, resultFor });
  useEffect(() => {
    if (locked !== null && locked !== seen.current.locked) buzz(LOCK_BUZZ);
    seen.current.locked = locked;
  }, [locked]);
  useEffect(() => {
    if (resultFor !== null && resultFor !== seen.current.resultFor) buzz(right ? RIGHT_BUZZ : WRONG_BUZZ);
    seen.current.resultFor = resultFor;
  }, [resultFor, right]);
}
