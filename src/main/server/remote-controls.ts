/**
 * Remote controls: the host hands its controls to a phone, so that a teacher can walk the room.
 * The host's own screen asks for a pass (`remote_pass`): 144 random bits, good for one phone and
 * PASS_LIFETIME_MS. A phone that says hello with it becomes a remote control: a host connection
 * that may send only REMOTE_COMMAND_TYPES (the host bar's steps), with its own token (never the
 * host token) to come back after a drop. Wrong passes spend the address's wrong-PIN budget. The
 * host's own screen sees the remotes (`remotes`) and may take the controls back (`revoke_remote`):
 * the phone is told, its socket closes with 4009 and its token stops working.
 *
 * Remote tokens live in this process only: they are not journaled, so after a crash of the host
 * every phone asks for a new code (its hello gets `unknown_remote`).
 */
import {
  CLOSE_CODES,
  REMOTE_COMMAND_TYPES,
  type ClientMessage,
  type ErrorCode,
  type RemoteInfo,
  type RemotePass,
  type ServerMessage,
} from '../../shared/protocol';
import type { Admission, Messenger } from './admission';
import type { Clock } from './clock';
import type { Connection } from './connection';
import { newToken, secretKey } from './tokens';
import { randomBytes } from 'node:crypto';

/** How long a pass may be used. */
export const PASS_LIFETIME_MS = 2 * 60_000;
/** Passes kept at most (used or not): asking again and again keeps memory bounded. */
export const MAX_PASSES = 32;
/** Phones that may hold the controls at once. */
export const MAX_REMOTES = 8;

/**
 * What remote controls need of admission (admission.ts): the wrong-PIN budget (`guessAllowed`,
 * `guessFailed`), letting a connection in as a host and out again, and the host connections.
 */
export type RemoteDoorKeeper = Pick<
  Admission,
  'guessAllowed' | 'guessFailed' | 'enterAsHost' | 'demote' | 'audienceOf'
>;

type Hello = Extract<ClientMessage, { type: 'hello' }>;

interface Remote {
  id: string;
  tokenKey: string;
  device: string;
  address: string;
  since: number;
  conn: Connection | null;
}

