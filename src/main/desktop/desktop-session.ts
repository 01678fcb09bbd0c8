/**
 * Everything the desktop window can do, as a plain service with no Electron types (so it is
 * tested under Node): host a room (server + LAN announcement + the host's own client, and a
 * player client when the host plays too), browse the LAN for rooms, join a room, and keep one
 * AppState that the main process pushes to the window.
 */
import WebSocket from 'ws';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type {
  AppState,
  HostConfig,
  HostInfo,
  ImportQuizResult,
  IntentResult,
  InterruptedRoom,
  LibraryItem,
  NewQuizResult,
  OpenQuizResult,
  OpenReportResult,
  QuizChoice,
  ReportListing,
  RoomListing,
  SaveQuizResult,
} from '../../shared/api/quiz-api';
import { QuizClient, type WebSocketFactory } from '../../shared/client/quiz-client';
import { PROTOCOL_VERSION, type SettingsPatch } from '../../shared/protocol';
import { BUILTIN_PREFIX } from '../../shared/quiz/builtin-pack';
import { QuizError } from '../../shared/quiz/load-quiz';
import { NEW_QUIZ, QuizDraftSchema, quizProblems, type QuizDraft } from '../../shared/quiz/quiz-draft';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { resultsCsv, resultsFileName } from '../../shared/results-csv';
import { type Announcer, type DiscoveredRoom, type Discovery } from '../discovery';
import { announceServer } from '../discovery/announce-server';
import { atomicWrite } from '../library/atomic-write';
import { FORMAT_NAMES } from '../library/importers/import-result';
import { builtinEntries, LibraryError, QuizLibrary } from '../library/quiz-library';
import { reportCsv } from '../reports/report-csv';
import { saveReportOnGameOver } from '../reports/report-recorder';
import { ReportError, ReportStore } from '../reports/report-store';
import { reportFileName } from '../reports/report-values';
import { reportXlsx } from '../reports/report-xlsx';
import { describeDamage, findInterruptedJournal, JournalError, scanJournal } from '../server/game-journal';
import { ListenError, MAX_PAYLOAD } from '../server/quiz-server';
import { ServerThread, type HostedServer, type ServerStart } from '../server/server-thread';
import { newPin } from '../server/tokens';

/** What the session needs from the desktop shell; Electron provides these, tests fake them. */
export interface DesktopPorts {
  /** The built web player, served to phones. */
  staticDir: string | null;
  createDiscovery(): Discovery;
  /** Asks where to save a file (text, or bytes for XLSX); resolves false when the person cancelled. */
  saveFile(defaultName: string, content: string | Uint8Array): Promise<boolean>;
  /** Asks for a quiz file to open (any importable format); resolves null when cancelled. */
  pickQuizFile(): Promise<string | null>;
  /** The quiz library folder (reports live in its `reports` subfolder). */
  libraryDir: string;
  /** Announces hosted rooms on the LAN; false in tests that must not use multicast. */
  announce: boolean;
  /** Where hosted rooms keep their journal, so that a crash can be resumed; none when absent. */
  journalDir?: string | null;
  port?: number;
  bind?: string;
  /** The server thread's built script; by default the one beside the main bundle. */
  serverWorker?: string;
}

interface Hosting {
  server: HostedServer;
  announcer: Announcer | null;
  hostClient: QuizClient;
  playerClient: QuizClient | null;
  info: HostInfo;
  unsubscribe: () => void;
  stopReports: () => void;
}

/** Unfinished drafts live beside the library, in a dot folder the library does not list. */
const DRAFTS_FOLDER = '.drafts';

const fail = (code: string, message: string): IntentResult => ({ ok: false, code, message });
const failed = (code: string, message: string) => ({ ok: false as const, code, message });

/** A library or report error as an intent's answer; anything unexpected keeps its message too. */
function libraryFailure(e: unknown, code: string) {
  if (e instanceof LibraryError || e instanceof ReportError) return failed(e.code, e.message);
  if (e instanceof QuizError) return failed(code, e.message);
  const message = e instanceof Error ? e.message : String(e);
  return failed(code, message);
}
const OK: IntentResult = { ok: true };

