/** Summaries of latency samples: nearest-rank percentiles, median and max. */

export interface Spread {
  /** How many samples the figures summarize. */
  n: number;
  p50: number;
  p95: number;
  max: number;
}

/** The nearest-rank percentile `p` (0 to 100) of `sorted`, which must be in ascending order. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
}

export function spreadOf(samples: Iterable<number>): Spread {
  const sorted = Float64Array.from(samples).sort();
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length ? sorted[sorted.length - 1]! : NaN,
  };
}

export function median(samples: Iterable<number>): number {
  return percentile(Float64Array.from(samples).sort(), 50);
}

export function max(samples: Iterable<number>): number {
  let m = -Infinity;
  for (const s of samples) if (s > m) m = s;
  return m === -Infinity ? NaN : m;
}

/** The figures the reliability tests log for a set of delays (ms, to 0.1 ms). */
export interface DelaySummary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function delaySummary(samples: Iterable<number>): DelaySummary {
  const sorted = Float64Array.from(samples).sort();
  const at = (p: number) => Math.round(percentile(sorted, p) * 10) / 10;
  return { n: sorted.length, p50: at(50), p90: at(90), p99: at(99), max: at(100) };
}