export class RemoteControls {
  /** Passes by secretKey(pass): lookups compare digests, never the pass itself. */
  private readonly passes = new Map<string, { expiresAt: number; used: boolean }>();
  private readonly remotes = new Map<string, Remote>();
  private readonly byToken = new Map<string, Remote>();
  private readonly revoked = new Set<string>();
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly messenger: Messenger,
    private readonly door: RemoteDoorKeeper,
    /** The addresses players open (the lobby's join URLs): the pass is added to them. */
    private readonly urls: () => string[],
  ) {}

  /**
   * For a hello with a pass or a remote token, what admission lets decide whether it is let in
   * (see Admission.hello); undefined for any other hello.
   */
  doorFor(hello: Hello, at: number): ((conn: Connection) => boolean) | undefined {
    if (hello.pass === undefined && hello.remote === undefined) return undefined;
    return (conn) => this.hello(conn, hello, at);
  }

  /** Handles `remote_pass` and `revoke_remote` (true); false for any other message. */
  handle(conn: Connection, msg: ClientMessage): boolean {
    if (msg.type === 'remote_pass') this.issuePass(conn);
    else if (msg.type === 'revoke_remote') this.revoke(conn, msg.id);
    else return false;
    return true;
  }

  /** Whether `conn` is a remote control (a host connection with limits). */
  isRemote(conn: Connection): boolean {
    return conn.remoteId !== null;
  }

  /** Whether a remote control may send `type` (the host's own screen may send everything). */
  allows(conn: Connection, type: string): boolean {
    return conn.remoteId === null || (REMOTE_COMMAND_TYPES as readonly string[]).includes(type);
  }

  /** The host's own screen asks for a pass. */
  issuePass(conn: Connection): void {
    if (!this.ownScreen(conn, 'remote_pass')) return;
    const now = this.clock.now();
    this.prune(now);
    // 18 bytes: 144 bits, in base64url (24 characters).
    const pass = randomBytes(18).toString('base64url');
    this.passes.set(secretKey(pass), { expiresAt: now + PASS_LIFETIME_MS, used: false });
    const reply: RemotePass = {
      pass,
      urls: this.urls().map((url) => `${url}?remote=${encodeURIComponent(pass)}`),
      expiresAt: now + PASS_LIFETIME_MS,
    };
    this.messenger.send(conn.ws, { type: 'remote_pass', ...reply });
  }

  /**
   * A hello with a pass or a remote token (the protocol was checked). True when the connection
   * was let in as a remote control; false when refused (it was told why and goes on as a guest).
   */
  hello(conn: Connection, hello: Hello, at: number): boolean {
    if (hello.remote !== undefined) return this.comeBack(conn, hello.remote);
    const pass = hello.pass ?? '';
    const allowed = this.door.guessAllowed(conn.address, at);
    if (!allowed.ok) {
      const wait = Math.max(1, Math.ceil(allowed.retryInMs / 1000));
      return this.refuse(conn, 'pass_wait', `Too many wrong codes from this device; try again in ${wait} s.`);
    }
    const entry = this.passes.get(secretKey(pass));
    if (!entry) {
      const outcome = this.door.guessFailed(conn, at);
      const wait =
        outcome.waitMs > 0 ? ` Wait ${Math.ceil(outcome.waitMs / 1000)} s before the next try.` : '';
      this.refuse(conn, 'pass_wrong', `This code is not right; scan the host's code again.${wait}`);
      if (outcome.close)
        this.messenger.closeAfterSends(conn.ws, CLOSE_CODES.pinFailures, 'Too many wrong codes');
      return false;
    }
    if (entry.used)
      return this.refuse(conn, 'pass_used', 'This code was already used; ask the host for a new one.');
    if (at > entry.expiresAt)
      return this.refuse(conn, 'pass_expired', 'This code has expired; ask the host for a new one.');
    if (this.remotes.size >= MAX_REMOTES) {
      const text = `At most ${MAX_REMOTES} phones can hold the controls; take one back first.`;
      return this.refuse(conn, 'forbidden', text);
    }
    entry.used = true;
    const token = newToken();
    const remote: Remote = {
      id: `r${this.nextId++}`,
      tokenKey: secretKey(token),
      device: conn.device,
      address: conn.address,
      since: at,
      conn: null,
    };
    this.remotes.set(remote.id, remote);
    this.byToken.set(remote.tokenKey, remote);
    this.enter(conn, remote, token);
    return true;
  }

  /** The host's own screen takes the controls back from remote `id`. */
  revoke(conn: Connection, id: string): void {
    if (!this.ownScreen(conn, 'revoke_remote')) return;
    const remote = this.remotes.get(id);
    if (!remote) {
      const text = 'No phone holds the controls under this id (it may have been taken back already).';
      return this.messenger.fail(conn.ws, 'unknown_remote', text, 'revoke_remote');
    }
    this.remotes.delete(id);
    this.byToken.delete(remote.tokenKey);
    this.revoked.add(remote.tokenKey);
    const phone = remote.conn;
    if (phone) {
      phone.remoteId = null;
      this.door.demote(phone);
      this.messenger.fail(phone.ws, 'remote_revoked', 'The host took back the controls.');
      this.messenger.closeAfterSends(phone.ws, CLOSE_CODES.remoteRevoked, 'Controls taken back');
    }
    this.tellHosts();
  }

  /** A connection closed: a remote's phone is no longer there (its token still works). */
  released(conn: Connection): void {
    if (conn.remoteId === null) return;
    const remote = this.remotes.get(conn.remoteId);
    if (remote?.conn === conn) {
      remote.conn = null;
      this.tellHosts();
    }
  }

  /** The remotes, for the host's own screen. */
  list(): RemoteInfo[] {
    return [...this.remotes.values()].map((r) => ({
      id: r.id,
      device: r.device,
      address: r.address,
      since: r.since,
      connected: r.conn !== null,
    }));
  }

  private comeBack(conn: Connection, token: string): boolean {
    const key = secretKey(token);
    const remote = this.byToken.get(key);
    if (remote) {
      // The same phone again: the newer connection holds the controls.
      const previous = remote.conn;
      if (previous && previous !== conn) {
        previous.remoteId = null;
        this.door.demote(previous);
        this.messenger.fail(previous.ws, 'replaced', 'These controls continued on another connection.');
        this.messenger.closeAfterSends(previous.ws, CLOSE_CODES.replaced, 'Continued elsewhere');
      }
      this.enter(conn, remote, token);
      return true;
    }
    if (this.revoked.has(key)) return this.refuse(conn, 'remote_revoked', 'The host took back the controls.');
    return this.refuse(
      conn,
      'unknown_remote',
      'The host does not know these controls (the room may have restarted); ask for a new code.',
    );
  }

  private enter(conn: Connection, remote: Remote, token: string): void {
    remote.conn = conn;
    conn.remoteId = remote.id;
    const granted: ServerMessage = { type: 'remote_granted', id: remote.id, token };
    this.messenger.send(conn.ws, granted);
    this.door.enterAsHost(conn);
    this.tellHosts();
  }

  /** Only the host's own screen hands out or takes back the controls. */
  private ownScreen(conn: Connection, type: string): boolean {
    if (conn.role === 'host' && conn.remoteId === null) return true;
    const text =
      conn.role === 'host'
        ? "Only the host's own screen can hand out or take back the controls."
        : 'Only the host can do that.';
    this.messenger.fail(conn.ws, 'forbidden', text, type);
    return false;
  }

  private refuse(conn: Connection, code: ErrorCode, message: string): false {
    this.messenger.fail(conn.ws, code, message, 'hello');
    return false;
  }

  private tellHosts(): void {
    const msg: ServerMessage = { type: 'remotes', remotes: this.list() };
    for (const host of this.door.audienceOf('hosts'))
      if (host.remoteId === null) this.messenger.send(host.ws, msg);
  }

  /** Forgets expired passes, and the oldest ones past MAX_PASSES. */
  private prune(now: number): void {
    for (const [key, entry] of this.passes) if (now > entry.expiresAt) this.passes.delete(key);
    while (this.passes.size >= MAX_PASSES) {
      const oldest = this.passes.keys().next().value;
      if (oldest === undefined) break;
      this.passes.delete(oldest);
    }
  }
}

/** A short name for a phone from its browser's user agent: "iPhone Safari", "Android Chrome". */
export function deviceLabel(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const system =
    /iPhone/.exec(ua)?.[0] ??
    /iPad/.exec(ua)?.[0] ??
    (/Android/.test(ua) ? 'Android' : null) ??
    (/Windows/.test(ua) ? 'Windows' : null) ??
    (/Mac OS X|Macintosh/.test(ua) ? 'Mac' : null) ??
    (/Linux|CrOS/.test(ua) ? 'Linux' : null);
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const label = [system, browser].filter((part) => part !== null).join(' ');
  return label || 'Unknown device';
}
