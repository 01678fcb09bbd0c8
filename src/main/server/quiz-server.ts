/**
 * The competition server: the composition of its parts, read top to bottom. A socket comes in
 * through the front door (listener.ts), is let in or turned away by admission (admission.ts);
 * each frame it sends is rate-limited (connection.ts), queued in arrival order (inbound-queue.ts),
 * decoded (message-decoder.ts) and dispatched: hello and join to admission, answers and host
 * commands to the engine. Each engine step's effects wait for the journal when there is one
 * (journaled-effects.ts) and are then carried out here: messages through the broadcaster
 * (broadcaster.ts), bindings and kicks through admission, the phase timer on the server's clock.
 * Steps are reported as server events (server-events.ts); the heartbeat (heartbeat.ts) cuts dead
 * sockets. What the server does is published at named measurement points (measurement-points.ts).
 */
import { EventEmitter } from 'node:events';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData } from 'ws';
import {
  CLOSE_CODES,
  isHostCommand,
  PROTOCOL_VERSION,
  type ClientMessage,
  type GameSettings,
  type HostAccess,
  type HostCommand,
  type RoomView,
  type Snapshot,
} from '../../shared/protocol';
import { builtinChoices, findBuiltin } from '../../shared/quiz/builtin-pack';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import {
  createGame,
  seatOf,
  snapshotFor,
  step,
  type Effect,
  type GameState,
  type Input,
  type Viewer,
} from '../game';
import type { MediaStore } from '../media/media-store';
import { buildGameReport } from '../reports/build-game-report';
import { DEFAULT_ADDRESS_LIMITS, type AddressLimits } from './address-book';
import { Admission } from './admission';
import { Broadcaster } from './broadcaster';
import { systemClock, type Clock } from './clock';
import { RATE_PER_SECOND, type Connection } from './connection';
import { GameJournal, rebuildRoom, type RebuildOptions, type ResumedRoom } from './game-journal';
import { Heartbeat } from './heartbeat';
import { InboundQueue } from './inbound-queue';
import { JournaledEffects } from './journaled-effects';
import { joinUrls } from './lan-addresses';
import { Listener, MAX_SOCKETS } from './listener';
import { RoomMedia } from './media-files';
import { measurementPoints } from './measurement-points';
import { decodeClientMessage, REMOTE_FORBIDDEN } from './message-decoder';
import { PresenceGate } from './presence-gate';
import { deviceLabel, RemoteControls } from './remote-controls';
import { beforeStep, healthOf, reportStep, type HealthInfo, type ServerEvent } from './server-events';
import { newToken } from './tokens';

// The server's public face: what its callers catch, read and default to.
export { DEFAULT_PORT, ListenError, MAX_PAYLOAD, MAX_SOCKETS } from './listener';
export { DEFAULT_ADDRESS_LIMITS, UNLIMITED, type AddressLimits } from './address-book';
export type { HealthInfo, ServerEvent } from './server-events';

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
  /**
   * Where the quiz's pictures and sounds are (the library's media store, or a package's): served
   * as `/media/<name>`, only the names the current quiz uses. None: no media is served.
   */
  media?: MediaStore;
  clock?: Clock;
  heartbeatMs?: number;
  maxConnectionsPerAddress?: number;
  /** TCP sockets the server holds at most, from all addresses together (default MAX_SOCKETS). */
  maxSockets?: number;
  /** Budgets per address: new sockets, joins, wrong PINs (default DEFAULT_ADDRESS_LIMITS). */
  addressLimits?: AddressLimits;
  /** Folder for the game journal, so that the room survives a crash of this process. */
  journalDir?: string | null;
  /** Continue the room recorded in this journal (see QuizServer.resume). */
  resumeFrom?: ResumePoint;
  /** Incoming work one event-loop turn may do before the rest waits (ms; see InboundQueue). */
  inboundTurnBudgetMs?: number;
  /** Longest one slice of sending may hold the event loop (ms; see SendQueue), to compare. */
  sendSliceMs?: number;
}

export interface ResumePoint {
  path: string;
  room: ResumedRoom;
}

export class QuizServer {
  readonly hostToken: string;
  readonly events = new EventEmitter<{ event: [ServerEvent] }>();
  private readonly emit = (event: ServerEvent): void => void this.events.emit('event', event);
  private readonly clock: Clock;
  private readonly state: GameState;
  private readonly listener: Listener;
  private readonly admission: Admission;
  private readonly outbound: Broadcaster;
  private readonly effects: JournaledEffects;
  /** Upgrades, messages and closes come in through this queue, in order, within a budget per turn. */
  private readonly inbound: InboundQueue;
  private readonly heartbeat: Heartbeat;
  /** Players' comings and goings, limited per player before the engine (and journal) sees them. */
  private readonly presence: PresenceGate;
  /** Phones that hold the host's controls (remote-controls.ts). */
  private readonly remotes: RemoteControls;
  private phaseTimer: unknown = null;
  private boundPort = 0;
  private closing = false;

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
    const resume = options.resumeFrom;
    this.hostToken = resume?.room.config.hostToken ?? newToken();
    this.state = resume?.room.game ?? createGame(options.quiz, { settings: options.settings });
    this.presence = new PresenceGate(this.clock, {
      connected: (playerId) => seatOf(this.state, playerId)?.connected,
      apply: (playerId, connected, at) =>
        this.apply({ kind: connected ? 'connected' : 'disconnected', playerId }, at),
    });

