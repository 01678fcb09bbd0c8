/**
 * A limit on how often a one-off cue may sound: never closer together than `minGapS`, and at
 * most `perWindow` within any `windowS` seconds (audio time). Three hundred joins in one second
 * make a few pops, not a noise storm.
 */
export class CueRateLimit {
  private readonly times: number[] = [];

  constructor(
    private readonly minGapS: number,
    private readonly perWindow: number,
    private readonly windowS: number,
  ) {}

  /** Whether the cue may sound at `now` (seconds); if so, it counts from now on. */
  allow(now: number): boolean {
    while (this.times.length > 0 && this.times[0]! <= now - this.windowS) this.times.shift();
    const last = this.times.at(-1);
    if (last !== undefined && now - last < this.minGapS) return false;
    if (this.times.length >= this.perWindow) return false;
    this.times.push(now);
    return true;
  }
}

/** The join pop: at most one every 120 ms and five a second, however many arrive. */
export function joinCueLimit(): CueRateLimit {
  return new CueRateLimit(0.12, 5, 1);
}
