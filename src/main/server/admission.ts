/**
 * Who is on the server, and as what. Admission owns every open connection (by id), what is kept
 * per client address (AddressBook: sockets, budgets, wrong PINs), the players' resume tokens
 * (SessionStore) and the two audiences that receive broadcasts. It lets a TCP socket in or cuts
 * it (the address's socket budget and count, the overall cap), lets a WebSocket in or turns it
 * away (too many from one address), closes one that never says hello, and answers hello
 * (protocol version, then host token, resume token or guest), join (the address's join budget,
 * the PIN with its backoff; the engine decides the rest), the
 * binding of a player to a connection (a newer connection replaces an older one) and a kick.
 * What a client is told goes out through the broadcaster; the game is consulted through
 * `AdmissionGame`.
 */
import type { WebSocket } from 'ws';
import {
  CLOSE_CODES,
  PROTOCOL_VERSION,
  SUPPORTED_PROTOCOLS,
  type ErrorCode,
  type ServerMessage,
  type Snapshot,
} from '../../shared/protocol';
import type { Audience, ConnId, Input } from '../game';
import { AddressBook, DEFAULT_ADDRESS_LIMITS, type AddressLimits, type Verdict } from './address-book';
import type { Broadcaster } from './broadcaster';
import type { Clock } from './clock';
import { Connection } from './connection';
import type { ServerEvent } from './server-events';
import { SessionStore } from './session-store';
import { sameSecret } from './tokens';

/** A socket that has not said hello after this long is closed. */
export const HELLO_TIMEOUT_MS = 10_000;

export interface AdmissionRules {
  hostToken: string;
  /** The PIN joiners must give, or null for none. */
  pin: string | null;
  maxConnectionsPerAddress: number;
  /** TCP sockets the server holds at most, from every address together. */
  maxSockets: number;
  /** Budgets per address (sockets, joins, wrong PINs). */
  addressLimits?: AddressLimits;
}

/**
 * TCP sockets an address may hold beyond its WebSocket cap: a browser fetches the page over a few
 * of its own before it opens the game's socket.
 */
export const HTTP_SOCKET_SLACK = 8;
/** Wrong PINs in the whole room within PIN_ALARM_WINDOW_MS that make a notice to the host. */
export const PIN_ALARM_AT = 5;
export const PIN_ALARM_WINDOW_MS = 60_000;

/** What admission needs of the game: its players, what a connection sees, and the engine. */
export interface AdmissionGame {
  player(playerId: string): { id: string; name: string; identity?: string } | undefined;
  snapshotFor(conn: Connection): Snapshot;
  apply(input: Input, at: number): void;
  /** A player came back: the presence limit decides when the engine hears of it. */
  present(playerId: string, at: number): void;
}

export type Messenger = Pick<Broadcaster, 'send' | 'fail' | 'closeAfterSends'>;

export class Admission {
  private readonly conns = new Map<ConnId, Connection>();
  private readonly addresses: AddressBook;
  /** Times of recent wrong PINs in the room, and when the host was last told of a burst. */
  private pinFailureTimes: { at: number; address: string }[] = [];
  private lastPinAlarmAt = -Infinity;
  private sockets = 0;
  private readonly sessions = new SessionStore<Connection>();
  /** Players, guests and hosts: everyone who receives broadcasts. */
  private readonly everyone = new Set<Connection>();
  private readonly hosts = new Set<Connection>();
  private nextConnId = 1;

  constructor(
    private readonly rules: AdmissionRules,
    private readonly clock: Clock,
    private readonly messenger: Messenger,
    private readonly game: AdmissionGame,
    private readonly emit: (event: ServerEvent) => void,
  ) {
    this.addresses = new AddressBook(rules.addressLimits ?? DEFAULT_ADDRESS_LIMITS);
  }

  // --- Sockets --------------------------------------------------------------------------------

  /**
   * A TCP socket arrived (its first byte, before any HTTP): whether it may stay. Refused when the
   * server holds its overall cap, when its address holds its WebSocket cap plus HTTP_SOCKET_SLACK,
   * or when its address has spent its budget of new sockets. A socket let in is counted until
   * `socketClosed`.
   */
  socketOpening(address: string): boolean {
    // Not reported one by one: a flood of sockets would become a flood of log lines.
    if (this.socketRefusal(address)) return false;
    this.sockets++;
    return true;
  }

