/**
 * Everything the desktop window can do, as a plain service with no Electron types (so it is
 * tested under Node): host a room (server + LAN announcement + the host's own client, and a
 * player client when the host plays too), browse the LAN for rooms, join a room, and keep one
 * AppState that the main process pushes to the window.
 */
import WebSocket from 'ws';
import type { AppState, HostConfig, HostInfo, IntentResult, InterruptedRoom, QuizChoice, RoomListing } from '../../shared/api/quiz-api';
import { QuizClient, type WebSocketFactory } from '../../shared/client/quiz-client';
import { PROTOCOL_VERSION, type SettingsPatch } from '../../shared/protocol';
import { builtinPack } from '../../shared/quiz/builtin-pack';
import { QuizError } from '../../shared/quiz/load-quiz';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { resultsCsv, resultsFileName } from '../../shared/results-csv';
import { type Announcer, type DiscoveredRoom, type Discovery } from '../discovery';
import { announceServer } from '../discovery/announce-server';
import { readQuiz } from '../library/read-quiz-file';
import { findInterruptedJournal, JournalError, readJournal } from '../server/game-journal';
import { ListenError, QuizServer } from '../server/quiz-server';
import { newPin } from '../server/tokens';

/** What the session needs from the desktop shell; Electron provides these, tests fake them. */
export interface DesktopPorts {
  /** The built web player, served to phones. */
  staticDir: string | null;
  createDiscovery(): Discovery;
  /** Asks where to save a file; resolves false when the person cancelled. */
  saveFile(defaultName: string, content: string): Promise<boolean>;
  /** Asks for a quiz file to open; resolves null when cancelled. */
  pickQuizFile(): Promise<string | null>;
  /** Announces hosted rooms on the LAN; false in tests that must not use multicast. */
  announce: boolean;
  /** Where hosted rooms keep their journal, so that a crash can be resumed; none when absent. */
  journalDir?: string | null;
  port?: number;
  bind?: string;
}

interface Hosting {
  server: QuizServer;
  announcer: Announcer | null;
  hostClient: QuizClient;
  playerClient: QuizClient | null;
  info: HostInfo;
  unsubscribe: () => void;
}

const fail = (code: string, message: string): IntentResult => ({ ok: false, code, message });
const OK: IntentResult = { ok: true };

export class DesktopSession {
  private hosting: Hosting | null = null;
  private remote: QuizClient | null = null;
  private remoteUnsubscribe: (() => void) | null = null;
  private discovery: Discovery | null = null;
  private rooms: RoomListing[] = [];
  private readonly imported: { id: string; quiz: Quiz }[] = [];
  private readonly listeners = new Set<(state: AppState) => void>();
  private state: AppState;
  private interruptedRoom: InterruptedRoom | null;

  constructor(private readonly ports: DesktopPorts) {
    this.interruptedRoom = this.findInterrupted();
    this.state = this.compose();
  }

