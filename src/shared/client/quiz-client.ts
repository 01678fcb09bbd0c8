/**
 * QuizClient: one client session with a host, written against the standard WebSocket API so it
 * runs in a browser (phones) and, given the `ws` package's class, in Node (Electron main, tests,
 * benchmark). It says hello, keeps the view state, reconnects by itself with its token, and keeps
 * its clock offset to the host so that countdowns end when the host's deadline does.
 */
import {
  PROTOCOL_VERSION,
  type AnswerResponse,
  type ClientMessage,
  type HostCommand,
  type ServerMessage,
  type ServerMessageType,
  type SettingsPatch,
} from '../protocol';
import type { Quiz } from '../quiz/quiz-schema';
import { initialView, reduceView, type ClientView } from './client-view';

/** The part of the standard WebSocket that the client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
export type WebSocketFactory = new (url: string) => WebSocketLike;

export interface QuizClientOptions {
  /** The host's WebSocket URL, e.g. ws://192.168.1.20:7420/ws. */
  url: string;
  WebSocket: WebSocketFactory;
  /** A player's resume token or the room's host token. */
  token?: string | null;
  /** Called when the player's token changes (joined: the new token; refused or kicked: null). */
  onToken?: (token: string | null) => void;
  /**
   * A phone taking the host's controls: the one-time pass from the host's code, or its own remote
   * token after the first time (see docs/protocol.md, "Remote controls").
   */
  remote?: { pass?: string; token?: string };
  /** Called with the remote token the host handed out (to keep for a reload), or null when void. */
  onRemoteToken?: (token: string | null) => void;
  now?: () => number;
  /** Delays between reconnect attempts, in ms; the last one repeats. */
  backoffMs?: number[];
  pingEveryMs?: number;
  /** A host silent this long is taken as gone (default SILENT_HOST_MS). */
  silentHostMs?: number;
  /**
   * Fetches the next question's pictures (media names, served as `/media/<name>`) and keeps them
   * at hand; resolves when they are here (or failed: the question must not wait for a broken
   * picture). The player then tells the host `media_ready`. Without it, a player says it at once.
   */
  preloadMedia?: (refs: readonly string[]) => Promise<unknown>;
}

const OPEN = 1;
/** Every server message type, so that a type added to the protocol does not compile until listed here. */
const KNOWN: Record<ServerMessageType, true> = {
  welcome: true,
  snapshot: true,
  joined: true,
  player: true,
  player_removed: true,
  player_count: true,
  team: true,
  settings: true,
  identity_released: true,
  countdown: true,
  lobby: true,
  left: true,
  media: true,
  media_wait: true,
  question: true,
  paused: true,
  resumed: true,
  answer_ack: true,
  answer_count: true,
  answered: true,
  finishing: true,
  reveal: true,
  result: true,
  leaderboard: true,
  finished: true,
  standings: true,
  session_total: true,
  error: true,
  pong: true,
  notice: true,
  remote_pass: true,
  remotes: true,
  remote_granted: true,
};
const KNOWN_TYPES = new Set(Object.keys(KNOWN));
/** A host that has said nothing (not even a pong) for this long is taken as gone. */
export const SILENT_HOST_MS = 15_000;

/** Close codes after which reconnecting cannot help (see CLOSE_CODES). */
const FINAL_CLOSE_CODES: Record<number, string> = {
  4000: 'This app and the host speak different protocol versions.',
  4001: 'The host removed you from the game.',
  4002: 'This game continued in another window or tab.',
  4003: 'The host disconnected this app for sending too many messages.',
  4008: 'The host closed the room.',
  4009: 'The host took back the controls.',
};
/** Errors after which reconnecting cannot help. */
const FINAL_ERRORS: Record<string, string> = {
  kicked: 'The host removed you from the game.',
  protocol_unsupported: 'This app and the host speak different protocol versions.',
  replaced: 'This game continued in another window or tab.',
  remote_revoked: 'The host took back the controls.',
};
/** Why a phone no longer holds the host's controls (fixed texts: the screens translate them). */
const REMOTE_ENDED: Record<string, string> = {
  remote_revoked: 'The host took back the controls.',
  unknown_remote: 'The host does not know these controls any more; ask for a new code.',
};
/** Refusals of a remote pass: the pass is dropped (never sent again) and the page says why. */
const PASS_ERRORS = new Set(['pass_wrong', 'pass_used', 'pass_expired', 'pass_wait']);

