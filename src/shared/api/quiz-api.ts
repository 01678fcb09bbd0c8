/**
 * QuizApi: everything the React screens may see and do. Two adapters implement it: the web one (a
 * QuizClient in the page, for phones and the `?host=TOKEN` dashboard) and the Electron one (the
 * preload's `window.quiz`, whose sockets live in the main process). Every intent argument and every
 * state value is plain serializable data, because in the desktop app they cross IPC.
 */
import type { ClientView } from '../client/client-view';
import type { GameStatus, SettingsPatch } from '../protocol';

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

/** A quiz the host may choose, built-in pack first. */
export interface QuizChoice {
  /** Pass to hostRoom / newGame, e.g. "builtin:science". */
  id: string;
  title: string;
  questionCount: number;
  description?: string;
}

/** What Host setup asks for. */
export interface HostConfig {
  quizId: string;
  roomName: string;
  /** Connected players needed to start by itself; 0 = the host starts by hand. */
  minPlayers: number;
  questionSeconds: number;
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
}

/** The answer to an intent that can fail before reaching a host (codes: unreachable, host_failed, cancelled, invalid_quiz…). */
export type IntentResult = { ok: true } | { ok: false; code: string; message: string };

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
  /** Host: moves on from reveal or leaderboard. */
  next(): void;
  /** Host: closes the open question without scoring it. */
  skip(): void;
  /** Host: ends the game and shows the final results. */
  end(): void;
  /** Host: removes a player. */
  kick(playerId: string): void;
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
  /** Desktop: picks a quiz file to add to `quizzes`. */
  importQuiz(): Promise<IntentResult>;
  /** Desktop: reopens the interrupted room from its journal; players come back by themselves. */
  resumeHosting(): Promise<IntentResult>;
  /** Desktop: connects to the room at address:port as a guest (then call join). */
  connect(address: string, port: number): Promise<IntentResult>;
  /** Leaves the room: desktop returns to Home; a browser forgets its player and starts over. */
  leave(): void;
  /** Desktop: asks the LAN for rooms again now. */
  refreshRooms(): void;
}
