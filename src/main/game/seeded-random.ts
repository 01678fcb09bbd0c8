/**
 * A small seeded random generator (mulberry32): the same seed gives the same numbers. Pure, so
 * the engine may draw from it (a shuffled question order); benchmarks and tests use it to repeat
 * a run.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