  socketClosed(address: string): void {
    this.sockets--;
    this.addresses.socketClosed(address, this.clock.now());
  }

  /** How many TCP sockets the server holds now (HTTP and WebSocket, from their first byte). */
  get socketCount(): number {
    return this.sockets;
  }

  /** Why a new TCP socket from `address` is cut, or null to let it in. */
  private socketRefusal(address: string): string | null {
    if (this.sockets >= this.rules.maxSockets) return 'server socket cap';
    const cap = this.rules.maxConnectionsPerAddress + HTTP_SOCKET_SLACK;
    if (this.addresses.sockets(address) >= cap) return 'address socket cap';
    if (!this.addresses.socketOpening(address, this.clock.now()).ok) return 'address socket budget';
    return null;
  }

  /** Lets a new socket in, or tells it why not and closes it (null). */
  accept(ws: WebSocket, address: string): Connection | null {
    const cap = this.rules.maxConnectionsPerAddress;
    if (this.addresses.connections(address) >= cap) {
      this.messenger.fail(
        ws,
        'too_many_connections',
        `Too many connections from ${address} (at most ${cap}).`,
      );
      this.messenger.closeAfterSends(
        ws,
        CLOSE_CODES.tooManyConnections,
        'Too many connections from this address',
      );
      this.emit({ kind: 'rejected', address, code: 'too_many_connections', message: 'connection cap' });
      return null;
    }
    const conn = new Connection(this.nextConnId++, ws, address, this.clock.now());
    this.conns.set(conn.id, conn);
    this.addresses.opened(address, this.clock.now());
    conn.helloTimer = this.clock.setTimeout(() => {
      if (!conn.helloDone) ws.close(CLOSE_CODES.helloTimeout, 'No hello received');
    }, HELLO_TIMEOUT_MS);
    return conn;
  }

  /**
   * Forgets a closed connection. Returns the player who was playing on it and now has no
   * connection (not one who continued elsewhere), or null.
   */
  release(conn: Connection): string | null {
    if (!this.conns.delete(conn.id)) return null;
    this.clock.clearTimeout(conn.helloTimer);
    this.addresses.closed(conn.address, this.clock.now());
    this.everyone.delete(conn);
    this.hosts.delete(conn);
    return conn.playerId && this.sessions.detach(conn.playerId, conn) ? conn.playerId : null;
  }

  /** The room is closing: every socket is asked to close with `code`. */
  closeAll(code: number, reason: string): void {
    for (const conn of this.conns.values()) {
      this.clock.clearTimeout(conn.helloTimer);
      conn.ws.close(code, reason);
    }
  }

  /** Cuts every socket still open. */
  terminateAll(): void {
    for (const conn of this.conns.values()) conn.ws.terminate();
  }

  // --- Who is who -----------------------------------------------------------------------------

  get connectionCount(): number {
    return this.conns.size;
  }

  connections(): Iterable<Connection> {
    return this.conns.values();
  }

  connection(id: ConnId): Connection | undefined {
    return this.conns.get(id);
  }

  /** The connection a player plays on now, if any. */
  connectionOf(playerId: string): Connection | undefined {
    return this.sessions.connOf(playerId);
  }

  audienceOf(audience: Audience): ReadonlySet<Connection> {
    if (audience === 'guests') return new Set([...this.everyone].filter((c) => c.role === 'guest'));
    return audience === 'hosts' ? this.hosts : this.everyone;
  }

  /** The resume token of a player (created the first time it is asked for). */
  tokenOf(playerId: string): string {
    return this.sessions.issue(playerId);
  }

  /** Tokens recorded in a journal: players come back with them after a restart. */
  restoreTokens(tokens: Iterable<[playerId: string, token: string]>): void {
    for (const [playerId, token] of tokens) this.sessions.restore(playerId, token);
  }

  // --- Messages -------------------------------------------------------------------------------

