/**
 * Everything the desktop window can do, as a plain service with no Electron types (so it is
 * tested under Node): a thin façade that answers every intent of the intent table by handing it
 * to the service that owns it (hosting-service.ts, remote-rooms.ts, library-service.ts,
 * reports-service.ts) and composes the one AppState the main process pushes to the window.
 */
import type { AppState, HostConfig, IntentResult } from '../../shared/api/quiz-api';
import { failure } from '../../shared/api/intent-results';
import type { QuizClient } from '../../shared/client/quiz-client';
import type { IntentHandlers } from '../../shared/ipc/intents';
import type { AnswerResponse, SettingsPatch } from '../../shared/protocol';
import type { QuizDraft } from '../../shared/quiz/quiz-draft';
import type { Discovery } from '../discovery';
import type { MediaStore } from '../media/media-store';
import { checkNetwork } from '../network/network-check';
import { HostingService } from './hosting-service';
import { LibraryService } from './library-service';
import { RemoteRooms } from './remote-rooms';
import { ReportsService, type SaveFile } from './reports-service';

/** What the session needs from the desktop shell; Electron provides these, tests fake them. */
export interface DesktopPorts {
  /** The built web player, served to phones. */
  staticDir: string | null;
  createDiscovery(): Discovery;
  /** Asks where to save a file (text, or bytes for XLSX); resolves false when the person cancelled. */
  saveFile: SaveFile;
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
  /** Opens or closes the projector window (the Electron shell has one; tests and the CLI none). */
  toggleProjector?: () => IntentResult | Promise<IntentResult>;
}

export class DesktopSession implements IntentHandlers {
  private readonly hosting: HostingService;
  private readonly remote: RemoteRooms;
  private readonly library: LibraryService;
  private readonly reports: ReportsService;
  private readonly listeners = new Set<(state: AppState) => void>();
  private state: AppState;
  private closed = false;
  private projectorOpen = false;
  private readonly projectorToggle: DesktopPorts['toggleProjector'];

  constructor(ports: DesktopPorts) {
    this.projectorToggle = ports.toggleProjector;
    const changed = () => this.changed();
    const complain = (what: string) => (e: unknown) => {
      if (!this.closed) console.error(`Quizroom could not read ${what}:`, e);
    };
    this.library = new LibraryService(
      ports.libraryDir,
      ports.pickQuizFile,
      changed,
      complain('the quiz library'),
      ports.saveFile,
    );
    this.reports = new ReportsService(
      ports.libraryDir,
      ports.saveFile,
      changed,
      complain('the saved reports'),
    );
    this.remote = new RemoteRooms(ports.createDiscovery, changed);
    this.hosting = new HostingService(
      {
        announce: ports.announce,
        journalDir: ports.journalDir ?? null,
        staticDir: ports.staticDir,
        port: ports.port,
        bind: ports.bind,
        serverWorker: ports.serverWorker,
        reports: this.reports.store,
        onReportSaved: () => void this.reports.refresh(),
        saveFile: ports.saveFile,
      },
      changed,
    );
    this.state = this.compose();
    void this.library.refresh();
    void this.reports.refresh();
  }

  /** The library's pictures and sounds, which the window shows (main/app/app-media.ts). */
  get media(): MediaStore {
    return this.library.media;
  }

  /** A picture or sound of the room joined on another computer (remote-media.ts). */
  remoteMedia(ref: string): Promise<Buffer | undefined> {
    return this.remote.media.get(ref);
  }

  getState(): AppState {
    return this.state;
  }