export class QuizClient {
  private ws: WebSocketLike | null = null;
  private state: ClientView = initialView();
  private readonly listeners = new Set<(view: ClientView) => void>();
  private readonly messageListeners = new Set<(msg: ServerMessage) => void>();
  private token: string | null;
  private remotePass: string | null;
  private remoteToken: string | null;
  private attempt = 0;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private offset = 0;
  /** When the host was last heard from (this machine's clock). */
  private lastHeard = 0;
  private bestRtt = Infinity;
  private readonly now: () => number;
  /** The media list this client last fetched and reported (`question:refs`), so it says so once. */
  private mediaReported: string | null = null;

  constructor(private readonly options: QuizClientOptions) {
    this.token = options.token ?? null;
    this.remotePass = options.remote?.pass ?? null;
    this.remoteToken = options.remote?.token ?? null;
    this.now = options.now ?? (() => Date.now());
  }

  /** The current view state. */
  get view(): ClientView {
    return this.state;
  }

  /** The host's clock, as estimated here. */
  serverNow(): number {
    return this.now() + this.offset;
  }

  /** Milliseconds to add to this machine's clock to get the host's. */
  get clockOffset(): number {
    return this.offset;
  }

  get currentToken(): string | null {
    return this.token;
  }

  subscribe(listener: (view: ClientView) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  /** Every message from the host, after the view has taken it in (for tests, logs, benchmarks). */
  onMessage(listener: (msg: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  connect(): void {
    this.stopped = false;
    this.open();
  }

  /** Leaves for good: no reconnecting. */
  close(): void {
    this.stopped = true;
    this.clearTimers();
    this.ws?.close(1000, 'Client closed');
    this.ws = null;
    this.update({ ...this.state, connection: 'closed', closedReason: this.state.closedReason ?? 'Closed.' });
  }

  /** Asks to join; false when not connected (nothing was sent). */
  join(name: string, pin?: string, identity?: string): boolean {
    return this.send({
      type: 'join',
      name,
      ...(pin === undefined ? {} : { pin }),
      ...(identity === undefined ? {} : { identity }),
    });
  }

  /**
   * Gives this player's identity (a class-list name, or the identifier asked for) after joining:
   * when the host freed it (`identity_released`) or asked for it once the player was in. False
   * when not playing or not connected: nothing was sent.
   */
  giveIdentity(identity: string): boolean {
    if (this.state.role !== 'player') return false;
    return this.send({ type: 'identity', identity });
  }

  /**
   * Gives up this player's seat (the host frees the name and the slot; the connection stays, as
   * a guest). False when not playing or not connected: nothing was sent.
   */
  leaveGame(): boolean {
    if (this.state.role !== 'player') return false;
    return this.send({ type: 'leave' });
  }

  /**
   * Answers the open question: with an option (counting from 0), or an answer of the question's
   * kind (see answer-response.ts); false when nothing was sent.
   */
  answer(given: number | AnswerResponse): boolean {
    const q = this.state.question;
    if (!q || this.state.phase !== 'question' || this.state.you?.answer || this.state.sending) return false;
    const response: AnswerResponse = typeof given === 'number' ? { option: given } : given;
    if (!this.send({ type: 'answer', question: q.index, ...response })) return false;
    this.update({ ...this.state, sending: { question: q.index, ...response } });
    return true;
  }

  start(): void {
    this.host({ type: 'start' });
  }
  cancelStart(): void {
    this.host({ type: 'cancel_start' });
  }
  /** Pauses (true) or resumes (false) the open question's timer. */
  pause(paused: boolean): void {
    this.host({ type: 'pause', paused });
  }
  next(): void {
    this.host({ type: 'next' });
  }
  skip(): void {
    this.host({ type: 'skip' });
  }
  end(): void {
    this.host({ type: 'end' });
  }
  /** `block`: the name (and lookalikes) and the player's address seat stay barred this session. */
  kick(playerId: string, block = false): void {
    this.host(block ? { type: 'kick', playerId, block } : { type: 'kick', playerId });
  }
  /** Extra time for a player from the next question on: 1.5 or 2 times each question's time; 1 for none. */
  extraTime(playerId: string, factor: 1 | 1.5 | 2): void {
    this.host({ type: 'extra_time', playerId, factor });
  }
  /** A player picks a team in the lobby (where the host lets players pick). */
  pickTeam(team: number): boolean {
    return this.send({ type: 'team', team });
  }
  /** Puts a player in a team (in the lobby or after a game). */
  setTeam(playerId: string, team: number): void {
    this.host({ type: 'set_team', playerId, team });
  }
  /** Evens the teams out, moving as few players as it can. */
  balanceTeams(): void {
    this.host({ type: 'balance_teams' });
  }
  /** Frees a player's class-list name or identifier: they are told and give it again. */
  releaseIdentity(playerId: string): void {
    this.host({ type: 'release_identity', playerId });
  }
  removeDisconnected(): void {
    this.host({ type: 'remove_disconnected' });
  }
  updateSettings(settings: SettingsPatch): void {
    this.host({ type: 'settings', settings });
  }
  /** Another game: the same quiz, one the host offers (`quizId`), or a whole quiz (the desktop's library). */
  newGame(next?: { quizId: string } | { quiz: Quiz }): void {
    this.host({ type: 'new_game', ...next });
  }

  /** Host's own screen: asks for a one-time pass for a phone (arrives as `view.remotePass`). */
  issueRemotePass(): void {
    this.send({ type: 'remote_pass' });
  }
  /** Host's own screen: takes the controls back from the phone `id`. */
  revokeRemote(id: string): void {
    this.send({ type: 'revoke_remote', id });
  }

  private host(command: HostCommand): void {
    this.send(command);
  }

  /** Sends a raw message (tests use it to send what a hostile client would). */
  send(msg: ClientMessage): boolean {
    if (!this.ws || this.ws.readyState !== OPEN) return false;
    this.ws.send(JSON.stringify(msg));
    return true;
  }

  private open(): void {
    this.clearTimers();
    const ws = new this.options.WebSocket(this.options.url);
    this.ws = ws;
    ws.onopen = () => {
      // Errors of an earlier connection are stale now. Not at welcome: the host answers a dead
      // token with an error before the welcome, and that error is the news for the join screen.
      this.state = { ...this.state, error: null };
      const hello: ClientMessage = this.remoteToken
        ? { type: 'hello', protocol: PROTOCOL_VERSION, remote: this.remoteToken }
        : this.remotePass
          ? { type: 'hello', protocol: PROTOCOL_VERSION, pass: this.remotePass }
          : this.token
            ? { type: 'hello', protocol: PROTOCOL_VERSION, token: this.token }
            : { type: 'hello', protocol: PROTOCOL_VERSION };
      ws.send(JSON.stringify(hello));
      this.ping();
      this.lastHeard = Date.now();
      this.pingTimer = setInterval(() => {
        // The host answers every ping: a host silent this long is gone even if TCP has not noticed
        // (a Wi-Fi drop sends no reset), so give up on this socket and reconnect.
        if (Date.now() - this.lastHeard > (this.options.silentHostMs ?? SILENT_HOST_MS)) {
          ws.onclose = null;
          this.lost(ws, 1006);
          try {
            ws.close();
          } catch {
            /* already closing */
          }
          return;
        }
        this.ping();
      }, this.options.pingEveryMs ?? 5_000);
    };
    ws.onmessage = (ev) => this.receive(ev.data);
    ws.onerror = () => {
      /* the close event that follows decides what to do */
    };
    ws.onclose = (ev) => this.lost(ws, ev.code);
  }

  /** The connection is gone (closed, or silent for too long): reconnect unless that cannot help. */
  private lost(ws: WebSocketLike, code: number): void {
    if (this.ws !== ws) return;
    this.ws = null;
    this.clearTimers();
    if (this.stopped) return;
    const final = FINAL_CLOSE_CODES[code];
    if (final && !this.state.closedReason) this.state = { ...this.state, closedReason: final };
    if (this.state.closedReason) {
      this.stopped = true;
      this.update({ ...this.state, connection: 'closed' });
      return;
    }
    // The host is unreachable: a running countdown stops where it was (the host pauses it too,
    // or lets it run and the next snapshot says so).
    const pausedAt = this.state.pausedAt ?? (this.state.endsAt !== null ? this.serverNow() : null);
    this.update({ ...this.state, connection: 'reconnecting', pausedAt });
    const delays = this.options.backoffMs ?? [250, 500, 1000, 2000, 4000];
    const base = delays[Math.min(this.attempt, delays.length - 1)] ?? 1000;
    this.attempt++;
    // Jitter, so that a room full of players does not reconnect in one burst.
    const delay = base * (0.8 + Math.random() * 0.4);
    this.reconnectTimer = setTimeout(() => this.open(), delay);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }

  private ping(): void {
    this.send({ type: 'ping', t: this.now() });
  }

  private receive(data: unknown): void {
    this.lastHeard = Date.now();
    let msg: ServerMessage;
    try {
      const text = typeof data === 'string' ? data : new TextDecoder().decode(data as ArrayBuffer);
      const value: unknown = JSON.parse(text);
      if (typeof value !== 'object' || value === null) return;
      const type = (value as { type?: unknown }).type;
      if (typeof type !== 'string' || !KNOWN_TYPES.has(type as ServerMessageType)) return;
      msg = value as ServerMessage;
    } catch {
      return;
    }
    const before = this.state;
    this.track(msg);
    const next = reduceView(this.state, msg);
    // Pongs and repeated information change nothing: listeners hear only of real changes.
    if (next !== before) this.update(next);
    if (msg.type === 'snapshot' || msg.type === 'lobby' || msg.type === 'finished') this.mediaReported = null;
    if (msg.type === 'media' || msg.type === 'snapshot') this.fetchMedia();
    for (const listener of this.messageListeners) listener(msg);
  }

  /** Fetches the next question's pictures, then (a player) tells the host, once per question. */
  private fetchMedia(): void {
    const media = this.state.media;
    if (!media || media.refs.length === 0) return;
    const key = `${media.question}:${media.refs.join(',')}`;
    if (this.mediaReported === key) return;
    this.mediaReported = key;
    const ws = this.ws;
    const report = () => {
      // Still the same socket and the same list: otherwise a snapshot starts over.
      if (this.ws !== ws || this.mediaReported !== key || this.state.role !== 'player') return;
      this.send({ type: 'media_ready', question: media.question });
    };
    const preload = this.options.preloadMedia;
    if (!preload) return report();
    preload(media.refs).then(report, report);
  }

  /** Token, clock offset and connection bookkeeping that the pure reducer does not do. */
  private track(msg: ServerMessage): void {
    switch (msg.type) {
      case 'welcome':
        this.attempt = 0;
        if (this.bestRtt === Infinity) this.offset = msg.serverTime - this.now();
        this.state = { ...this.state, connection: 'open' };
        return;
      case 'joined':
        this.setToken(msg.token);
        return;
      case 'remote_granted':
        // The pass is spent: from now on this phone comes back with its own token.
        this.remotePass = null;
        this.setRemoteToken(msg.token);
        return;
      case 'left':
        this.setToken(null);
        return;
      case 'pong': {
        const t1 = this.now();
        const rtt = t1 - msg.t;
        if (rtt >= 0 && rtt <= this.bestRtt * 1.5 + 5) {
          this.bestRtt = Math.min(this.bestRtt, rtt);
          this.offset = msg.serverTime - (msg.t + t1) / 2;
        }
        return;
      }
      case 'error':
        if (msg.code === 'unknown_token') {
          this.setToken(null);
          this.state = { ...this.state, you: null, role: 'guest' };
        }
        if (msg.code === 'kicked') this.setToken(null);
        if (PASS_ERRORS.has(msg.code)) this.remotePass = null;
        // (The host's own screen hears `unknown_remote` for a revoke that came too late: not final.)
        if (msg.code === 'remote_revoked' || (msg.code === 'unknown_remote' && msg.ref === 'hello')) {
          this.remotePass = null;
          this.setRemoteToken(null);
          this.state = { ...this.state, closedReason: REMOTE_ENDED[msg.code] ?? msg.message };
        }
        if (FINAL_ERRORS[msg.code])
          this.state = { ...this.state, closedReason: FINAL_ERRORS[msg.code] ?? msg.message };
        return;
      default:
        return;
    }
  }

  private setToken(token: string | null): void {
    if (this.token === token) return;
    // The host token is the room's, not ours to drop.
    if (token === null && this.state.role === 'host') return;
    this.token = token;
    this.options.onToken?.(token);
  }

  private setRemoteToken(token: string | null): void {
    if (this.remoteToken === token) return;
    this.remoteToken = token;
    this.options.onRemoteToken?.(token);
  }

  private update(view: ClientView): void {
    this.state = view;
    for (const listener of this.listeners) listener(view);
  }
}