  /**
   * `door`: the hello carries a remote control's pass or token (remote-controls.ts), which lets
   * the connection in (true) or refuses it (false: it goes on as a guest).
   */
  hello(
    conn: Connection,
    protocol: number,
    token: string | undefined,
    at: number,
    door?: (conn: Connection) => boolean,
  ): void {
    if (conn.helloDone)
      return this.fail(conn, 'already_hello', 'This connection has already said hello.', 'hello');
    if (!SUPPORTED_PROTOCOLS.includes(protocol)) {
      this.fail(
        conn,
        'protocol_unsupported',
        `This host speaks protocol version ${SUPPORTED_PROTOCOLS.join(', ')}; the client speaks ${protocol}. Update the app that is older.`,
        'hello',
      );
      this.messenger.closeAfterSends(
        conn.ws,
        CLOSE_CODES.protocolUnsupported,
        'Protocol version not supported',
      );
      return;
    }
    conn.helloDone = true;
    this.clock.clearTimeout(conn.helloTimer);
    if (door) {
      if (door(conn)) return;
      this.everyone.add(conn);
      this.welcome(conn);
      return;
    }
    if (token !== undefined && sameSecret(token, this.rules.hostToken)) return this.enterAsHost(conn);
    const playerId = token === undefined ? undefined : this.sessions.playerOf(token);
    if (playerId && this.game.player(playerId)) {
      this.bindPlayer(conn, playerId);
      // Mark the player connected first, so that their snapshot shows them connected.
      this.game.present(playerId, at);
      this.welcome(conn);
      return;
    }
    if (token !== undefined) {
      this.fail(
        conn,
        'unknown_token',
        'This session is not known to the host (the room may have restarted); join again.',
        'hello',
      );
    }
    // Guests follow the game too (a lobby that fills, a game that starts), so the join screen is live.
    this.everyone.add(conn);
    this.welcome(conn);
  }

  /** Lets a connection that said hello in as a host: the host token, or a remote control's pass. */
  enterAsHost(conn: Connection): void {
    conn.role = 'host';
    this.hosts.add(conn);
    this.everyone.add(conn);
    this.welcome(conn);
  }

  /** A host connection that is no longer one (a phone whose controls were taken back). */
  demote(conn: Connection): void {
    this.hosts.delete(conn);
    conn.role = 'guest';
  }

  /** Whether `address` may try a secret (a PIN, a remote pass) now: the wrong-PIN budget. */
  guessAllowed(address: string, at: number): Verdict {
    return this.addresses.pinAllowed(address, at);
  }

  /** A wrong secret other than the PIN (a remote pass): spent from the same budget. */
  guessFailed(conn: Connection, at: number): { waitMs: number; close: boolean } {
    return this.addresses.pinFailed(conn.address, at);
  }

  join(conn: Connection, name: string, pin: string | undefined, at: number, identity?: string): void {
    if (conn.role === 'player')
      return this.fail(conn, 'already_joined', 'You have already joined this game.', 'join');
    if (conn.role === 'host')
      return this.fail(
        conn,
        'forbidden',
        'The host connection cannot play; open a player connection.',
        'join',
      );
    const budget = this.addresses.joinAttempt(conn.address, at);
    if (!budget.ok) {
      const text = `Too many join attempts from this device; try again in ${seconds(budget.retryInMs)}.`;
      return this.fail(conn, 'rate_limited', text, 'join');
    }
    const roomPin = this.rules.pin;
    if (roomPin) {
      if (pin === undefined || pin === '')
        return this.fail(conn, 'pin_required', 'This room needs a PIN.', 'join');
      const allowed = this.addresses.pinAllowed(conn.address, at);
      if (!allowed.ok) {
        const text = `Too many wrong PINs from this device; try again in ${seconds(allowed.retryInMs)}.`;
        return this.fail(conn, 'pin_wait', text, 'join');
      }
      if (!sameSecret(pin, roomPin)) return this.wrongPin(conn, at);
    }
    this.game.apply(
      {
        kind: 'join',
        conn: conn.id,
        name,
        address: conn.address,
        ...(identity === undefined ? {} : { identity }),
      },
      at,
    );
  }