  subscribe(listener: (state: AppState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the library folder again; the state then lists it. */
  refreshLibrary(): Promise<void> {
    return this.library.refresh();
  }

  refreshReports(): Promise<void> {
    return this.reports.refresh();
  }

  /** Starts browsing the LAN (the Join screen's list). */
  startBrowsing(): void {
    this.remote.startBrowsing();
  }

  // --- The game: to the host's own clients when hosting, else to the room joined -----------------

  /** Where player intents go: the host's own player, or the room this app joined. */
  private get playerClient(): QuizClient | null {
    return this.hosting.info ? this.hosting.playerClient : this.remote.client;
  }

  join(name: string, pin?: string, identity?: string): void {
    this.playerClient?.join(name, pin, identity);
  }
  giveIdentity(identity: string): void {
    this.playerClient?.giveIdentity(identity);
  }
  answer(given: number | AnswerResponse): void {
    this.playerClient?.answer(given);
  }
  start(): void {
    this.hosting.hostClient?.start();
  }
  cancelStart(): void {
    this.hosting.hostClient?.cancelStart();
  }
  pause(paused: boolean): void {
    this.hosting.hostClient?.pause(paused);
  }
  next(): void {
    this.hosting.hostClient?.next();
  }
  skip(): void {
    this.hosting.hostClient?.skip();
  }
  end(): void {
    this.hosting.hostClient?.end();
  }
  kick(playerId: string, block?: boolean): void {
    this.hosting.hostClient?.kick(playerId, block);
  }
  extraTime(playerId: string, factor: 1 | 1.5 | 2): void {
    this.hosting.hostClient?.extraTime(playerId, factor);
  }
  pickTeam(team: number): void {
    this.playerClient?.pickTeam(team);
  }
  setTeam(playerId: string, team: number): void {
    this.hosting.hostClient?.setTeam(playerId, team);
  }
  balanceTeams(): void {
    this.hosting.hostClient?.balanceTeams();
  }
  releaseIdentity(playerId: string): void {
    this.hosting.hostClient?.releaseIdentity(playerId);
  }
  removeDisconnected(): void {
    this.hosting.hostClient?.removeDisconnected();
  }
  issueRemotePass(): void {
    this.hosting.hostClient?.issueRemotePass();
  }
  revokeRemote(id: string): void {
    this.hosting.hostClient?.revokeRemote(id);
  }
  updateSettings(settings: SettingsPatch): void {
    this.hosting.hostClient?.updateSettings(settings);
  }
  newGame(quizId?: string): void {
    this.hosting.newGame(quizId, (id) => this.library.find(id));
  }
  exportCsv(): Promise<IntentResult> {
    return this.hosting.exportCsv();
  }
  leave(): void {
    this.remote.leave();
  }

  // --- Hosting ------------------------------------------------------------------------------

  async hostRoom(config: HostConfig): Promise<IntentResult> {
    if (this.hosting.info) return failure('hosting', 'A room is already open.');
    const quiz = await this.library.find(config.quizId);
    if (!quiz) return failure('invalid_quiz', `There is no quiz "${config.quizId}".`);
    this.remote.close();
    return this.hosting.hostRoom(config, quiz, this.library.media);
  }

  resumeHosting(): Promise<IntentResult> {
    this.remote.close();
    return this.hosting.resumeHosting(this.library.media);
  }

  stopHosting(): Promise<IntentResult> {
    return this.hosting.stopHosting();
  }

  async toggleProjector(): Promise<IntentResult> {
    if (!this.hosting.info)
      return failure('not_hosting', 'Open a room first: the projector window shows it.');
    if (!this.projectorToggle) return failure('unsupported', 'This app has no projector window.');
    return this.projectorToggle();
  }

  /** The shell says whether its projector window is open (the host bar's button follows). */
  setProjectorOpen(open: boolean): void {
    if (open === this.projectorOpen) return;
    this.projectorOpen = open;
    this.changed();
  }

  // --- Rooms on other computers ----------------------------------------------------------------

  async connect(address: string, port: number): Promise<IntentResult> {
    if (this.hosting.info) return failure('hosting', 'Stop hosting before joining another room.');
    return this.remote.connect(address, port);
  }

  refreshRooms(): void {
    this.remote.refreshRooms();
  }

  // --- The library and reports ---------------------------------------------------------------

  importQuiz() {
    return this.library.importQuiz();
  }
  openQuiz(id: string) {
    return this.library.openQuiz(id);
  }
  exportQuiz(id: string) {
    return this.library.exportQuiz(id);
  }
  addMedia(name: string, bytes: Uint8Array) {
    return this.library.addMedia(name, bytes);
  }
  /** Saves the editor's quiz; quitting waits for saves under way, so no edit is lost. */
  saveQuiz(id: string, quiz: QuizDraft) {
    return this.library.saveQuiz(id, quiz);
  }
  createQuiz() {
    return this.library.createQuiz();
  }
  duplicateQuiz(id: string) {
    return this.library.duplicateQuiz(id);
  }
  deleteQuiz(id: string) {
    return this.library.deleteQuiz(id);
  }
  openReport(id: string) {
    return this.reports.openReport(id);
  }
  exportReport(id: string, format: 'csv' | 'xlsx') {
    return this.reports.exportReport(id, format);
  }
  deleteReport(id: string) {
    return this.reports.deleteReport(id);
  }
  personHistory(identity: string) {
    return this.reports.personHistory(identity);
  }

  // --- The network, as players would reach it ------------------------------------------------------

  checkNetwork() {
    const port = this.hosting.info?.port;
    return checkNetwork(port === undefined ? {} : { roomPort: port });
  }

  // --- Quitting -----------------------------------------------------------------------------

  /** Closes everything at once, saves under way included: on quit. Bounded by the caller. */
  async shutdown(): Promise<void> {
    this.closed = true;
    this.remote.close();
    await Promise.allSettled([this.settleSaves(), this.hosting.shutdown(), this.remote.stopBrowsing()]);
  }

  /** Resolves when no editor save is under way, counting saves that start while it waits. */
  settleSaves(): Promise<void> {
    return this.library.settleSaves();
  }

  // --- State --------------------------------------------------------------------------------

  private compose(): AppState {
    const hostClient = this.hosting.hostClient;
    const main = hostClient ?? this.remote.client;
    return {
      game: main ? main.view : null,
      player: this.hosting.playerClient?.view ?? null,
      clockOffset: main ? main.clockOffset : 0,
      quizzes: this.library.quizzes(),
      desktop: {
        rooms: this.remote.rooms,
        library: this.library.items,
        reports: this.reports.items,
        hosting:
          this.hosting.info && this.projectorOpen
            ? { ...this.hosting.info, projector: true }
            : this.hosting.info,
        interrupted: this.hosting.interrupted,
      },
    };
  }

  private changed(): void {
    this.state = this.compose();
    for (const listener of this.listeners) listener(this.state);
  }
}