    this.inbound = new InboundQueue(
      options.inboundTurnBudgetMs,
      undefined,
      undefined,
      measurementPoints.inboundSlice,
    );
    this.outbound = new Broadcaster(
      this.clock,
      (audience) => this.admission.audienceOf(audience),
      options.sendSliceMs,
    );
    this.admission = new Admission(
      {
        hostToken: this.hostToken,
        pin: options.pin ?? null,
        maxConnectionsPerAddress: options.maxConnectionsPerAddress ?? Infinity,
        maxSockets: options.maxSockets ?? MAX_SOCKETS,
        addressLimits: options.addressLimits ?? DEFAULT_ADDRESS_LIMITS,
      },
      this.clock,
      this.outbound,
      {
        player: (playerId) => seatOf(this.state, playerId),
        snapshotFor: (conn) => this.snapshotOf(conn),
        apply: (input, at) => this.apply(input, at),
        present: (playerId, at) => this.presence.set(playerId, true, at),
      },
      this.emit,
    );
    if (resume) this.admission.restoreTokens(resume.room.tokens);
    this.remotes = new RemoteControls(
      this.clock,
      this.outbound,
      this.admission,
      () => this.access().joinUrls,
    );
    this.effects = new JournaledEffects(
      (effect) => this.carryOut(effect),
      (playerId) => this.admission.tokenOf(playerId),
    );
    this.heartbeat = new Heartbeat(this.clock, () => this.admission.connections());
    this.listener = new Listener({
      health: () => this.health(),
      staticDir: options.staticDir ?? null,
      media: options.media ? new RoomMedia(options.media, () => this.state.quiz) : null,
      accepting: () => !this.closing,
      socketOpening: (address) => this.admission.socketOpening(address),
      socketClosed: (address) => this.admission.socketClosed(address),
      // The handshake waits its turn too: a thousand at once would hold the event loop.
      upgrade: (req, socket, head) => this.inbound.run(() => this.upgrade(req, socket, head)),
    });
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
    return healthOf(this.state, this.options.roomName, this.pin);
  }

  /** Where players join: a URL per LAN address (or the bound address), and the PIN. */
  access(): HostAccess {
    return { joinUrls: joinUrls(this.options.bind, this.boundPort), pin: this.pin };
  }

  /** The journal file this room writes, if any. */
  get journalPath(): string | null {
    return this.effects.path;
  }

  /** How many WebSockets the server holds (said hello or not). */
  get connectionCount(): number {
    return this.admission.connectionCount;
  }

  /** How many TCP sockets the server holds (HTTP and WebSocket, counted from their first byte). */
  get socketCount(): number {
    return this.admission.socketCount;
  }

  /** The connection a player plays on now, if any (its socket, its measured round trip). */
  connectionOf(playerId: string): Connection | undefined {
    return this.admission.connectionOf(playerId);
  }

  /** Starts listening; resolves with the port actually used. */
  async listen(): Promise<number> {
    this.boundPort = await this.listener.listen(this.options);
    this.heartbeat.start(this.options.heartbeatMs);
    this.openJournal();
    return this.boundPort;
  }

  /**
   * Closes every socket and stops listening. The room is over (close code 4008, which clients take
   * as final: "The host closed the room"), unless `resumable`: then its journal stays open to
   * `QuizServer.resume` and sockets get "going away" (1001), so that players wait for it.
   */
  async close(options: { resumable?: boolean } = {}): Promise<void> {
    if (this.closing) return;
    // What has already arrived is handled first.
    this.inbound.drain();
    this.closing = true;
    this.presence.clear();
    this.effects.close(!!options.resumable, this.clock.now());
    this.heartbeat.stop();
    this.clock.clearTimeout(this.phaseTimer);
    // What was already produced goes out before the close frames.
    this.outbound.finish();
    if (options.resumable) this.admission.closeAll(CLOSE_CODES.goingAway, 'The host will be back');
    else this.admission.closeAll(CLOSE_CODES.roomClosed, 'The host closed the room');
    // Sockets that do not finish the closing handshake promptly are cut.
    const deadline = setTimeout(() => this.admission.terminateAll(), 1000);
    await this.listener.close();
    clearTimeout(deadline);
    this.admission.terminateAll();
  }

  private openJournal(): void {
    const resume = this.options.resumeFrom;
    const room = { clock: this.clock, game: () => this.state };
    if (resume) {
      this.effects.attach(GameJournal.resume(resume.path, resume.room, room));
      // Nobody is connected to a fresh process (everyone comes back by themselves), and the
      // running phase goes on with the time it had left when the host went down.
      const pausedMs = Math.max(0, this.clock.now() - resume.room.lastAt);
      this.apply({ kind: 'resumed', pausedMs });
      return;
    }
    if (!this.options.journalDir) return;
    const config = {
      roomName: this.options.roomName,
      pin: this.pin,
      hostToken: this.hostToken,
      port: this.boundPort,
      quiz: this.options.quiz,
      settings: this.state.settings,
    };
    this.effects.attach(GameJournal.create(this.options.journalDir, config, room));
  }

  // --- Sockets --------------------------------------------------------------------------------

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.closing || socket.destroyed) {
      socket.destroy();
      return;
    }
    const address = req.socket.remoteAddress ?? 'unknown';
    this.listener.handleUpgrade(req, socket, head, (ws) => {
      const conn = this.admission.accept(ws, address);
      if (!conn) return;
      conn.device = deviceLabel(req.headers['user-agent']);
      this.follow(conn);
    });
  }

  /** Messages are stamped and rate-limited as they are read, and handled in turn (see InboundQueue). */
  private follow(conn: Connection): void {
    const ws = conn.ws;
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
    const left = this.admission.release(conn);
    this.remotes.released(conn);
    if (left && !this.closing) this.presence.set(left, false, at);
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
      this.outbound.fail(conn.ws, 'rate_limited', 'Too many messages: disconnected.');
      this.outbound.closeAfterSends(conn.ws, CLOSE_CODES.flood, 'Flooding');
      return;
    }
    if (verdict === 'warn') {
      const text = `Too many messages (more than ${RATE_PER_SECOND} a second); extra ones are ignored.`;
      return this.outbound.fail(conn.ws, 'rate_limited', text);
    }
    const host = conn.remoteId === null ? 'host' : 'remote';
    const sender = conn.role === 'host' ? host : conn.helloDone ? 'other' : 'before_hello';
    const decoded = decodeClientMessage(data, isBinary, sender);
    if (!decoded.ok) {
      const { code, message, ref } = decoded.refusal;
      return this.outbound.fail(conn.ws, code, message, ref);
    }
    this.dispatch(conn, decoded.message, at);
  }

  /** Handles one valid message that arrived at `at`. */
  private dispatch(conn: Connection, msg: ClientMessage, at: number): void {
    if (msg.type === 'ping') {
      this.outbound.send(conn.ws, { type: 'pong', t: msg.t, serverTime: this.clock.now() });
      return;
    }
    if (msg.type === 'hello')
      return this.admission.hello(conn, msg.protocol, msg.token, at, this.remotes.doorFor(msg, at));
    if (!conn.helloDone) return this.outbound.fail(conn.ws, 'hello_required', 'Say hello first.', msg.type);
    if (this.remotes.handle(conn, msg)) return;
    if (isHostCommand(msg)) {
      if (conn.role !== 'host')
        return this.outbound.fail(conn.ws, 'forbidden', 'Only the host can do that.', msg.type);
      if (!this.remotes.allows(conn, msg.type))
        return this.outbound.fail(conn.ws, 'forbidden', REMOTE_FORBIDDEN, msg.type);
      const command = msg.type === 'new_game' ? this.resolveNewGame(conn, msg) : msg;
      if (command) this.apply({ kind: 'host', conn: conn.id, command }, at);
      return;
    }
    switch (msg.type) {
      case 'join':
        return this.admission.join(conn, msg.name, msg.pin, at, msg.identity);
      case 'identity':
        if (conn.role !== 'player' || !conn.playerId)
          return this.outbound.fail(conn.ws, 'not_joined', 'Join the room first.', 'identity');
        this.apply({ kind: 'identity', conn: conn.id, playerId: conn.playerId, identity: msg.identity }, at);
        return;
      case 'leave':
        if (conn.role !== 'player' || !conn.playerId) {
          const text = 'You have not joined, so there is nothing to leave.';
          return this.outbound.fail(conn.ws, 'not_joined', text, 'leave');
        }
        this.apply({ kind: 'leave', conn: conn.id, playerId: conn.playerId }, at);
        return;
      case 'team':
        if (conn.role !== 'player' || !conn.playerId)
          return this.outbound.fail(conn.ws, 'not_joined', 'Join the room before picking a team.', 'team');
        this.apply({ kind: 'team', conn: conn.id, playerId: conn.playerId, team: msg.team }, at);
        return;
      case 'media_ready':
        // Only a player's phone is waited for; anyone else's says nothing the engine needs.
        if (conn.role !== 'player' || !conn.playerId) return;
        this.apply({ kind: 'media_ready', playerId: conn.playerId, question: msg.question }, at);
        return;
      case 'answer': {
        if (conn.role !== 'player' || !conn.playerId)
          return this.outbound.fail(conn.ws, 'not_joined', 'Join the game before answering.', 'answer');
        // On a jittery link one answer's trip can take as long as a typical round trip.
        const graceMs = conn.graceMs;
        const { type: _type, question, ...fields } = msg;
        this.apply(
          { kind: 'answer', conn: conn.id, playerId: conn.playerId, question, ...fields, graceMs },
          at,
        );
        return;
      }
    }
  }

  // --- Engine ---------------------------------------------------------------------------------

  /** Feeds `input`, which happened at `now` (by default: now), to the engine; carries out its effects. */
  private apply(input: Input, now = this.clock.now()): void {
    measurementPoints.step.around(
      () => ({ input, at: now }),
      () => {
        const before = beforeStep(this.state, input);
        const { effects } = step(this.state, input, now);
        // Scoring a round is the longest step (every player at once): its sends start a turn later.
        if (before.phase === 'question' && this.state.phase !== 'question') this.outbound.yieldTurn();
        this.effects.release(input, now, effects);
        reportStep(input, before, this.state, this.emit);
      },
    );
  }

  private carryOut(effect: Effect): void {
    switch (effect.kind) {
      case 'send': {
        const conn = this.admission.connectionOf(effect.to);
        if (conn) this.outbound.send(conn.ws, effect.msg);
        return;
      }
      case 'reply': {
        const conn = this.admission.connection(effect.conn);
        if (conn) this.outbound.send(conn.ws, effect.msg);
        return;
      }
      case 'broadcast':
        this.outbound.toAudience(effect.audience, effect.msg, effect);
        return;
      case 'bind':
        this.admission.bind(effect.conn, effect.playerId);
        return;
      case 'kick':
        this.admission.kick(effect.playerId);
        return;
      case 'release':
        this.admission.leave(effect.playerId);
        return;
      case 'resync':
        for (const conn of this.admission.audienceOf('everyone'))
          this.outbound.send(conn.ws, this.snapshotOf(conn));
        return;
      case 'timer':
        this.armPhaseTimer(effect.at);
        return;
      case 'game_over':
        this.emit({ kind: 'game_over', report: buildGameReport(effect.record, this.options.roomName) });
        return;
    }
  }

  /** The single phase timer: due `at` (server clock), or cleared with null. */
  private armPhaseTimer(at: number | null): void {
    this.clock.clearTimeout(this.phaseTimer);
    this.phaseTimer = null;
    if (at === null) return;
    this.phaseTimer = this.clock.setTimeout(
      () => {
        this.phaseTimer = null;
        // Whatever arrived before the deadline counts first (answers read but not yet handled).
        this.inbound.drain();
        this.apply({ kind: 'timer' });
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  private snapshotOf(conn: Connection): Snapshot {
    const snapshot = snapshotFor(this.state, viewerOf(conn), this.room, this.clock.now());
    // A remote control gets the game's steps, not the room's PIN or the list of remotes.
    if (conn.role === 'host' && !this.remotes.isRemote(conn)) {
      snapshot.access = this.access();
      snapshot.quizzes = builtinChoices();
      snapshot.remotes = this.remotes.list();
    }
    return snapshot;
  }

  /**
   * A `new_game` as the engine takes it: a quiz named by id is resolved here, so that the quiz
   * (and the journal's record of it) comes from this host, never from a browser. Null when refused.
   */
  private resolveNewGame(
    conn: Connection,
    msg: Extract<HostCommand, { type: 'new_game' }>,
  ): HostCommand | null {
    if (msg.quizId === undefined) return msg;
    if (msg.quiz !== undefined) {
      const text = 'Give "new_game" either a "quizId" or a "quiz", not both.';
      this.outbound.fail(conn.ws, 'invalid_message', text, msg.type);
      return null;
    }
    const quiz = findBuiltin(msg.quizId);
    if (!quiz) {
      const ids = builtinChoices().map((c) => c.id);
      const text = `This host has no quiz "${msg.quizId.slice(0, 60)}"; choose one of: ${ids.join(', ')}.`;
      this.outbound.fail(conn.ws, 'unknown_quiz', text, msg.type);
      return null;
    }
    return { type: 'new_game', quiz };
  }
}

function viewerOf(conn: Connection): Viewer {
  if (conn.role === 'host') return { role: 'host' };
  if (conn.role === 'player' && conn.playerId) return { role: 'player', playerId: conn.playerId };
  return { role: 'guest' };
}
