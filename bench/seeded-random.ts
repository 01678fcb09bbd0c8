/** Seeded random draws for benchmarks (the generator is the engine's), so that a run can be repeated. */

import type { Random } from '../src/main/game/seeded-random';

export { seededRandom, type Random } from '../src/main/game/seeded-random';

/** A log-normal sample with the given median and spread (sigma of the underlying normal). */
export function logNormal(random: Random, medianValue: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const v = random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return medianValue * Math.exp(sigma * z);
}
