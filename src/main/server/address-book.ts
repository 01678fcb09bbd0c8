/**
 * What the server keeps per client address, shared by every socket from that address. Limits
 * belong to the sender, not to the socket: a fresh socket must not mean a fresh allowance, so
 * whatever is counted per sender lives here, keyed by address: the TCP sockets it holds (counted
 * from the first byte), the WebSocket connections among them, a budget of new sockets and one of
 * joins (token buckets), and its wrong PINs with the backoff they earn. An address is forgotten
 * once it holds no socket and its budgets have refilled (nothing about it is worth keeping).
 */
import { TokenBucket } from './rate-limit';

/** A steady rate with a burst allowance. */
export interface Budget {
  perSecond: number;
  burst: number;
}

export interface AddressLimits {
  /** New TCP sockets an address may open (the budget is spent at the first byte). */
  sockets: Budget;
  /** Join attempts an address may make, whatever socket they come on. */
  joins: Budget;
  /** Wrong PINs an address may give before each next attempt waits. */
  pinFreeFailures: number;
  /** The first wait after the free failures; each further wrong PIN doubles it, up to `pinMaxWaitMs`. */
  pinFirstWaitMs: number;
  pinMaxWaitMs: number;
  /** A socket that gives a wrong PIN when its address has this many is closed. */
  pinCloseAfter: number;
  /** An address's wrong PINs are forgotten after this long without a new one. */
  pinForgetMs: number;
  /**
   * Addresses whose sockets and joins are not budgeted (their wrong PINs still are): the host
   * machine itself, where its own dashboard and the desktop app's clients connect from. A web
   * page in its browser is stopped by the Origin check instead (request-origin.ts).
   */
  unbudgeted: readonly string[];
}

/** What a host gets unless it says otherwise. See docs/reliability.md, "Threat model". */
export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  sockets: { perSecond: 2, burst: 30 },
  joins: { perSecond: 0.5, burst: 10 },
  pinFreeFailures: 3,
  pinFirstWaitMs: 2_000,
  pinMaxWaitMs: 60_000,
  pinCloseAfter: 5,
  pinForgetMs: 10 * 60_000,
  unbudgeted: ['127.0.0.1', '::1', '::ffff:127.0.0.1'],
};

/** No budget on sockets or joins (tests and benches that are a whole crowd on one address). */
export const UNLIMITED: Budget = { perSecond: Infinity, burst: Infinity };

/** The longest a wrong PIN makes the next attempt wait: after `failures` of them. */
export function pinWaitMs(limits: AddressLimits, failures: number): number {
  const over = failures - limits.pinFreeFailures;
  if (over <= 0) return 0;
  return Math.min(limits.pinMaxWaitMs, limits.pinFirstWaitMs * 2 ** Math.min(over - 1, 30));
}

export interface AddressState {
  /** TCP sockets from this address that are open now (from their first byte). */
  sockets: number;
  /** WebSocket connections from this address that are open now. */
  connections: number;
  socketBudget: TokenBucket;
  joinBudget: TokenBucket;
  pinFailures: number;
  lastPinFailureAt: number;
  /** No PIN from this address is looked at before this time. */
  pinWaitUntil: number;
}

/** Why an attempt was refused: the budget that ran out and, for a PIN, how long to wait. */
export type Verdict = { ok: true } | { ok: false; retryInMs: number };

export type PinOutcome = {
  /** Wrong PINs this address has given (including this one). */
  failures: number;
  /** How long the address must wait before its next PIN is looked at. */
  waitMs: number;
  /** Whether the socket that gave it is to be closed. */
  close: boolean;
};

export class AddressBook {
  private readonly byAddress = new Map<string, AddressState>();
  private readonly unbudgeted: ReadonlySet<string>;

  constructor(readonly limits: AddressLimits = DEFAULT_ADDRESS_LIMITS) {
    this.unbudgeted = new Set(limits.unbudgeted);
  }

  /** How many WebSocket connections `address` has open now. */
  connections(address: string): number {
    return this.byAddress.get(address)?.connections ?? 0;
  }

  /** How many TCP sockets `address` has open now. */
  sockets(address: string): number {
    return this.byAddress.get(address)?.sockets ?? 0;
  }

