/**
 * What the screens render: the game (every platform) and, in the desktop app only, the desktop's
 * own part (rooms on the LAN, the library, reports, the room it hosts). Plain serializable data:
 * in the desktop app it is pushed across IPC.
 */
import type { ClientView } from '../client/client-view';
import type { GameStatus, QuizChoice } from '../protocol';

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

/** The room this app is hosting. */
export interface HostInfo {
  roomName: string;
  port: number;
  quizTitle: string;
  /** True when the host also plays (see AppState.player). */
  playing: boolean;
  /** The projector window (desktop, main/app/projector-window.ts) is open; absent: closed. */
  projector?: boolean;
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

/** A quiz in the library: built-in ones first and read-only; a broken file says why. */
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

/** The desktop app's own state, beside the game: absent on a phone and on a browser dashboard. */
export interface DesktopState {
  /** Rooms found on the LAN, updating live. */
  rooms: RoomListing[];
  /** The quiz library, broken files included. */
  library: LibraryItem[];
  /** Saved reports of finished games, newest first. */
  reports: ReportListing[];
  /** The room this app hosts, or null. */
  hosting: HostInfo | null;
  /** A room this app hosted that did not close cleanly (the app or computer crashed); Resume continues it. */
  interrupted: InterruptedRoom | null;
}

export interface AppState {
  /** The session this screen shows: the host's view when hosting, else the player's; null when not connected. */
  game: ClientView | null;
  /** The host's own player session when they play too; null otherwise. */
  player: ClientView | null;
  /** Milliseconds to add to Date.now() to get the host's clock (endsAt, deadline). */
  clockOffset: number;
  /** Quizzes the host may pick for the next game (a host's snapshot, or the desktop's library). */
  quizzes: QuizChoice[];
  /** Present in the desktop app only. */
  desktop?: DesktopState;
}
