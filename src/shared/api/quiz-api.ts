/**
 * QuizApi: everything the React screens may see and do. Two adapters implement it: the web one (a
 * QuizClient in the page, for phones and the `?host=TOKEN` dashboard) and the Electron one (the
 * preload's `window.quiz`, whose sockets live in the main process). Every intent argument and every
 * state value is plain serializable data, because in the desktop app they cross IPC.
 */
import type { ClientView } from '../client/client-view';
import type { GameStatus, QuizChoice, SettingsPatch } from '../protocol';
import type { QuizDraft, QuizProblem } from '../quiz/quiz-draft';

export type { QuizDraft, QuizDraftQuestion, QuizProblem } from '../quiz/quiz-draft';

/** A room found on the LAN, as the Join screen lists it (a subset of discovery's DiscoveredRoom). */
export interface RoomListing {
  /** Stable while the host keeps announcing (the DNS-SD instance name). */
  id: string;
  name: string;
  /** The host machine's name. */
  host: string;
  /** Addresses to try, best first. */
  addresses: string[];
  port: number;
  players: number;
  status: GameStatus;
  pinRequired: boolean;
  /** True once the host answered a health check: joining should work. */
  joinable: boolean;
  /** When the room was last heard from (ms, this machine's clock). */
  lastSeen: number;
}

/** A quiz the host may choose, built-in pack first (the wire type hosts get in their snapshot). */
export type { QuizChoice };

/** What Host setup asks for. */
export interface HostConfig {
  quizId: string;
  roomName: string;
  /** Connected players needed to start by itself; 0 = the host starts by hand. */
  minPlayers: number;
  questionSeconds: number;
  /** Players who may join from one network address (the room's default when absent). */
  maxPlayersPerAddress?: number;
  /** Generate a 6-digit PIN that joiners must give. */
  pin: boolean;
  /** The host also plays, as a player with `nickname`. */
  playToo: boolean;
  nickname?: string;
}

/** The room this app is hosting (desktop only). */
export interface HostInfo {
  roomName: string;
  port: number;
  quizTitle: string;
  /** True when the host also plays (see AppState.player). */
  playing: boolean;
}

/** A hosted room that was interrupted, as the Home screen offers it. */
export interface InterruptedRoom {
  roomName: string;
  quizTitle: string;
  players: number;
  /**
   * The room's journal is damaged in the middle: what resuming would drop, in words. Resuming
   * this room then resumes it up to the damage.
   */
  damage?: string;
}

/** A quiz in the library (desktop): built-in ones first and read-only; a broken file says why. */
export type LibraryItem =
  | {
      status: 'ok';
      id: string;
      title: string;
      description?: string;
      questionCount: number;
      /** ISO time of the file's last change; null for built-in quizzes. */
      modifiedAt: string | null;
      readOnly: boolean;
      builtin: boolean;
    }
  | {
      status: 'broken';
      id: string;
      fileName: string;
      modifiedAt: string | null;
      error: string;
      problems: string[];
    };

/** A saved game report, as the Reports list shows it; newest first. */
export type ReportListing =
  | {
      status: 'ok';
      id: string;
      quizTitle: string;
      roomName: string;
      startedAt: string;
      finishedAt: string;
      playerCount: number;
      questionCount: number;
      winner: { name: string; score: number } | null;
    }
  | { status: 'broken'; id: string; error: string };

/** A finished game's report (see src/main/reports/game-report.ts, which owns the format). */
export interface ReportData {
  roomName: string;
  gameNo: number;
  startedAt: string;
  finishedAt: string;
  quiz: { title: string; description?: string };
  questions: {
    number: number;
    prompt: string;
    options: string[];
    correct: number;
    points: number;
    timeLimitS: number;
    status: 'played' | 'skipped' | 'not_reached';
    answered: number;
    right: number;
    averageTimeMs: number | null;
    optionCounts: number[];
  }[];
  players: {
    id: string;
    name: string;
    rank: number;
    score: number;
    correctCount: number;
    totalTimeMs: number;
    connected: boolean;
    answers: ({ option: number; correct: boolean; elapsedMs: number; points: number } | null)[];
  }[];
}

/** The answer to an intent that can fail before reaching a host (codes: unreachable, host_failed, cancelled, invalid_quiz…). */
export type IntentResult = { ok: true } | { ok: false; code: string; message: string };
type Failure = { ok: false; code: string; message: string };

/** openQuiz: the quiz to edit; `draft` when it is an unfinished draft newer than the saved quiz. */
export type OpenQuizResult = { ok: true; quiz: QuizDraft; readOnly: boolean; draft: boolean } | Failure;
/** saveQuiz: an invalid quiz is kept as a draft (`draftSaved`) and its problems listed by field. */
export type SaveQuizResult = { ok: true } | (Failure & { problems?: QuizProblem[]; draftSaved?: boolean });
/** createQuiz / duplicateQuiz: the id of the new quiz. */
export type NewQuizResult = { ok: true; id: string } | Failure;
/** importQuiz: the new quiz and what the import took and skipped (with where and why). */
export type ImportQuizResult =
  | {
      ok: true;
      id: string;
      title: string;
      /** The format it was read as, in words ("Moodle GIFT"). */
      format: string;
      taken: number;
      skipped: { where: string; reason: string }[];
      adjusted: { where: string; reason: string }[];
    }
  | Failure;
