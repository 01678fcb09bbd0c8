/**
 * The competition server: one HTTP server on one port serving the web player at `/`, the
 * WebSocket endpoint at `/ws` and `/health`. It turns socket messages into engine inputs, runs
 * `step` with its own clock and carries out the effects: sends, broadcasts (serialized once),
 * the phase timer, binding tokens to players. It owns every socket, timer and limit.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  CLIENT_MESSAGE_TYPES,
  ClientMessageSchema,
  CLOSE_CODES,
  isHostCommand,
  PROTOCOL_VERSION,
  statusOf,
  SUPPORTED_PROTOCOLS,
  type ClientMessage,
  type ErrorCode,
  type GameSettings,
  type GameStatus,
  type HostAccess,
  type RoomView,
  type ServerMessage,
  type Snapshot,
} from '../../shared/protocol';
import { formatIssues } from '../../shared/quiz/load-quiz';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import {
  createGame,
  snapshotFor,
  step,
  type Audience,
  type Effect,
  type GameState,
  type Input,
  type Viewer,
} from '../game';
import { systemClock, type Clock } from './clock';
import { Connection, RATE_PER_SECOND } from './connection';
import { lanIPv4Addresses, playerUrl } from './lan-addresses';
import { InboundQueue } from './inbound-queue';
import { SendQueue, SLICE_MS } from './send-queue';
import { textFrame, writeFrames, type PreparedFrame } from './text-frame';
import { SessionStore } from './session-store';
import { serveStatic } from './static-files';
import { GameJournal, rebuildRoom, type RebuildOptions, type ResumedRoom } from './game-journal';
import { PresenceGate } from './presence-gate';
import { newToken } from './tokens';

export const DEFAULT_PORT = 7420;
export const MAX_PAYLOAD = 16 * 1024;
/** A socket with more than this waiting to be sent is too slow to keep: it is dropped. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;
export const HEARTBEAT_MS = 5_000;
export const HELLO_TIMEOUT_MS = 10_000;
/** How often batched messages (answer counters, player counts) go out. */
export const COALESCE_MS = 100;
/**
 * A batched message for everyone waits this much longer per member of the audience (ms), so
 * that a lobby filling with thousands does not spend its time telling everyone the count: at
 * 2,000 the count goes out every 400 ms, at 5,000 every second.
 */
export const COALESCE_MS_PER_MEMBER = 0.2;
/**
 * Connections the kernel may hold waiting to be accepted (capped by net.core.somaxconn). Node's
 * default of 511 overflows when a whole room joins at once, and each dropped SYN costs that
 * player 1 s, then 3 s, 7 s… of TCP retransmission before they even reach the host.
 */
export const LISTEN_BACKLOG = 4096;

export interface QuizServerOptions {
  quiz: Quiz;
  roomName: string;
  /** Port to listen on; when `strictPort` is false, the next free ones are tried too. */
  port?: number;
  strictPort?: boolean;
  /** Address to listen on; all interfaces by default. */
  bind?: string;
  /** A 6-digit PIN joiners must give, or null for none. */
  pin?: string | null;
  settings?: Partial<GameSettings>;
  /** Folder of the built web player; null serves none. */
  staticDir?: string | null;
  clock?: Clock;
  heartbeatMs?: number;
  maxConnectionsPerAddress?: number;
  /** Folder for the game journal, so that the room survives a crash of this process. */
  journalDir?: string | null;
  /** Continue the room recorded in this journal (see QuizServer.resume). */
  resumeFrom?: ResumePoint;
  /** Incoming work one event-loop turn may do before the rest waits (ms; see InboundQueue). */
  inboundTurnBudgetMs?: number;
}

export interface ResumePoint {
  path: string;
  room: ResumedRoom;
}

export interface HealthInfo {
  room: string;
  state: GameStatus;
  players: number;
  protocol: number;
  pinRequired: boolean;
}

