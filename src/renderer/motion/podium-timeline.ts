/**
 * When the podium shows each place, in milliseconds after the final screen appears: third, then
 * second, then a drum roll, then the winner with a fanfare and confetti. The final screen and the
 * host's sound both read this one timeline, so the fanfare lands with the winner.
 */
export interface PodiumTimeline {
  /** When each place appears, by rank - 1 (index 0 is the winner). */
  show: number[];
  /** The drum roll before the winner, or null when there is none (reduced motion). */
  drumRoll: { from: number; to: number } | null;
  /** The winner's moment: fanfare and confetti. */
  winner: number;
}

const STEP_MS = 1400;
const FIRST_STEP_MS = 700;
const DRUM_ROLL_MS = 2600;

/** The timeline for a podium of `places` (1 to 3); with reduced motion everything shows at once. */
export function podiumTimeline(places: number, reducedMotion: boolean): PodiumTimeline {
  const n = Math.max(1, Math.min(3, places));
  if (reducedMotion) return { show: new Array<number>(n).fill(0), drumRoll: null, winner: 0 };
  const show = new Array<number>(n).fill(0);
  let t = FIRST_STEP_MS;
  // Lower places first: third, then second.
  for (let rank = n; rank >= 2; rank--) {
    show[rank - 1] = t;
    t += STEP_MS;
  }
  const from = n === 1 ? 300 : t - STEP_MS / 2;
  const winner = from + DRUM_ROLL_MS;
  show[0] = winner;
  return { show, drumRoll: { from, to: winner }, winner };
}
