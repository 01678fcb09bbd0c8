/**
 * A number that counts up from `from` to `to` (scores on the leaderboard, points on a phone),
 * starting after `delayMs`. With reduced motion, or nothing to count, it is `to` at once.
 */
import { useEffect, useState } from 'react';
import { useReducedMotion } from './use-reduced-motion';

export function useCountUp(from: number | null, to: number, delayMs = 0, durationMs = 900): number {
  const reduced = useReducedMotion();
  const animate = !reduced && from !== null && from !== to;
  const key = `${from}>${to}`;
  // The value counted so far, for the count it belongs to (a new count starts from its `from`).
  const [counted, setCounted] = useState({ key, value: to });
  useEffect(() => {
    if (!animate || from === null) return;
    let frame = 0;
    let start: number | null = null;
    const step = (t: number) => {
      start ??= t + delayMs;
      const k = Math.min(1, Math.max(0, (t - start) / durationMs));
      // Ease out: fast at first, settling on the final score.
      setCounted({ key, value: Math.round(from + (to - from) * (1 - (1 - k) ** 3)) });
      if (k < 1) frame = requestAnimationFrame(step);
    };
    frame = requestAnimationFrame(step);
    return () => cancelAnimationFrame(frame);
  }, [animate, from, to, key, delayMs, durationMs]);
  if (!animate || from === null) return to;
  return counted.key === key ? counted.value : from;
}
