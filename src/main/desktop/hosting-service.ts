/**
 * The room this desktop app hosts: opened (or resumed) through the hosting module like the
 * headless host's, then seen through this app's own host client (the host's screen, a privileged
 * client of the protocol like any browser dashboard) and, when the host plays too, a player
 * client. The room's view is what those clients see; the server thread itself is not mirrored.
 */
import WebSocket from 'ws';
import type { HostConfig, HostInfo, IntentResult, InterruptedRoom } from '../../shared/api/quiz-api';
import { failure, OK } from '../../shared/api/intent-results';
import { QuizClient, type WebSocketFactory } from '../../shared/client/quiz-client';
import { socketUrlOf } from '../../shared/protocol';
import { BUILTIN_PREFIX } from '../../shared/quiz/builtin-pack';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import type { MediaStore } from '../media/media-store';
import { resultsCsv, resultsFileName } from '../../shared/results-csv';
import { identityColumn } from '../../shared/roster/identity-column';
import { HostedRoom, openHostedRoom, type HostingPlace, type RoomPlan } from '../hosting/hosted-room';
import { describeInterruptedRoom, type OfferedRoom } from '../hosting/interrupted-room';
import type { ReportStore } from '../reports/report-store';
import type { SaveFile } from './reports-service';

export interface HostingPorts extends HostingPlace {
  /** Announce hosted rooms on the LAN; false in tests that must not use multicast. */
  announce: boolean;
  /** The first port to try (DEFAULT_PORT when absent; the next free ones after it). */
  port?: number;
  reports: ReportStore;
  /** A finished game's report was saved (the Reports list reads the folder again). */
  onReportSaved(): void;
  saveFile: SaveFile;
}

interface Hosting {
  room: HostedRoom;
  hostClient: QuizClient;
  playerClient: QuizClient | null;
  info: HostInfo;
  unsubscribe: () => void;
}

export class HostingService {
  private current: Hosting | null = null;
  /** A room is opening (hosting or resuming). */
  private opening = false;
  private closed = false;
  /** The interrupted room Home offers (looked up at start and when a room closes). */
  private offered: OfferedRoom | null;

  constructor(
    private readonly ports: HostingPorts,
    /** Called whenever the room or its clients' views change. */
    private readonly changed: () => void,
  ) {
    this.offered = describeInterruptedRoom(ports.journalDir);
  }

  get info(): HostInfo | null {
    return this.current?.info ?? null;
  }

  /** The host's own view of the room. */
  get hostClient(): QuizClient | null {
    return this.current?.hostClient ?? null;
  }

  /** The host's own player, when they play too. */
  get playerClient(): QuizClient | null {
    return this.current?.playerClient ?? null;
  }

  /** The room that stopped without closing (looked up at start and when a room closes); none while hosting. */
  get interrupted(): InterruptedRoom | null {
    return this.current ? null : (this.offered?.room ?? null);
  }

  /** Opens a new room with `quiz` and connects this app as its host (and player, when playing too). */
  hostRoom(config: HostConfig, quiz: Quiz, media?: MediaStore): Promise<IntentResult> {
    const plan: RoomPlan = {
      kind: 'new',
      quiz,
      ...(media ? { media } : {}),
      roomName: config.roomName,
      port: this.ports.port,
      pin: config.pin,
      settings: {
        ...config.settings,
        minPlayers: config.minPlayers,
        questionSeconds: config.questionSeconds,
        ...(config.maxPlayersPerAddress === undefined
          ? {}
          : { maxPlayersPerAddress: config.maxPlayersPerAddress }),
      },
    };
    return this.open(plan, config.playToo ? config.nickname?.trim() || 'Host' : null);
  }

  /** Continues the interrupted room from its journal, on the same port with the same tokens. */
  resumeHosting(media?: MediaStore): Promise<IntentResult> {
    // The host's own player (if they played too) comes back as a player who lost connection.
    // Only the damage the card showed is accepted; any other is refused with its description.
    return this.open(
      { kind: 'resume', acceptDamageAt: this.offered?.damageAt ?? null, ...(media ? { media } : {}) },
      null,
    );
  }