/** Readable happenings, for logs and for the LAN announcement. */
export type ServerEvent =
  | { kind: 'joined'; playerId: string; name: string }
  | { kind: 'connected'; playerId: string; name: string }
  | { kind: 'disconnected'; playerId: string; name: string }
  | { kind: 'kicked'; playerId: string; name: string }
  | { kind: 'answered'; playerId: string; name: string; question: number }
  /** `voided`: the question that just closed (phase "reveal") was skipped by the host. */
  | { kind: 'phase'; phase: GameState['phase']; question: number; voided: boolean }
  | { kind: 'game_over'; state: GameState }
  | { kind: 'rejected'; address: string; code: ErrorCode; message: string };

export class QuizServer {
  readonly hostToken: string;
  readonly events = new EventEmitter<{ event: [ServerEvent] }>();
  private readonly clock: Clock;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly sessions = new SessionStore<Connection>();
  private readonly conns = new Map<number, Connection>();
  /** Players and hosts: everyone who receives broadcasts. */
  private readonly audience = new Set<Connection>();
  private readonly hosts = new Set<Connection>();
  private readonly perAddress = new Map<string, number>();
  /** Batched messages by key, one batch for the hosts and one for everyone, each with its timer. */
  private readonly coalesced = {
    hosts: { pending: new Map<string, ServerMessage>(), timer: null as unknown },
    everyone: { pending: new Map<string, ServerMessage>(), timer: null as unknown },
  };
  /** Upgrades, messages and closes come in through this queue, in order, within a budget per turn. */
  private readonly inbound: InboundQueue;
  /** Every frame and close goes out through this queue, in order, in short slices. */
  private readonly outbound = new SendQueue();
  /** Heartbeat pings, sliced too, in their own queue: no message has to wait behind them. */
  private readonly pings = new SendQueue();
  private phaseTimer: unknown = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private nextConnId = 1;
  private state: GameState;
  private boundPort = 0;
  private closing = false;
  private journal: GameJournal | null = null;
  /** Effects waiting for the journal to reach the disk. */
  private outbox: Effect[] = [];
  /**
   * Effects whose inputs are on disk, carried out in slices: one turn's inputs in an answer burst
   * are a thousand acknowledgements, which in one go would hold the event loop for tens of ms.
   */
  private released: Effect[] = [];
  private releasedHead = 0;
  private flushScheduled = false;
  /** Players' comings and goings, limited per player before the engine (and journal) sees them. */
  private readonly presence: PresenceGate;

  /**
   * A server that continues the room recorded in `journalPath` (after the host process died):
   * same room, quiz, settings, PIN, host token and port; the game state is rebuilt by replaying
   * the recorded inputs, and players come back with their tokens.
   */
  static resume(
    journalPath: string,
    options: Omit<QuizServerOptions, 'quiz' | 'roomName' | 'pin' | 'settings' | 'resumeFrom'>,
    rebuild: RebuildOptions = {},
  ): QuizServer {
    const room = rebuildRoom(journalPath, rebuild);
    const { config } = room;
    return new QuizServer({
      ...options,
      quiz: config.quiz,
      roomName: config.roomName,
      pin: config.pin,
      settings: config.settings,
      port: options.port ?? config.port,
      strictPort: true,
      resumeFrom: { path: journalPath, room },
    });
  }