  /** A wrong PIN: counted for the address, the socket closed after a few, the host told of bursts. */
  private wrongPin(conn: Connection, at: number): void {
    const outcome = this.addresses.pinFailed(conn.address, at);
    const wait = outcome.waitMs > 0 ? ` Wait ${seconds(outcome.waitMs)} before the next try.` : '';
    this.fail(conn, 'pin_wrong', `That PIN is not right.${wait}`, 'join');
    if (outcome.close)
      this.messenger.closeAfterSends(conn.ws, CLOSE_CODES.pinFailures, 'Too many wrong PINs');
    this.pinFailureTimes.push({ at, address: conn.address });
    const since = at - PIN_ALARM_WINDOW_MS;
    this.pinFailureTimes = this.pinFailureTimes.filter((f) => f.at > since);
    const count = this.pinFailureTimes.length;
    if (count < PIN_ALARM_AT || at - this.lastPinAlarmAt < PIN_ALARM_WINDOW_MS) return;
    this.lastPinAlarmAt = at;
    const addresses = new Set(this.pinFailureTimes.map((f) => f.address)).size;
    const notice: ServerMessage = {
      type: 'notice',
      kind: 'pin_failures',
      count,
      addresses,
      windowMs: PIN_ALARM_WINDOW_MS,
    };
    for (const host of this.hosts) this.messenger.send(host.ws, notice);
    this.emit({ kind: 'pin_failures', count, addresses, windowMs: PIN_ALARM_WINDOW_MS });
  }

  // --- The engine's decisions -----------------------------------------------------------------

  /** The engine accepted a join: the connection now plays as this player, and is told so. */
  bind(connId: ConnId, playerId: string): void {
    const conn = this.conns.get(connId);
    const player = this.game.player(playerId);
    if (!conn || !player) return;
    this.bindPlayer(conn, playerId);
    const token = this.sessions.issue(playerId);
    const joined: ServerMessage = { type: 'joined', player: { id: player.id, name: player.name }, token };
    this.messenger.send(conn.ws, joined, this.game.snapshotFor(conn));
    this.emit({
      kind: 'joined',
      playerId: player.id,
      name: player.name,
      ...(player.identity !== undefined ? { identity: player.identity } : {}),
    });
  }

  /**
   * A player left the lobby by their own choice: their token stops working and their connection
   * becomes a guest's again, told so with a fresh snapshot.
   */
  leave(playerId: string): void {
    const conn = this.sessions.connOf(playerId);
    this.sessions.revoke(playerId);
    if (!conn) return;
    conn.playerId = null;
    conn.role = 'guest';
    this.messenger.send(conn.ws, { type: 'left' }, this.game.snapshotFor(conn));
  }

  /** The host removed a player: their token stops working and their connection is closed. */
  kick(playerId: string): void {
    const conn = this.sessions.connOf(playerId);
    this.sessions.revoke(playerId);
    if (!conn) return;
    conn.playerId = null;
    conn.role = 'guest';
    this.fail(conn, 'kicked', 'The host removed you from the game.');
    this.messenger.closeAfterSends(conn.ws, CLOSE_CODES.kicked, 'Removed by the host');
  }

  private bindPlayer(conn: Connection, playerId: string): void {
    const previous = this.sessions.attach(playerId, conn);
    if (previous && previous !== conn) {
      // The same player opened the game again elsewhere: the newer connection wins.
      previous.playerId = null;
      previous.role = 'guest';
      this.fail(previous, 'replaced', 'This player continued on another connection.');
      this.messenger.closeAfterSends(previous.ws, CLOSE_CODES.replaced, 'Continued elsewhere');
    }
    conn.role = 'player';
    conn.playerId = playerId;
    this.everyone.add(conn);
  }

  private welcome(conn: Connection): void {
    const welcome: ServerMessage = {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: conn.role,
      serverTime: this.clock.now(),
    };
    this.messenger.send(conn.ws, welcome, this.game.snapshotFor(conn));
  }

  private fail(conn: Connection, code: ErrorCode, message: string, ref?: string): void {
    this.messenger.fail(conn.ws, code, message, ref);
  }
}

/** A wait said to a person: whole seconds, at least one. */
function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1000));
  return s === 1 ? '1 second' : `${s} seconds`;
}