  async stopHosting(): Promise<IntentResult> {
    const h = this.current;
    if (!h) return OK;
    this.current = null;
    h.unsubscribe();
    h.hostClient.close();
    h.playerClient?.close();
    await h.room.close();
    this.offered = describeInterruptedRoom(this.ports.journalDir);
    this.changed();
    return OK;
  }

  /** On quit: closes the room; a room still opening is closed as soon as it is open. */
  shutdown(): Promise<IntentResult> {
    this.closed = true;
    return this.stopHosting();
  }

  // --- The host's commands ------------------------------------------------------------------

  /** Starts another game: the same quiz, a built-in one (the server has those), or `quiz` from this computer. */
  newGame(quizId: string | undefined, findQuiz: (id: string) => Promise<Quiz | null>): void {
    const client = this.hostClient;
    if (!client) return;
    if (quizId === undefined) return client.newGame();
    if (quizId.startsWith(BUILTIN_PREFIX)) return client.newGame({ quizId });
    void findQuiz(quizId).then((quiz) => {
      if (client !== this.hostClient) return;
      // A quiz that is gone or broken: the server answers for an id it does not know, as it
      // does for a browser dashboard, and the host's screen shows that.
      client.newGame(quiz ? { quiz } : { quizId });
    });
  }

  async exportCsv(): Promise<IntentResult> {
    const view = this.hostClient?.view;
    if (!view || view.standings.length === 0)
      return failure('no_results', 'There are no results to export yet.');
    const saved = await this.ports.saveFile(
      resultsFileName(view.quiz?.title ?? 'quiz', new Date()),
      resultsCsv(view.standings, view.session, identityColumn(view.settings)),
    );
    return saved ? OK : failure('cancelled', 'Export cancelled.');
  }

  // --- Opening ------------------------------------------------------------------------------

  private async open(plan: RoomPlan, playAs: string | null): Promise<IntentResult> {
    if (this.current) return failure('hosting', 'A room is already open.');
    if (this.opening) return failure('hosting', 'A room is already opening.');
    if (this.closed) return failure('hosting', 'The app is closing.');
    this.opening = true;
    let opened;
    try {
      opened = await openHostedRoom(plan, this.ports, {
        announce: this.ports.announce ? {} : null,
        reports: {
          store: this.ports.reports,
          onSaved: () => this.ports.onReportSaved(),
          onError: (e) => console.error('Quizroom could not save the game report:', e),
        },
      });
    } finally {
      this.opening = false;
    }
    if (!opened.ok) return failure(opened.code, opened.message);
    const room = opened.room;
    // The app began to quit while the room was opening.
    if (this.closed) {
      await room.close();
      return failure('hosting', 'The app is closing.');
    }
    this.current = this.connectTo(room, playAs);
    // A server thread that ends by itself (an error in it) leaves its journal open: the room is
    // offered for resuming at once instead of showing a host that never comes back.
    void room.ended.then(() => {
      if (this.current?.room === room) void this.stopHosting();
    });
    this.changed();
    return OK;
  }

  /** This app's host client (and player client) on the room, over loopback. */
  private connectTo(room: HostedRoom, playAs: string | null): Hosting {
    const { server } = room;
    const local = socketUrlOf('127.0.0.1', server.port);
    const WS = WebSocket as unknown as WebSocketFactory;
    const hostClient = new QuizClient({ url: local, WebSocket: WS, token: server.hostToken });
    let playerClient: QuizClient | null = null;
    if (playAs !== null) {
      const player = new QuizClient({ url: local, WebSocket: WS });
      // Join as soon as the first snapshot arrives.
      const stop = player.subscribe((view) => {
        if (view.ready && view.role === 'guest' && !view.error) {
          stop();
          player.join(playAs, server.pin ?? undefined);
        }
      });
      playerClient = player;
    }
    const subs = [hostClient.subscribe(() => this.changed()), playerClient?.subscribe(() => this.changed())];
    hostClient.connect();
    playerClient?.connect();
    return {
      room,
      hostClient,
      playerClient,
      info: {
        roomName: server.room.name,
        port: server.port,
        quizTitle: server.quiz.title,
        playing: playerClient !== null,
      },
      unsubscribe: () => subs.forEach((u) => u?.()),
    };
  }
}