  /** How many addresses are remembered (open sockets or budgets still refilling). */
  get size(): number {
    return this.byAddress.size;
  }

  /** A TCP socket from `address` arrived: spends its socket budget (refused: not counted). */
  socketOpening(address: string, now: number): Verdict {
    const state = this.stateOf(address, now);
    if (!this.unbudgeted.has(address) && !state.socketBudget.take(now)) {
      this.forgetIfIdle(address, state, now);
      return { ok: false, retryInMs: Math.ceil(1000 / this.limits.sockets.perSecond) };
    }
    state.sockets++;
    return { ok: true };
  }

  /** A TCP socket from `address` closed. */
  socketClosed(address: string, now: number): void {
    const state = this.byAddress.get(address);
    if (!state) return;
    state.sockets = Math.max(0, state.sockets - 1);
    this.forgetIfIdle(address, state, now);
  }

  /** A WebSocket from `address` was let in. */
  opened(address: string, now = 0): void {
    this.stateOf(address, now).connections++;
  }

  /** A WebSocket from `address` closed. */
  closed(address: string, now = 0): void {
    const state = this.byAddress.get(address);
    if (!state) return;
    state.connections = Math.max(0, state.connections - 1);
    this.forgetIfIdle(address, state, now);
  }

  /** A join attempt from `address`: spends its join budget. */
  joinAttempt(address: string, now: number): Verdict {
    if (this.unbudgeted.has(address)) return { ok: true };
    const state = this.stateOf(address, now);
    if (state.joinBudget.take(now)) return { ok: true };
    return { ok: false, retryInMs: Math.ceil(1000 / this.limits.joins.perSecond) };
  }

  /** Whether a PIN from `address` may be looked at now, or how long it must wait. */
  pinAllowed(address: string, now: number): Verdict {
    const state = this.byAddress.get(address);
    if (!state) return { ok: true };
    this.forgetPinFailures(state, now);
    return now < state.pinWaitUntil ? { ok: false, retryInMs: state.pinWaitUntil - now } : { ok: true };
  }

  /** `address` gave a wrong PIN: counted, and its next attempt waits longer. */
  pinFailed(address: string, now: number): PinOutcome {
    const state = this.stateOf(address, now);
    this.forgetPinFailures(state, now);
    state.pinFailures++;
    state.lastPinFailureAt = now;
    const waitMs = pinWaitMs(this.limits, state.pinFailures);
    state.pinWaitUntil = now + waitMs;
    return { failures: state.pinFailures, waitMs, close: state.pinFailures >= this.limits.pinCloseAfter };
  }

  private forgetPinFailures(state: AddressState, now: number): void {
    if (state.pinFailures > 0 && now - state.lastPinFailureAt >= this.limits.pinForgetMs) {
      state.pinFailures = 0;
      state.pinWaitUntil = 0;
    }
  }

  private stateOf(address: string, now: number): AddressState {
    let state = this.byAddress.get(address);
    if (!state) {
      const { sockets, joins } = this.limits;
      state = {
        sockets: 0,
        connections: 0,
        socketBudget: new TokenBucket(sockets.perSecond, sockets.burst, now),
        joinBudget: new TokenBucket(joins.perSecond, joins.burst, now),
        pinFailures: 0,
        lastPinFailureAt: 0,
        pinWaitUntil: 0,
      };
      this.byAddress.set(address, state);
    }
    return state;
  }

  /** Forgets `address` once nothing about it would change a later decision. */
  private forgetIfIdle(address: string, state: AddressState, now: number): void {
    if (state.sockets > 0 || state.connections > 0) return;
    this.forgetPinFailures(state, now);
    if (state.pinFailures > 0) return;
    if (!state.socketBudget.full(now) || !state.joinBudget.full(now)) {
      this.sweepLater(now);
      return;
    }
    this.byAddress.delete(address);
  }

  private lastSweep = 0;

  /** Addresses kept only for a refilling budget are swept now and then, so the map stays small. */
  private sweepLater(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [address, state] of this.byAddress) {
      if (state.sockets > 0 || state.connections > 0) continue;
      this.forgetPinFailures(state, now);
      if (state.pinFailures === 0 && state.socketBudget.full(now) && state.joinBudget.full(now))
        this.byAddress.delete(address);
    }
  }
}