export type OpenReportResult = { ok: true; report: ReportData } | Failure;

export interface AppState {
  /** The session this screen shows: the host's view when hosting, else the player's; null when not connected. */
  game: ClientView | null;
  /** The host's own player session when they play too; null otherwise. */
  player: ClientView | null;
  /** Milliseconds to add to Date.now() to get the host's clock (endsAt, deadline). */
  clockOffset: number;
  /** This app can run a room (desktop). */
  canHost: boolean;
  /** This app can browse the LAN for rooms and connect to any address (desktop). */
  canBrowse: boolean;
  /** Rooms found on the LAN, updating live (empty when canBrowse is false). */
  rooms: RoomListing[];
  /** Quizzes available to host (empty when canHost is false and on a player's phone). */
  quizzes: QuizChoice[];
  /** The quiz library, broken files included (desktop; empty elsewhere). */
  library: LibraryItem[];
  /** Saved reports of finished games, newest first (desktop; empty elsewhere). */
  reports: ReportListing[];
  /** The room this app hosts, or null. */
  hosting: HostInfo | null;
  /** A room this app hosted that did not close cleanly (the app or computer crashed); resumeHosting continues it. */
  interrupted: InterruptedRoom | null;
}

export interface QuizApi {
  /** The current state: the same object until something changes (React's useSyncExternalStore needs that). */
  getState(): AppState;
  /** Calls `listener` with each new state (an adapter may also call it at once); returns unsubscribe. */
  subscribe(listener: (state: AppState) => void): () => void;

  /** Joins the connected room as a player (errors arrive in game.error: name_taken, pin_wrong…). */
  join(name: string, pin?: string): void;
  /** Answers the open question with option `option` (from 0); as the host's own player when playing too. */
  answer(option: number): void;

  /** Host: starts the game now. */
  start(): void;
  /** Host: stops the countdown before the first question; the room waits for Start. */
  cancelStart(): void;
  /** Host: moves on from reveal or leaderboard. */
  next(): void;
  /** Host: closes the open question without scoring it. */
  skip(): void;
  /** Host: ends the game and shows the final results. */
  end(): void;
  /** Host: removes a player. */
  kick(playerId: string): void;
  /** Host: removes every player who is not connected (in the lobby or after a game). */
  removeDisconnected(): void;
  /** Host: changes game settings. */
  updateSettings(settings: SettingsPatch): void;
  /** Host: starts another game, with the quiz `quizId` or the same quiz. */
  newGame(quizId?: string): void;
  /** Host: saves the results as CSV (a download in a browser, a save dialog on desktop). */
  exportCsv(): Promise<IntentResult>;

  /** Desktop: opens a room with this config and connects this app as its host. */
  hostRoom(config: HostConfig): Promise<IntentResult>;
  /** Desktop: closes the hosted room. */
  stopHosting(): Promise<void>;
  /** Desktop: picks a quiz file of any importable format and adds it to the library. */
  importQuiz(): Promise<ImportQuizResult>;
  /** Desktop: the quiz `id` of the library, to edit. */
  openQuiz(id: string): Promise<OpenQuizResult>;
  /** Desktop: saves the edited quiz; an invalid one is kept as a draft and its problems returned. */
  saveQuiz(id: string, quiz: QuizDraft): Promise<SaveQuizResult>;
  /** Desktop: adds a new quiz with one question to fill in. */
  createQuiz(): Promise<NewQuizResult>;
  /** Desktop: copies a quiz (built-in ones too) as "… (copy)". */
  duplicateQuiz(id: string): Promise<NewQuizResult>;
  /** Desktop: deletes a library quiz (not a built-in one). */
  deleteQuiz(id: string): Promise<IntentResult>;
  /** Desktop: a saved game report. */
  openReport(id: string): Promise<OpenReportResult>;
  /** Desktop: saves a report as CSV or XLSX where the person chooses. */
  exportReport(id: string, format: 'csv' | 'xlsx'): Promise<IntentResult>;
  /** Desktop: deletes a saved report. */
  deleteReport(id: string): Promise<IntentResult>;
  /** Desktop: reopens the interrupted room from its journal; players come back by themselves. */
  resumeHosting(): Promise<IntentResult>;
  /** Desktop: connects to the room at address:port as a guest (then call join). */
  connect(address: string, port: number): Promise<IntentResult>;
  /**
   * Leaves the room, giving up the player's seat: desktop returns to Home; a browser becomes a
   * guest of the same room (or, when the host cannot be told, forgets its player and starts over).
   */
  leave(): void;
  /** Desktop: asks the LAN for rooms again now. */
  refreshRooms(): void;
}
