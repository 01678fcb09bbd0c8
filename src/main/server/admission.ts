/**
 * Who is on the server, and as what. Admission owns every open connection (by id), what is kept
 * per client address (AddressBook), the players' resume tokens (SessionStore) and the two
 * audiences that receive broadcasts. It lets a socket in or turns it away (too many from one
 * address), closes one that never says hello, and answers hello (protocol version, then host
 * token, resume token or guest), join (who may join, the PIN; the engine decides the rest), the
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
import { AddressBook } from './address-book';
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
}

/** What admission needs of the game: its players, what a connection sees, and the engine. */
export interface AdmissionGame {
  player(playerId: string): { id: string; name: string } | undefined;
  snapshotFor(conn: Connection): Snapshot;
  apply(input: Input, at: number): void;
  /** A player came back: the presence limit decides when the engine hears of it. */
  present(playerId: string, at: number): void;
}

export type Messenger = Pick<Broadcaster, 'send' | 'fail' | 'closeAfterSends'>;

export class Admission {
  private readonly conns = new Map<ConnId, Connection>();
  private readonly addresses = new AddressBook();
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
  ) {}

  // --- Sockets --------------------------------------------------------------------------------

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
    this.addresses.opened(address);
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
    this.addresses.closed(conn.address);
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

  hello(conn: Connection, protocol: number, token: string | undefined, at: number): void {
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
    if (token !== undefined && sameSecret(token, this.rules.hostToken)) {
      conn.role = 'host';
      this.hosts.add(conn);
      this.everyone.add(conn);
      this.welcome(conn);
      return;
    }
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

  join(conn: Connection, name: string, pin: string | undefined, at: number): void {
    if (conn.role === 'player')
      return this.fail(conn, 'already_joined', 'You have already joined this game.', 'join');
    if (conn.role === 'host')
      return this.fail(
        conn,
        'forbidden',
        'The host connection cannot play; open a player connection.',
        'join',
      );
    const roomPin = this.rules.pin;
    if (roomPin) {
      if (pin === undefined || pin === '')
        return this.fail(conn, 'pin_required', 'This room needs a PIN.', 'join');
      if (!sameSecret(pin, roomPin)) return this.fail(conn, 'pin_wrong', 'That PIN is not right.', 'join');
    }
    this.game.apply({ kind: 'join', conn: conn.id, name, address: conn.address }, at);
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
    this.emit({ kind: 'joined', playerId: player.id, name: player.name });
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