  constructor(private readonly options: QuizServerOptions) {
    this.clock = options.clock ?? systemClock;
    this.inbound = new InboundQueue(options.inboundTurnBudgetMs);
    const resume = options.resumeFrom;
    this.hostToken = resume?.room.config.hostToken ?? newToken();
    this.state = resume?.room.game ?? createGame(options.quiz, { settings: options.settings });
    for (const [playerId, token] of resume?.room.tokens ?? []) this.sessions.restore(playerId, token);
    this.presence = new PresenceGate(this.clock, {
      connected: (playerId) => this.state.players.get(playerId)?.connected,
      apply: (playerId, connected, at) =>
        this.apply({ kind: connected ? 'connected' : 'disconnected', playerId }, at),
    });
    this.http = createServer((req, res) => this.onHttp(req, res));
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: MAX_PAYLOAD,
      perMessageDeflate: false,
      clientTracking: false,
    });
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.http.on('clientError', (_err, socket) => socket.destroy());
  }

  get port(): number {
    return this.boundPort;
  }

  get pin(): string | null {
    return this.options.pin ?? null;
  }

  get room(): RoomView {
    return { name: this.options.roomName, pinRequired: !!this.options.pin, protocol: PROTOCOL_VERSION };
  }

  get phase(): GameState['phase'] {
    return this.state.phase;
  }

  /** The engine's state, read-only for callers (reports, tests). */
  get game(): Readonly<GameState> {
    return this.state;
  }

  health(): HealthInfo {
    return {
      room: this.options.roomName,
      state: statusOf(this.state.phase),
      players: this.state.players.size,
      protocol: PROTOCOL_VERSION,
      pinRequired: !!this.options.pin,
    };
  }

  /** Starts listening; resolves with the port actually used. */
  async listen(): Promise<number> {
    const first = this.options.port ?? DEFAULT_PORT;
    const attempts = this.options.strictPort || first === 0 ? 1 : 20;
    for (let i = 0; i < attempts; i++) {
      try {
        this.boundPort = await this.tryListen(first === 0 ? 0 : first + i);
        break;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EADDRINUSE' || i === attempts - 1) {
          throw new ListenError(
            first === 0 ? first : first + i,
            this.options.bind,
            e as NodeJS.ErrnoException,
          );
        }
      }
    }
    this.heartbeat = setInterval(() => this.beat(), this.options.heartbeatMs ?? HEARTBEAT_MS);
    this.heartbeat.unref();
    this.openJournal();
    return this.boundPort;
  }

  /** The journal file this room writes, if any. */
  get journalPath(): string | null {
    return this.journal?.path ?? null;
  }

  private openJournal(): void {
    const resume = this.options.resumeFrom;
    const room = { clock: this.clock, game: () => this.state };
    if (resume) {
      this.journal = GameJournal.resume(resume.path, resume.room, room);
      // Nobody is connected to a fresh process (everyone comes back by themselves), and the
      // running phase goes on with the time it had left when the host went down.
      const pausedMs = Math.max(0, this.clock.now() - resume.room.lastAt);
      this.apply({ kind: 'resumed', pausedMs });
      return;
    }
    if (!this.options.journalDir) return;
    this.journal = GameJournal.create(
      this.options.journalDir,
      {
        roomName: this.options.roomName,
        pin: this.options.pin ?? null,
        hostToken: this.hostToken,
        port: this.boundPort,
        quiz: this.options.quiz,
        settings: this.state.settings,
      },
      room,
    );
  }

  private tryListen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.http.once('error', onError);
      this.http.listen(
        { port, host: this.options.bind ?? '0.0.0.0', exclusive: true, backlog: LISTEN_BACKLOG },
        () => {
          this.http.off('error', onError);
          resolve((this.http.address() as AddressInfo).port);
        },
      );
    });
  }

  /**
   * Closes every socket with "going away" and stops listening. The room is over, unless
   * `resumable`: then its journal stays open to `QuizServer.resume` (an app that quits mid-game).
   */
  async close(options: { resumable?: boolean } = {}): Promise<void> {
    if (this.closing) return;
    // What has already arrived is handled first.
    this.inbound.drain();
    this.closing = true;
    this.flushOutbox(Infinity);
    this.presence.clear();
    if (options.resumable) this.journal?.abandon(this.clock.now());
    else this.journal?.close(this.clock.now());
    this.journal = null;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.clock.clearTimeout(this.phaseTimer);
    for (const batch of Object.values(this.coalesced)) this.clock.clearTimeout(batch.timer);
    // What was already produced goes out before the close frames.
    this.outbound.flush();
    for (const conn of this.conns.values()) {
      this.clock.clearTimeout(conn.helloTimer);
      conn.ws.close(CLOSE_CODES.goingAway, 'The host closed the room');
    }
    // Sockets that do not finish the closing handshake promptly are cut.
    const deadline = setTimeout(() => {
      for (const conn of this.conns.values()) conn.ws.terminate();
    }, 1000);
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
    clearTimeout(deadline);
    for (const conn of this.conns.values()) conn.ws.terminate();
  }

  // --- HTTP -----------------------------------------------------------------------------------

  private onHttp(req: IncomingMessage, res: import('node:http').ServerResponse): void {
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(this.health()));
      return;
    }
    if (!this.options.staticDir) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    void serveStatic(this.options.staticDir, req, res, pathname);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== '/ws' || this.closing) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // The handshake waits its turn too: a thousand at once would hold the event loop.
    this.inbound.run(() => this.upgrade(req, socket, head));
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing || socket.destroyed) {
      socket.destroy();
      return;
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    const cap = this.options.maxConnectionsPerAddress ?? Infinity;
    const count = this.perAddress.get(address) ?? 0;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (count >= cap) {
        this.sendTo(ws, {
          type: 'error',
          code: 'too_many_connections',
          message: `Too many connections from ${address} (at most ${cap}).`,
        });
        this.closeAfterSends(ws, CLOSE_CODES.tooManyConnections, 'Too many connections from this address');
        this.events.emit('event', {
          kind: 'rejected',
          address,
          code: 'too_many_connections',
          message: 'connection cap',
        });
        return;
      }
      this.accept(ws, address);
    });
  }

  // --- Connections ----------------------------------------------------------------------------

  private accept(ws: WebSocket, address: string): void {
    const conn = new Connection(this.nextConnId++, ws, address, this.clock.now());
    this.conns.set(conn.id, conn);
    this.perAddress.set(address, (this.perAddress.get(address) ?? 0) + 1);
    conn.helloTimer = this.clock.setTimeout(() => {
      if (!conn.helloDone) ws.close(CLOSE_CODES.helloTimeout, 'No hello received');
    }, HELLO_TIMEOUT_MS);
    // Messages are stamped and rate-limited as they are read, and handled in turn (see InboundQueue).
    ws.on('message', (data, isBinary) => {
      const at = this.clock.now();
      const verdict = conn.admit(at);
      if (verdict === 'drop') return;
      this.inbound.run(() => this.onMessage(conn, data, isBinary, verdict, at));
    });
    ws.on('pong', () => conn.recordPong(this.clock.now()));
    ws.on('close', () => {
      const at = this.clock.now();
      this.inbound.run(() => this.onClose(conn, at));
    });
    ws.on('error', () => ws.terminate());
  }

  private onClose(conn: Connection, at: number): void {
    if (!this.conns.delete(conn.id)) return;
    this.clock.clearTimeout(conn.helloTimer);
    const left = (this.perAddress.get(conn.address) ?? 1) - 1;
    if (left <= 0) this.perAddress.delete(conn.address);
    else this.perAddress.set(conn.address, left);
    this.audience.delete(conn);
    this.hosts.delete(conn);
    if (conn.playerId && this.sessions.detach(conn.playerId, conn) && !this.closing) {
      this.presence.set(conn.playerId, false, at);
    }
  }

  private beat(): void {
    // In slices: pinging thousands of sockets at once would hold up answers.
    this.pings.each([...this.conns.values()], (conn) => {
      if (!conn.alive) {
        conn.ws.terminate();
        return;
      }
      conn.recordPing(this.clock.now());
      conn.ws.ping();
    });
  }

  private fail(conn: Connection, code: ErrorCode, message: string, ref?: string): void {
    this.send(
      conn,
      ref === undefined ? { type: 'error', code, message } : { type: 'error', code, message, ref },
    );
  }

  private onMessage(
    conn: Connection,
    data: RawData,
    isBinary: boolean,
    verdict: 'ok' | 'warn' | 'close',
    at: number,
  ): void {
    if (this.closing) return;
    if (verdict === 'close') {
      this.fail(conn, 'rate_limited', 'Too many messages: disconnected.');
      this.closeAfterSends(conn.ws, CLOSE_CODES.flood, 'Flooding');
      return;
    }
    if (verdict === 'warn') {
      this.fail(
        conn,
        'rate_limited',
        `Too many messages (more than ${RATE_PER_SECOND} a second); extra ones are ignored.`,
      );
      return;
    }
    if (isBinary)
      return this.fail(conn, 'binary_frame', 'Send JSON text frames; binary frames are not understood.');
    let value: unknown;
    try {
      value = JSON.parse(rawToString(data));
    } catch {
      return this.fail(conn, 'bad_json', 'The message is not valid JSON.');
    }
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    if (typeof type !== 'string' || !CLIENT_MESSAGE_TYPES.includes(type)) {
      const what = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
      return this.fail(
        conn,
        'unknown_type',
        `Message type ${what} is not known; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}.`,
      );
    }
    const parsed = ClientMessageSchema.safeParse(value);
    if (!parsed.success) {
      if (type === 'new_game') {
        return this.fail(
          conn,
          'invalid_quiz',
          `The quiz of "new_game" is not valid: ${formatIssues(parsed.error.issues, 'the message').join('; ')}`,
          type,
        );
      }
      return this.fail(
        conn,
        'invalid_message',
        `Invalid "${type}" message: ${formatIssues(parsed.error.issues, 'the message').join('; ')}`,
        type,
      );
    }
    this.dispatch(conn, parsed.data, at);
  }

  /** Handles one valid message that arrived at `at`. */
  private dispatch(conn: Connection, msg: ClientMessage, at: number): void {
    if (msg.type === 'ping') {
      this.send(conn, { type: 'pong', t: msg.t, serverTime: this.clock.now() });
      return;
    }
    if (msg.type === 'hello') return this.hello(conn, msg.protocol, msg.token, at);
    if (!conn.helloDone) return this.fail(conn, 'hello_required', 'Say hello first.', msg.type);
    if (isHostCommand(msg)) {
      if (conn.role !== 'host') return this.fail(conn, 'forbidden', 'Only the host can do that.', msg.type);
      this.apply({ kind: 'host', conn: conn.id, command: msg }, at);
      return;
    }
    switch (msg.type) {
      case 'join':
        return this.join(conn, msg.name, msg.pin, at);
      case 'answer': {
        if (conn.role !== 'player' || !conn.playerId)
          return this.fail(conn, 'not_joined', 'Join the game before answering.', 'answer');
        // On a jittery link one answer's trip can take as long as a typical round trip.
        const graceMs = conn.rttMs ?? 0;
        this.apply(
          {
            kind: 'answer',
            conn: conn.id,
            playerId: conn.playerId,
            question: msg.question,
            option: msg.option,
            graceMs,
          },
          at,
        );
        return;
      }
    }
  }

  private hello(conn: Connection, protocol: number, token: string | undefined, at: number): void {
    if (conn.helloDone)
      return this.fail(conn, 'already_hello', 'This connection has already said hello.', 'hello');
    if (!SUPPORTED_PROTOCOLS.includes(protocol)) {
      this.fail(
        conn,
        'protocol_unsupported',
        `This host speaks protocol version ${SUPPORTED_PROTOCOLS.join(', ')}; the client speaks ${protocol}. Update the app that is older.`,
        'hello',
      );
      this.closeAfterSends(conn.ws, CLOSE_CODES.protocolUnsupported, 'Protocol version not supported');
      return;
    }
    conn.helloDone = true;
    this.clock.clearTimeout(conn.helloTimer);
    if (token !== undefined && token === this.hostToken) {
      conn.role = 'host';
      this.hosts.add(conn);
      this.audience.add(conn);
      this.welcome(conn);
      return;
    }
    const playerId = token === undefined ? undefined : this.sessions.playerOf(token);
    if (playerId && this.state.players.has(playerId)) {
      this.bindPlayer(conn, playerId);
      // Mark the player connected first, so that their snapshot shows them connected.
      this.presence.set(playerId, true, at);
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
    this.audience.add(conn);
    this.welcome(conn);
  }

  private welcome(conn: Connection): void {
    const welcome: ServerMessage = {
      type: 'welcome',
      protocol: PROTOCOL_VERSION,
      role: conn.role,
      serverTime: this.clock.now(),
    };
    this.send(conn, welcome, this.snapshotOf(conn));
  }

  private viewerOf(conn: Connection): Viewer {
    if (conn.role === 'host') return { role: 'host' };
    if (conn.role === 'player' && conn.playerId) return { role: 'player', playerId: conn.playerId };
    return { role: 'guest' };
  }

  private snapshotOf(conn: Connection): Snapshot {
    const snapshot = snapshotFor(this.state, this.viewerOf(conn), this.room, this.clock.now());
    if (conn.role === 'host') snapshot.access = this.access();
    return snapshot;
  }

  /** Where players join: a URL per LAN address (or the bound address), and the PIN. */
  access(): HostAccess {
    const bind = this.options.bind;
    const addresses =
      bind && bind !== '0.0.0.0' && bind !== '::' ? [bind] : lanIPv4Addresses().map((a) => a.address);
    if (addresses.length === 0) addresses.push('127.0.0.1');
    return { joinUrls: addresses.map((a) => playerUrl(a, this.boundPort)), pin: this.options.pin ?? null };
  }

  private bindPlayer(conn: Connection, playerId: string): void {
    const previous = this.sessions.attach(playerId, conn);
    if (previous && previous !== conn) {
      // The same player opened the game again elsewhere: the newer connection wins.
      previous.playerId = null;
      previous.role = 'guest';
      this.fail(previous, 'replaced', 'This player continued on another connection.');
      this.closeAfterSends(previous.ws, CLOSE_CODES.replaced, 'Continued elsewhere');
    }
    conn.role = 'player';
    conn.playerId = playerId;
    this.audience.add(conn);
  }

  private join(conn: Connection, name: string, pin: string | undefined, at: number): void {
    if (conn.role === 'player')
      return this.fail(conn, 'already_joined', 'You have already joined this game.', 'join');
    if (conn.role === 'host')
      return this.fail(
        conn,
        'forbidden',
        'The host connection cannot play; open a player connection.',
        'join',
      );
    const roomPin = this.options.pin;
    if (roomPin) {
      if (pin === undefined || pin === '')
        return this.fail(conn, 'pin_required', 'This room needs a PIN.', 'join');
      if (pin !== roomPin) return this.fail(conn, 'pin_wrong', 'That PIN is not right.', 'join');
    }
    this.apply({ kind: 'join', conn: conn.id, name }, at);
  }

  // --- Engine ---------------------------------------------------------------------------------

  /** Feeds `input`, which happened at `now` (by default: now), to the engine; carries out its effects. */
  private apply(input: Input, now = this.clock.now()): void {
    const before = this.state.phase;
    const kicked =
      input.kind === 'host' && input.command.type === 'kick'
        ? this.state.players.get(input.command.playerId)
        : undefined;
    const { effects } = step(this.state, input, now);
    // Scoring a round is the longest step (every player at once): its sends start a turn later.
    if (before === 'question' && this.state.phase !== 'question') this.outbound.yieldTurn();
    const journal = this.journal;
    if (journal) {
      journal.append({ t: 'in', at: now, input });
      for (const e of effects) {
        if (e.kind === 'bind')
          journal.append({ t: 'token', playerId: e.playerId, token: this.sessions.issue(e.playerId) });
      }
      // Nothing leaves (no acknowledgement, no question) before the journal is on disk; the
      // inputs of one event-loop turn share one write.
      for (const effect of effects) this.outbox.push(effect);
      this.scheduleFlush();
    } else {
      for (const effect of effects) this.carryOut(effect);
    }
    this.report(input, before, kicked?.name);
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flushOutbox());
  }

  /**
   * Writes the journal (one fdatasync), then carries out released effects for up to `budgetMs`.
   * At most one budget per turn: an InboundQueue here (tried) also lets a turn run a slice and
   * then a new flush's budget, and its 5,000-player journal run stalled 83 ms against 50.
   */
  private flushOutbox(budgetMs = SLICE_MS): void {
    this.flushScheduled = false;
    if (this.outbox.length > 0) {
      this.journal?.flush();
      for (const effect of this.outbox) this.released.push(effect);
      this.outbox = [];
    }
    const end = performance.now() + budgetMs;
    while (this.releasedHead < this.released.length) {
      this.carryOut(this.released[this.releasedHead++]!);
      if (this.releasedHead < this.released.length && performance.now() >= end) {
        this.scheduleFlush();
        return;
      }
    }
    this.released = [];
    this.releasedHead = 0;
  }

  private carryOut(effect: Effect): void {
    switch (effect.kind) {
      case 'send': {
        const conn = this.sessions.connOf(effect.to);
        if (conn) this.send(conn, effect.msg);
        return;
      }
      case 'reply': {
        const conn = this.conns.get(effect.conn);
        if (conn) this.send(conn, effect.msg);
        return;
      }
      case 'broadcast':
        if (effect.coalesce) {
          const audience = effect.audience;
          const batch = this.coalesced[audience];
          batch.pending.set(effect.coalesce, effect.msg);
          const delay =
            audience === 'hosts'
              ? COALESCE_MS
              : Math.max(COALESCE_MS, this.audience.size * COALESCE_MS_PER_MEMBER);
          batch.timer ??= this.clock.setTimeout(() => this.flushCoalesced(audience), delay);
        } else {
          // Batched counters go first, so that none arrives after the phase it counted. A message
          // for the hosts only flushes only the hosts' counters: flushing the player count to
          // everyone on every join's roster update made a join storm cost O(N) sends per join.
          this.flushCoalesced('hosts');
          if (effect.audience === 'everyone') this.flushCoalesced('everyone');
          this.broadcast(
            effect.audience === 'hosts' ? this.hosts : this.audience,
            effect.msg,
            effect.personal,
          );
        }
        return;
      case 'bind': {
        const conn = this.conns.get(effect.conn);
        const player = this.state.players.get(effect.playerId);
        if (!conn || !player) return;
        this.bindPlayer(conn, effect.playerId);
        const token = this.sessions.issue(effect.playerId);
        const joined: ServerMessage = { type: 'joined', player: { id: player.id, name: player.name }, token };
        this.send(conn, joined, this.snapshotOf(conn));
        this.emit({ kind: 'joined', playerId: player.id, name: player.name });
        return;
      }
      case 'kick': {
        const conn = this.sessions.connOf(effect.playerId);
        this.sessions.revoke(effect.playerId);
        if (conn) {
          conn.playerId = null;
          conn.role = 'guest';
          this.fail(conn, 'kicked', 'The host removed you from the game.');
          this.closeAfterSends(conn.ws, CLOSE_CODES.kicked, 'Removed by the host');
        }
        return;
      }
      case 'resync':
        for (const conn of this.audience) this.send(conn, this.snapshotOf(conn));
        return;
      case 'timer':
        this.clock.clearTimeout(this.phaseTimer);
        this.phaseTimer = null;
        if (effect.at !== null) {
          const delay = Math.max(0, effect.at - this.clock.now());
          this.phaseTimer = this.clock.setTimeout(() => {
            this.phaseTimer = null;
            // Whatever arrived before the deadline counts first (answers read but not yet handled).
            this.inbound.drain();
            this.apply({ kind: 'timer' });
          }, delay);
        }
        return;
      case 'game_over':
        this.emit({ kind: 'game_over', state: this.state });
        return;
    }
  }

  /** Sends one audience's batched messages now. */
  private flushCoalesced(audience: Audience): void {
    const batch = this.coalesced[audience];
    this.clock.clearTimeout(batch.timer);
    batch.timer = null;
    if (batch.pending.size === 0) return;
    const messages = [...batch.pending.values()];
    batch.pending.clear();
    for (const msg of messages) this.broadcast(audience === 'hosts' ? this.hosts : this.audience, msg);
  }

  private report(input: Input, before: GameState['phase'], kickedName: string | undefined): void {
    if (input.kind === 'connected' || input.kind === 'disconnected') {
      const name = this.state.players.get(input.playerId)?.name ?? input.playerId;
      this.emit({ kind: input.kind, playerId: input.playerId, name });
    } else if (input.kind === 'answer') {
      const p = this.state.players.get(input.playerId);
      if (p?.pending || p?.answers[input.question])
        this.emit({ kind: 'answered', playerId: p.id, name: p.name, question: input.question });
    } else if (input.kind === 'host' && input.command.type === 'kick' && kickedName !== undefined) {
      this.emit({ kind: 'kicked', playerId: input.command.playerId, name: kickedName });
    }
    if (this.state.phase !== before)
      this.emit({
        kind: 'phase',
        phase: this.state.phase,
        question: this.state.questionIndex,
        voided: this.state.phase === 'reveal' && !!this.state.round?.voided,
      });
  }

  private emit(event: ServerEvent): void {
    this.events.emit('event', event);
  }

  // --- Sending --------------------------------------------------------------------------------

  /** Sends `msg` to one connection; `then`, if given, leaves in the same write right after it. */
  private send(conn: Connection, msg: ServerMessage, then?: ServerMessage): void {
    this.sendTo(conn.ws, msg, then);
  }

  private sendTo(ws: WebSocket, msg: ServerMessage, then?: ServerMessage): void {
    if (ws.readyState !== ws.OPEN) return;
    const first = textFrame(JSON.stringify(msg));
    const second = then === undefined ? undefined : textFrame(JSON.stringify(then));
    this.outbound.each([ws], (target) => {
      if (this.writable(target)) writeFrames(target, first, second);
    });
  }

  /**
   * Serializes and frames once and queues the same bytes for every socket (the audience as it is
   * now; a player who joins meanwhile gets a snapshot instead). Effects are never changed after
   * the step that made them, so serializing later sends what the step meant. With `personal`, each player whose
   * id it holds also gets that message, in the same write: it is serialized when its turn comes,
   * so that a round close does not serialize every player's result in one go.
   */
  private broadcast(
    targets: Iterable<Connection>,
    msg: ServerMessage,
    personal?: ReadonlyMap<string, ServerMessage>,
  ): void {
    // Framed when its turn comes: a big message (every player's standings) waiting behind a
    // broadcast to thousands is not serialized in the step that produced it.
    let shared: PreparedFrame | null = null;
    this.outbound.each([...targets], (conn) => {
      if (!this.writable(conn.ws)) return;
      shared ??= textFrame(JSON.stringify(msg));
      const own = personal && conn.playerId !== null ? personal.get(conn.playerId) : undefined;
      writeFrames(conn.ws, shared, own === undefined ? undefined : textFrame(JSON.stringify(own)));
    });
  }

  /** Whether `ws` can take a frame now; a socket too far behind is cut. */
  private writable(ws: WebSocket): boolean {
    if (ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
      ws.terminate();
      return false;
    }
    return true;
  }

  /** Closes `ws` once everything queued for it before (its last error message) has gone out. */
  private closeAfterSends(ws: WebSocket, code: number, reason: string): void {
    this.outbound.each([ws], (target) => target.close(code, reason));
  }
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

export class ListenError extends Error {
  constructor(
    readonly port: number,
    readonly bind: string | undefined,
    readonly reason: NodeJS.ErrnoException,
  ) {
    const where = `${bind ?? '0.0.0.0'}:${port}`;
    const cause = reason;
    const why =
      cause.code === 'EADDRINUSE'
        ? `port ${port} is already in use (another Quizroom host or program); choose another with --port`
        : cause.code === 'EACCES'
          ? `permission denied for port ${port}; choose a port above 1024`
          : cause.code === 'EADDRNOTAVAIL'
            ? `${bind} is not an address of this machine`
            : cause.message;
    super(`Cannot listen on ${where}: ${why}.`);
    this.name = 'ListenError';
  }
}