  getState(): AppState {
    return this.state;
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts browsing the LAN (the Join screen's list). */
  startBrowsing(): void {
    if (this.discovery) return;
    this.discovery = this.ports.createDiscovery();
    this.discovery.subscribe((rooms) => {
      this.rooms = rooms.map(toListing);
      this.changed();
    });
    this.discovery.start();
  }

  refreshRooms(): void {
    if (!this.discovery) this.startBrowsing();
    else this.discovery.refresh();
  }

  // --- Playing ------------------------------------------------------------------------------

  /** The client that player intents go to: the host's own player, or the room we joined. */
  private get playerClient(): QuizClient | null {
    return this.hosting ? this.hosting.playerClient : this.remote;
  }

  private get hostClient(): QuizClient | null {
    return this.hosting?.hostClient ?? null;
  }

  join(name: string, pin?: string): void {
    this.playerClient?.join(name, pin);
  }

  answer(option: number): void {
    this.playerClient?.answer(option);
  }

  start(): void {
    this.hostClient?.start();
  }
  next(): void {
    this.hostClient?.next();
  }
  skip(): void {
    this.hostClient?.skip();
  }
  end(): void {
    this.hostClient?.end();
  }
  kick(playerId: string): void {
    this.hostClient?.kick(playerId);
  }
  updateSettings(settings: SettingsPatch): void {
    this.hostClient?.updateSettings(settings);
  }

  newGame(quizId?: string): void {
    if (!this.hostClient) return;
    if (quizId === undefined) return this.hostClient.newGame();
    const quiz = this.findQuiz(quizId);
    if (quiz) this.hostClient.newGame(quiz);
  }

  async exportCsv(): Promise<IntentResult> {
    const view = this.hostClient?.view;
    if (!view || view.standings.length === 0) return fail('no_results', 'There are no results to export yet.');
    const saved = await this.ports.saveFile(resultsFileName(view.quiz?.title ?? 'quiz', new Date()), resultsCsv(view.standings));
    return saved ? OK : fail('cancelled', 'Export cancelled.');
  }

  /** Connects to a room on the LAN (or typed by address) as a guest; join() then plays. */
  async connect(address: string, port: number): Promise<IntentResult> {
    if (this.hosting) return fail('hosting', 'Stop hosting before joining another room.');
    const health = await checkHealth(address, port);
    if (!health.ok) return health;
    this.leaveRemote();
    const url = `ws://${address.includes(':') ? `[${address}]` : address}:${port}/ws`;
    const client = new QuizClient({ url, WebSocket: WebSocket as unknown as WebSocketFactory });
    this.remote = client;
    this.remoteUnsubscribe = client.subscribe(() => this.changed());
    client.connect();
    return OK;
  }

  leave(): void {
    this.leaveRemote();
    this.changed();
  }

  private leaveRemote(): void {
    this.remoteUnsubscribe?.();
    this.remote?.close();
    this.remote = null;
    this.remoteUnsubscribe = null;
  }

  // --- Hosting ------------------------------------------------------------------------------

  quizzes(): QuizChoice[] {
    const choice = (id: string, quiz: Quiz): QuizChoice => ({
      id,
      title: quiz.title,
      questionCount: quiz.questions.length,
      ...(quiz.description ? { description: quiz.description } : {}),
    });
    return [
      ...builtinPack().map((p) => choice(`builtin:${p.id}`, p.quiz)),
      ...this.imported.map((q) => choice(q.id, q.quiz)),
    ];
  }

  private findQuiz(id: string): Quiz | null {
    if (id.startsWith('builtin:')) return builtinPack().find((p) => `builtin:${p.id}` === id)?.quiz ?? null;
    return this.imported.find((q) => q.id === id)?.quiz ?? null;
  }

  async importQuiz(): Promise<IntentResult> {
    const file = await this.ports.pickQuizFile();
    if (!file) return fail('cancelled', 'No file chosen.');
    try {
      const quiz = await readQuiz(file);
      this.imported.push({ id: `file:${file}`, quiz });
      this.changed();
      return OK;
    } catch (e) {
      if (e instanceof QuizError) return fail('invalid_quiz', e.message);
      throw e;
    }
  }

  async hostRoom(config: HostConfig): Promise<IntentResult> {
    if (this.hosting) return fail('hosting', 'A room is already open.');
    const quiz = this.findQuiz(config.quizId);
    if (!quiz) return fail('invalid_quiz', `There is no quiz "${config.quizId}".`);
    const server = new QuizServer({
      quiz,
      roomName: config.roomName,
      port: this.ports.port,
      bind: this.ports.bind,
      pin: config.pin ? newPin() : null,
      settings: { minPlayers: config.minPlayers, questionSeconds: config.questionSeconds },
      staticDir: this.ports.staticDir,
      maxConnectionsPerAddress: 64,
      journalDir: this.ports.journalDir ?? null,
    });
    return this.openRoom(server, config.playToo ? config.nickname?.trim() || 'Host' : null);
  }

  /** Continues the interrupted room from its journal, on the same port with the same tokens. */
  async resumeHosting(): Promise<IntentResult> {
    if (this.hosting) return fail('hosting', 'A room is already open.');
    const path = this.interruptedJournal();
    if (!path) return fail('nothing_to_resume', 'There is no interrupted game to resume.');
    let server: QuizServer;
    try {
      server = QuizServer.resume(path, {
        bind: this.ports.bind,
        staticDir: this.ports.staticDir,
        maxConnectionsPerAddress: 64,
        journalDir: this.ports.journalDir ?? null,
      });
    } catch (e) {
      if (e instanceof JournalError) return fail('resume_failed', e.message);
      throw e;
    }
    // The host's own player (if they played too) comes back as a player who lost connection.
    return this.openRoom(server, null);
  }

  private interruptedJournal(): string | null {
    return this.ports.journalDir ? findInterruptedJournal(this.ports.journalDir) : null;
  }

  /** Looks in the journal folder once (at start and when a room closes), not on every change. */
  private findInterrupted(): InterruptedRoom | null {
    const path = this.interruptedJournal();
    if (!path) return null;
    try {
      const { config, inputs } = readJournal(path);
      return { roomName: config.roomName, quizTitle: config.quiz.title, players: inputs.filter((i) => i.input.kind === 'join').length };
    } catch {
      return null;
    }
  }

  /** Starts listening, announces the room and connects this app as its host (and player). */
  private async openRoom(server: QuizServer, playAs: string | null): Promise<IntentResult> {
    this.leaveRemote();
    let port: number;
    try {
      port = await server.listen();
    } catch (e) {
      if (e instanceof ListenError) return fail('host_failed', e.message);
      throw e;
    }
    const local = `ws://127.0.0.1:${port}/ws`;
    const WS = WebSocket as unknown as WebSocketFactory;
    const hostClient = new QuizClient({ url: local, WebSocket: WS, token: server.hostToken });
    let playerClient: QuizClient | null = null;
    if (playAs !== null) {
      playerClient = new QuizClient({ url: local, WebSocket: WS });
      // Join as soon as the first snapshot arrives.
      const stop = playerClient.subscribe((view) => {
        if (view.ready && view.role === 'guest' && !view.error) {
          stop();
          playerClient?.join(playAs, server.pin ?? undefined);
        }
      });
    }
    const roomName = server.room.name;
    const announcer = this.ports.announce ? announceServer(server, roomName) : null;
    const subs = [hostClient.subscribe(() => this.changed()), playerClient?.subscribe(() => this.changed())];
    this.hosting = {
      server,
      announcer,
      hostClient,
      playerClient,
      info: { roomName, port, quizTitle: server.game.quiz.title, playing: playerClient !== null },
      unsubscribe: () => subs.forEach((u) => u?.()),
    };
    hostClient.connect();
    playerClient?.connect();
    this.changed();
    return OK;
  }

  async stopHosting(): Promise<void> {
    const h = this.hosting;
    if (!h) return;
    this.hosting = null;
    h.unsubscribe();
    h.hostClient.close();
    h.playerClient?.close();
    await Promise.allSettled([h.announcer?.stop(), h.server.close()]);
    this.interruptedRoom = this.findInterrupted();
    this.changed();
  }

  /** Closes everything: on quit. Bounded by the caller. */
  async shutdown(): Promise<void> {
    this.leaveRemote();
    await Promise.allSettled([this.stopHosting(), this.discovery?.stop()]);
    this.discovery = null;
  }

  // --- State --------------------------------------------------------------------------------

  private compose(): AppState {
    const h = this.hosting;
    const main = h ? h.hostClient : this.remote;
    return {
      game: main ? main.view : null,
      player: h?.playerClient ? h.playerClient.view : null,
      clockOffset: main ? main.clockOffset : 0,
      canHost: true,
      canBrowse: true,
      rooms: this.rooms,
      quizzes: this.quizzes(),
      hosting: h ? h.info : null,
      interrupted: this.hosting ? null : this.interruptedRoom,
    };
  }

  private changed(): void {
    this.state = this.compose();
    for (const listener of this.listeners) listener(this.state);
  }
}

function toListing(room: DiscoveredRoom): RoomListing {
  return {
    id: room.id,
    name: room.name,
    host: room.host,
    addresses: room.addresses,
    port: room.port,
    players: room.players,
    status: room.status,
    pinRequired: room.pinRequired,
    joinable: room.joinable,
    lastSeen: room.lastSeen,
  };
}

/** Asks a room's /health before connecting, so that an unreachable address fails clearly. */
async function checkHealth(address: string, port: number): Promise<IntentResult> {
  const host = address.includes(':') ? `[${address}]` : address;
  try {
    const res = await fetch(`http://${host}:${port}/health`, { signal: AbortSignal.timeout(3000) });
    if (!res.ok) return fail('unreachable', `${address}:${port} answered but is not a Quizroom host (HTTP ${res.status}).`);
    const body = (await res.json()) as { protocol?: unknown };
    if (body.protocol !== PROTOCOL_VERSION) {
      return fail('protocol_unsupported', `The host at ${address}:${port} speaks protocol ${String(body.protocol)}; this app speaks ${PROTOCOL_VERSION}.`);
    }
    return OK;
  } catch {
    return fail('unreachable', `No Quizroom host answers at ${address}:${port}. Check the address and that both devices are on the same network.`);
  }
}
