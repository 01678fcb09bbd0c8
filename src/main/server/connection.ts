/**
 * One client socket as the server sees it: its role, the player it plays as, its flood limiter
 * and its measured round-trip time to the host.
 */
import type { WebSocket } from 'ws';
import type { Role } from '../../shared/protocol';
import type { ConnId } from '../game';
import { TokenBucket } from './rate-limit';

/** Sustained messages per second a client may send, and the burst it may save up. */
export const RATE_PER_SECOND = 20;
export const RATE_BURST = 40;
/** Dropped messages within one flood window before the connection is closed. */
export const FLOOD_CLOSE_AFTER = 200;
export const FLOOD_WINDOW_MS = 10_000;
/** Heartbeat round trips kept to judge a client's typical round trip (a minute at the default beat). */
export const RTT_SAMPLES = 12;
/** Added to twice the quickest round trip, so that a link measured at 0 ms (loopback) still has some. */
export const GRACE_FLOOR_MS = 2;

export class Connection {
  role: Role = 'guest';
  helloDone = false;
  playerId: string | null = null;
  /** A phone that holds the host's controls (remote-controls.ts): its remote id; null otherwise. */
  remoteId: string | null = null;
  /** What the client's browser says it is, in short (for the host's list of remotes). */
  device = 'Unknown device';
  /** Answered the last heartbeat ping. */
  alive = true;
  pingSentAt = 0;
  /**
   * Typical round-trip time in ms: the median of the last RTT_SAMPLES heartbeat round trips; null
   * until measured. It sizes the grace for answers that arrive after a deadline. Not the lowest:
   * on a link with jitter (Wi-Fi) one answer's trip often takes longer than the quickest round
   * trip, and answers sent in time were refused. A client that delays its pongs looks slower
   * whatever is measured (delaying every pong raises the lowest too); MAX_GRACE_MS bounds that.
   */
  rttMs: number | null = null;
  /** The quickest of the same round trips: no client can make a trip look quicker than it is. */
  lowestRttMs: number | null = null;
  private readonly rttSamples: number[] = [];
  private awaitingPong = false;
  private readonly bucket: TokenBucket;
  private dropped = 0;
  private floodWindowStart = 0;
  helloTimer: unknown = null;

  constructor(
    readonly id: ConnId,
    readonly ws: WebSocket,
    readonly address: string,
    now: number,
  ) {
    this.bucket = new TokenBucket(RATE_PER_SECOND, RATE_BURST, now);
  }

  /**
   * Counts a message against the rate. Returns 'ok', 'warn' (first drop in a window: tell the
   * client), 'drop', or 'close' (flooding: disconnect).
   */
  admit(now: number): 'ok' | 'warn' | 'drop' | 'close' {
    if (this.bucket.take(now)) return 'ok';
    if (now - this.floodWindowStart > FLOOD_WINDOW_MS) {
      this.floodWindowStart = now;
      this.dropped = 0;
    }
    this.dropped++;
    if (this.dropped >= FLOOD_CLOSE_AFTER) return 'close';
    return this.dropped === 1 ? 'warn' : 'drop';
  }

  recordPing(now: number): void {
    this.alive = false;
    this.pingSentAt = now;
    this.awaitingPong = true;
  }

  recordPong(now: number): void {
    this.alive = true;
    // Only a pong that answers our ping measures anything.
    if (!this.awaitingPong) return;
    this.awaitingPong = false;
    this.rttSamples.push(now - this.pingSentAt);
    if (this.rttSamples.length > RTT_SAMPLES) this.rttSamples.shift();
    const sorted = [...this.rttSamples].sort((a, b) => a - b);
    this.rttMs = sorted[(sorted.length - 1) >> 1]!;
    this.lowestRttMs = sorted[0]!;
  }

  /**
   * How late an answer from this client may arrive and still count: its typical round trip, but
   * never more than twice its quickest one. A client that holds back some of its pongs to look
   * slow raises the typical trip, not the quickest: it gains at most one real round trip over an
   * honest client on the same link. (One that holds back every pong by the same amount looks like
   * a slower link; MAX_GRACE_MS bounds that. See docs/reliability.md, "Threat model".)
   */
  get graceMs(): number {
    if (this.rttMs === null || this.lowestRttMs === null) return 0;
    return Math.min(this.rttMs, 2 * this.lowestRttMs + GRACE_FLOOR_MS);
  }
}