/**
 * The socket to a room on another computer. Whatever answers there may not be a Quizroom host:
 * its frames are held to the limit our host holds its players to (ws would take 100 MiB), which
 * every message a player receives fits well within (test/unit/player-frame-size.test.ts), and
 * nothing is inflated (our host never compresses).
 */
class RemoteHostSocket extends WebSocket {
  constructor(url: string) {
    super(url, { maxPayload: MAX_PAYLOAD, perMessageDeflate: false });
  }
}

export class DesktopSession {
  private hosting: Hosting | null = null;
  /** A server thread is starting (hosting or resuming). */
  private opening = false;
  private remote: QuizClient | null = null;
  private remoteUnsubscribe: (() => void) | null = null;
  private discovery: Discovery | null = null;
  private rooms: RoomListing[] = [];
  private readonly library: QuizLibrary;
  private readonly reportStore: ReportStore;
  /** The built-in pack until the folder has been read, so that Host setup has quizzes at once. */
  private libraryItems: LibraryItem[] = builtinEntries();
  private closed = false;
  private reportItems: ReportListing[] = [];
  private readonly listeners = new Set<(state: AppState) => void>();
  private state: AppState;
  /** Editor saves under way. */
  private readonly saving = new Set<Promise<SaveQuizResult>>();
  private interruptedRoom: InterruptedRoom | null;
  /** The damaged journal the Resume card described: resuming it means resuming up to that damage. */
  private offeredDamage: { path: string; offset: number } | null = null;

  constructor(private readonly ports: DesktopPorts) {
    this.library = new QuizLibrary(ports.libraryDir);
    this.reportStore = new ReportStore(ports.libraryDir);
    this.interruptedRoom = this.findInterrupted();
    this.state = this.compose();
    void this.refreshLibrary();
    void this.refreshReports();
  }

  /** Reads the library folder again; the state then lists it. Resolves when done. */
  async refreshLibrary(): Promise<void> {
    try {
      this.libraryItems = await this.library.list();
    } catch (e) {
      if (!this.closed) console.error('Quizroom could not read the quiz library:', e);
    }
    this.changed();
  }

