/**
 * A token bucket: a steady rate with a burst allowance. Used per connection (messages) and per
 * address (new sockets, joins; see AddressBook). An infinite rate or burst never refuses.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): boolean {
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether the bucket has refilled to its burst (nothing spent is still owed). */
  full(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.burst;
  }

  private refill(now: number): void {
    if (this.ratePerSecond === Infinity) this.tokens = this.burst;
    else
      this.tokens = Math.min(
        this.burst,
        this.tokens + (Math.max(0, now - this.last) / 1000) * this.ratePerSecond,
      );
    this.last = now;
  }
}
