/** Plays the podium's timeline (podium-timeline.ts) from the moment the final screen appears. */
import { useEffect, useState } from 'react';
import { podiumTimeline } from './podium-timeline';
import { useReducedMotion } from './use-reduced-motion';

export interface PodiumReveal {
  /** Whether each place is shown yet, by rank - 1. */
  shown: boolean[];
  /** The winner is out: name the winner, fanfare, confetti. */
  winner: boolean;
}

export function usePodiumReveal(places: number): PodiumReveal {
  const reduced = useReducedMotion();
  const timeline = podiumTimeline(places, reduced);
  const [elapsed, setElapsed] = useState(timeline.winner === 0 ? Infinity : 0);
  const key = timeline.show.join(' ');
  useEffect(() => {
    const started = performance.now();
    const timers = [...new Set(timeline.show)]
      .filter((t) => t > 0)
      .map((t) => setTimeout(() => setElapsed(performance.now() - started), t));
    return () => timers.forEach(clearTimeout);
    // The timeline is fully described by its key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return {
    shown: timeline.show.map((t) => t <= elapsed),
    winner: timeline.winner <= elapsed,
  };
}