  async refreshReports(): Promise<void> {
    try {
      this.reportItems = await this.reportStore.list();
    } catch (e) {
      if (!this.closed) console.error('Quizroom could not read the saved reports:', e);
    }
    this.changed();
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
  cancelStart(): void {
    this.hostClient?.cancelStart();
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
  removeDisconnected(): void {
    this.hostClient?.removeDisconnected();
  }
  updateSettings(settings: SettingsPatch): void {
    this.hostClient?.updateSettings(settings);
  }

  newGame(quizId?: string): void {
    if (!this.hostClient) return;
    if (quizId === undefined) return this.hostClient.newGame();
    // The host resolves its built-in quizzes itself; a library quiz lives here, on this computer.
    if (this.isBuiltin(quizId)) return this.hostClient.newGame({ quizId });
    const client = this.hostClient;
    void this.findQuiz(quizId).then((quiz) => {
      if (quiz && client === this.hostClient) client.newGame({ quiz });
    });
  }

  async exportCsv(): Promise<IntentResult> {
    const view = this.hostClient?.view;
    if (!view || view.standings.length === 0)
      return fail('no_results', 'There are no results to export yet.');
    const saved = await this.ports.saveFile(
      resultsFileName(view.quiz?.title ?? 'quiz', new Date()),
      resultsCsv(view.standings),
    );
    return saved ? OK : fail('cancelled', 'Export cancelled.');
  }

  /** Connects to a room on the LAN (or typed by address) as a guest; join() then plays. */
  async connect(address: string, port: number): Promise<IntentResult> {
    if (this.hosting) return fail('hosting', 'Stop hosting before joining another room.');
    const health = await checkHealth(address, port);
    if (!health.ok) return health;
    this.leaveRemote();
    const url = `ws://${address.includes(':') ? `[${address}]` : address}:${port}/ws`;
    const client = new QuizClient({ url, WebSocket: RemoteHostSocket as unknown as WebSocketFactory });
    this.remote = client;
    this.remoteUnsubscribe = client.subscribe(() => this.changed());
    client.connect();
    return OK;
  }

  leave(): void {
    // Give up the seat first, so that the room need not wait for it.
    this.remote?.leaveGame();
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

  /** What Host setup offers: the library's valid quizzes, built-in first. */
  quizzes(): QuizChoice[] {
    return this.libraryItems.flatMap((e) =>
      e.status === 'ok'
        ? [
            {
              id: e.id,
              title: e.title,
              questionCount: e.questionCount,
              ...(e.description ? { description: e.description } : {}),
            },
          ]
        : [],
    );
  }

  private async findQuiz(id: string): Promise<Quiz | null> {
    try {
      return await this.library.read(id);
    } catch (e) {
      if (e instanceof LibraryError || e instanceof QuizError) return null;
      throw e;
    }
  }

  // --- Library ------------------------------------------------------------------------------

  /** Imports a file of any importable format into the library; says what it took and skipped. */
  async importQuiz(): Promise<ImportQuizResult> {
    const file = await this.ports.pickQuizFile();
    if (!file) return failed('cancelled', 'No file chosen.');
    try {
      const { entry, summary } = await this.library.importFile(file);
      await this.refreshLibrary();
      return {
        ok: true,
        id: entry.id,
        title: entry.title,
        format: FORMAT_NAMES[summary.format],
        taken: summary.taken,
        skipped: summary.skipped,
        adjusted: summary.adjusted,
      };
    } catch (e) {
      return libraryFailure(e, 'invalid_quiz');
    }
  }

  /** The quiz to edit: its unfinished draft when there is one newer than the saved file. */
  async openQuiz(id: string): Promise<OpenQuizResult> {
    try {
      const readOnly = this.isBuiltin(id);
      const draft = readOnly ? null : await this.readDraft(id);
      if (draft) return { ok: true, quiz: draft, readOnly, draft: true };
      const quiz = await this.library.read(id);
      return { ok: true, quiz, readOnly, draft: false };
    } catch (e) {
      return libraryFailure(e, 'invalid_quiz');
    }
  }

  /**
   * Saves an edited quiz. A valid one replaces the quiz file (and its draft goes); an invalid one
   * is kept as a draft, so that closing the app mid-edit loses nothing, and its problems returned.
   */
  /** Saves the editor's quiz; quitting waits for saves under way, so no edit is lost. */
  saveQuiz(id: string, quiz: QuizDraft): Promise<SaveQuizResult> {
    const saving = this.writeQuiz(id, quiz);
    this.saving.add(saving);
    void saving.finally(() => this.saving.delete(saving));
    return saving;
  }

  private async writeQuiz(id: string, quiz: QuizDraft): Promise<SaveQuizResult> {
    if (this.isBuiltin(id)) {
      return failed('read_only', 'Built-in quizzes cannot be changed; duplicate one to edit a copy.');
    }
    try {
      this.library.pathOf(id);
      const problems = quizProblems(quiz);
      if (problems.length > 0) {
        await this.writeDraft(id, quiz);
        const n = problems.length;
        return {
          ok: false,
          code: 'invalid_quiz',
          message: `Saved as a draft. Fix ${n === 1 ? 'the marked field' : `the ${n} marked fields`} before hosting this quiz.`,
          problems,
          draftSaved: true,
        };
      }
      await this.library.save(id, quiz);
      await rm(this.draftPath(id), { force: true });
      await this.refreshLibrary();
      return OK;
    } catch (e) {
      return libraryFailure(e, 'save_failed');
    }
  }

  async createQuiz(): Promise<NewQuizResult> {
    try {
      const entry = await this.library.create(NEW_QUIZ);
      await this.refreshLibrary();
      return { ok: true, id: entry.id };
    } catch (e) {
      return libraryFailure(e, 'save_failed');
    }
  }

  async duplicateQuiz(id: string): Promise<NewQuizResult> {
    try {
      const entry = await this.library.duplicate(id);
      await this.refreshLibrary();
      return { ok: true, id: entry.id };
    } catch (e) {
      return libraryFailure(e, 'invalid_quiz');
    }
  }

  async deleteQuiz(id: string): Promise<IntentResult> {
    try {
      await this.library.delete(id);
      await rm(this.draftPath(id), { force: true });
      await this.refreshLibrary();
      return OK;
    } catch (e) {
      return libraryFailure(e, 'delete_failed');
    }
  }

  private isBuiltin(id: string): boolean {
    return id.startsWith(BUILTIN_PREFIX);
  }

  private draftPath(id: string): string {
    this.library.pathOf(id); // checks the id
    return join(this.ports.libraryDir, DRAFTS_FOLDER, `${id}.json`);
  }

  private async writeDraft(id: string, quiz: QuizDraft): Promise<void> {
    await mkdir(join(this.ports.libraryDir, DRAFTS_FOLDER), { recursive: true });
    await atomicWrite(this.draftPath(id), `${JSON.stringify(quiz, null, 2)}\n`);
  }

  /** A draft newer than its quiz file (or whose quiz file is gone); null otherwise or when unreadable. */
  private async readDraft(id: string): Promise<QuizDraft | null> {
    const path = this.draftPath(id);
    try {
      const draftTime = (await stat(path)).mtimeMs;
      const quizTime = await stat(this.library.pathOf(id)).then(
        (s) => s.mtimeMs,
        () => null,
      );
      if (quizTime === null) return null;
      if (quizTime > draftTime) return null;
      const parsed = QuizDraftSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  // --- Reports ------------------------------------------------------------------------------

  async openReport(id: string): Promise<OpenReportResult> {
    try {
      return { ok: true, report: await this.reportStore.read(id) };
    } catch (e) {
      return libraryFailure(e, 'invalid_report');
    }
  }

  async exportReport(id: string, format: 'csv' | 'xlsx'): Promise<IntentResult> {
    try {
      const report = await this.reportStore.read(id);
      const content = format === 'csv' ? reportCsv(report) : new Uint8Array(await reportXlsx(report));
      const saved = await this.ports.saveFile(reportFileName(report, format), content);
      return saved ? OK : fail('cancelled', 'Export cancelled.');
    } catch (e) {
      return libraryFailure(e, 'export_failed');
    }
  }

  async deleteReport(id: string): Promise<IntentResult> {
    try {
      await this.reportStore.delete(id);
      await this.refreshReports();
      return OK;
    } catch (e) {
      return libraryFailure(e, 'delete_failed');
    }
  }

  async hostRoom(config: HostConfig): Promise<IntentResult> {
    if (this.hosting) return fail('hosting', 'A room is already open.');
    const quiz = await this.findQuiz(config.quizId);
    if (!quiz) return fail('invalid_quiz', `There is no quiz "${config.quizId}".`);
    const start: ServerStart = {
      kind: 'new',
      options: {
        quiz,
        roomName: config.roomName,
        port: this.ports.port,
        bind: this.ports.bind,
        pin: config.pin ? newPin() : null,
        settings: {
          minPlayers: config.minPlayers,
          questionSeconds: config.questionSeconds,
          ...(config.maxPlayersPerAddress === undefined
            ? {}
            : { maxPlayersPerAddress: config.maxPlayersPerAddress }),
        },
        staticDir: this.ports.staticDir,
        maxConnectionsPerAddress: 64,
        journalDir: this.ports.journalDir ?? null,
      },
    };
    return this.openRoom(start, config.playToo ? config.nickname?.trim() || 'Host' : null);
  }

  /** Continues the interrupted room from its journal, on the same port with the same tokens. */
  async resumeHosting(): Promise<IntentResult> {
    if (this.hosting) return fail('hosting', 'A room is already open.');
    const path = this.interruptedJournal();
    if (!path) return fail('nothing_to_resume', 'There is no interrupted game to resume.');
    const offered = this.offeredDamage;
    const start: ServerStart = {
      kind: 'resume',
      path,
      // Only the damage the card showed is accepted; any other is refused with its description.
      acceptDamageAt: offered?.path === path ? offered.offset : null,
      options: {
        bind: this.ports.bind,
        staticDir: this.ports.staticDir,
        maxConnectionsPerAddress: 64,
        journalDir: this.ports.journalDir ?? null,
      },
    };
    // The host's own player (if they played too) comes back as a player who lost connection.
    return this.openRoom(start, null);
  }

  private interruptedJournal(): string | null {
    return this.ports.journalDir ? findInterruptedJournal(this.ports.journalDir) : null;
  }

  /** Looks in the journal folder once (at start and when a room closes), not on every change. */
  private findInterrupted(): InterruptedRoom | null {
    this.offeredDamage = null;
    const path = this.interruptedJournal();
    if (!path) return null;
    try {
      const { config, players, damage } = scanJournal(path);
      if (!damage) return { roomName: config.roomName, quizTitle: config.quiz.title, players };
      this.offeredDamage = { path, offset: damage.offset };
      return {
        roomName: config.roomName,
        quizTitle: config.quiz.title,
        players,
        damage: describeDamage(path, damage),
      };
    } catch {
      // Not a journal this app can read: nothing to offer.
      return null;
    }
  }

  /** Starts the server thread, announces the room and connects this app as its host (and player). */
  private async openRoom(start: ServerStart, playAs: string | null): Promise<IntentResult> {
    if (this.opening) return fail('hosting', 'A room is already opening.');
    this.leaveRemote();
    let server: ServerThread;
    this.opening = true;
    try {
      server = await ServerThread.start(start, this.ports.serverWorker);
    } catch (e) {
      if (e instanceof JournalError) return fail('resume_failed', e.message);
      if (e instanceof ListenError) return fail('host_failed', e.message);
      throw e;
    } finally {
      this.opening = false;
    }
    // The app began to quit while the room was opening.
    if (this.closed) {
      await server.close();
      return fail('hosting', 'The app is closing.');
    }
    const port = server.port;
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
    // Every finished game is saved, so that the Reports screen lists it.
    const stopReports = saveReportOnGameOver(server, this.reportStore, {
      onSaved: () => void this.refreshReports(),
      onError: (e) => console.error('Quizroom could not save the game report:', e),
    });
    this.hosting = {
      server,
      announcer,
      hostClient,
      playerClient,
      info: { roomName, port, quizTitle: server.quiz.title, playing: playerClient !== null },
      unsubscribe: () => subs.forEach((u) => u?.()),
      stopReports,
    };
    hostClient.connect();
    playerClient?.connect();
    // A server thread that ends by itself (an error in it) leaves its journal open: the room is
    // offered for resuming at once instead of showing a host that never comes back.
    void server.ended.then(() => {
      if (this.hosting?.server === server) void this.stopHosting();
    });
    this.changed();
    return OK;
  }

  async stopHosting(): Promise<void> {
    const h = this.hosting;
    if (!h) return;
    this.hosting = null;
    h.unsubscribe();
    h.stopReports();
    h.hostClient.close();
    h.playerClient?.close();
    await Promise.allSettled([h.announcer?.stop(), h.server.close()]);
    this.interruptedRoom = this.findInterrupted();
    this.changed();
  }

  /** Closes everything at once, saves under way included: on quit. Bounded by the caller. */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.leaveRemote();
    await Promise.allSettled([this.settleSaves(), this.stopHosting(), this.discovery?.stop()]);
    this.discovery = null;
  }

  /** Resolves when no editor save is under way, counting saves that start while it waits. */
  async settleSaves(): Promise<void> {
    while (this.saving.size > 0) await Promise.allSettled([...this.saving]);
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
      library: this.libraryItems,
      reports: this.reportItems,
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
    if (!res.ok)
      return fail(
        'unreachable',
        `${address}:${port} answered but is not a Quizroom host (HTTP ${res.status}).`,
      );
    const body = (await res.json()) as { protocol?: unknown };
    if (body.protocol !== PROTOCOL_VERSION) {
      return fail(
        'protocol_unsupported',
        `The host at ${address}:${port} speaks protocol ${String(body.protocol)}; this app speaks ${PROTOCOL_VERSION}.`,
      );
    }
    return OK;
  } catch {
    return fail(
      'unreachable',
      `No Quizroom host answers at ${address}:${port}. Check the address and that both devices are on the same network.`,
    );
  }
}
