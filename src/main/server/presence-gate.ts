/**
 * Players coming and going, as the engine hears of it: limited per player. Every `connected` or
 * `disconnected` the engine takes is a journal record (and a roster update to the hosts), so a
 * player who reconnects in a loop would grow the journal without end. Each player may change
 * presence PRESENCE_BURST times at once, then once per PRESENCE_REFILL_MS; a change beyond that
 * is held and goes out when the player's turn comes, as the player is by then (a flap that ends
 * where it began goes out as nothing at all).
 *
 * What the engine does with presence stays right: a player whose drop is held counts as connected
 * a few seconds longer (a question may wait for them, up to its deadline), one whose return is
 * held counts as gone a few seconds longer (a question may close without them, as it would have
 * while they were away). Answers and scores do not depend on it, and after a host restart nobody
 * is connected anyway, so nothing a crash must keep is lost by holding a change back.
 */
import type { Clock } from './clock';

/** Changes a player may make at once (three drops and returns: a bad Wi-Fi minute). */
export const PRESENCE_BURST = 6;
/** Then one change per this long. */
export const PRESENCE_REFILL_MS = 5_000;

export interface PresenceEngine {
  /** Whether the engine has the player connected; undefined when it has no such player. */
  connected(playerId: string): boolean | undefined;
  /** Tells the engine the player's presence changed at `at`. */
  apply(playerId: string, connected: boolean, at: number): void;
}

interface Allowance {
  /** Changes the player may make now (fractions accrue over time). */
  tokens: number;
  refilledAt: number;
  /** Whether the player has a connection, as of the last change. */
  wanted: boolean;
  /** A held change waiting for its turn. */
  timer: unknown;
}

export class PresenceGate {
  private readonly players = new Map<string, Allowance>();

  constructor(
    private readonly clock: Clock,
    private readonly engine: PresenceEngine,
  ) {}

  /** The player's connection opened (`connected`) or closed at `at`. */
  set(playerId: string, connected: boolean, at: number): void {
    let allowance = this.players.get(playerId);
    if (!allowance) {
      allowance = { tokens: PRESENCE_BURST, refilledAt: at, wanted: connected, timer: null };
      this.players.set(playerId, allowance);
    }
    allowance.wanted = connected;
    // A held change goes out when its turn comes, as the player is then.
    if (allowance.timer === null) this.release(playerId, allowance, at);
  }

  /** Drops every held change (the room is closing). */
  clear(): void {
    for (const allowance of this.players.values()) this.clock.clearTimeout(allowance.timer);
    this.players.clear();
  }

  private release(playerId: string, allowance: Allowance, at: number): void {
    const current = this.engine.connected(playerId);
    if (current === undefined) {
      this.players.delete(playerId);
      return;
    }
    if (current === allowance.wanted) return;
    const now = Math.max(at, allowance.refilledAt);
    allowance.tokens = Math.min(
      PRESENCE_BURST,
      allowance.tokens + (now - allowance.refilledAt) / PRESENCE_REFILL_MS,
    );
    allowance.refilledAt = now;
    if (allowance.tokens >= 1) {
      allowance.tokens--;
      this.engine.apply(playerId, allowance.wanted, at);
      return;
    }
    const wait = Math.ceil((1 - allowance.tokens) * PRESENCE_REFILL_MS);
    allowance.timer = this.clock.setTimeout(() => {
      allowance.timer = null;
      this.release(playerId, allowance, this.clock.now());
    }, wait);
  }
}
