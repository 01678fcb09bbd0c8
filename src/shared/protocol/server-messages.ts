/**
 * Messages the host sends to clients. These are produced by our own server, so they are plain
 * types; `docs/protocol.md` documents each with an example.
 *
 * Times (`endsAt`, `openedAt`, `deadline`, `serverTime`) are milliseconds on the host's clock
 * (Unix epoch); a client keeps its offset to that clock from `pong` replies.
 */
import type { QuestionKind } from '../quiz/quiz-schema';
import type { AnswerFields } from './answer-response';
import type { ErrorCode } from './error-codes';
import type { GameSettings } from './settings-schema';

export type GameStatus = 'NOT_STARTED' | 'STARTED' | 'FINISHED';
export type Phase = 'lobby' | 'countdown' | 'question' | 'reveal' | 'leaderboard' | 'finished';
export type Role = 'guest' | 'player' | 'host';

export function statusOf(phase: Phase): GameStatus {
  if (phase === 'lobby') return 'NOT_STARTED';
  if (phase === 'finished') return 'FINISHED';
  return 'STARTED';
}

export interface RoomView {
  name: string;
  pinRequired: boolean;
  protocol: number;
}

/** A player as the host's roster shows it. */
export interface PlayerSummary {
  id: string;
  name: string;
  connected: boolean;
  score: number;
  /** Extra time the host granted: 1.5 or 2 times each question's time; absent: none. */
  extraTime?: number;
  /** The player's team (an index into TEAM_COLORS), in a room with teams. */
  team?: number;
  /**
   * Who the player is (settings `identity`): their name on the class list or the identifier they
   * typed; absent when none is asked for or not given yet. Hosts only ever receive it.
   */
  identity?: string;
}

export interface LeaderRow {
  rank: number;
  id: string;
  name: string;
  score: number;
  correct: number;
  connected: boolean;
  /** The player's team, in a room with teams. */
  team?: number;
  /** Host only (`standings`): the player's identity (see PlayerSummary); never in `top`. */
  identity?: string;
}

/**
 * A player's total over the games of this session (`runningTotals`): the sum of their scores in
 * every game that finished, this one included (src/main/game/session-totals.ts).
 */
export interface SessionRow {
  rank: number;
  id: string;
  name: string;
  total: number;
  /** Games finished in this room while the player was in it. */
  games: number;
}

/**
 * A team on the leaderboard (src/main/game/teams.ts): its score is the average of its members'
 * scores, rounded, so that a bigger team gains nothing by its size.
 */
export interface TeamRow {
  rank: number;
  /** An index into TEAM_COLORS. */
  team: number;
  score: number;
  members: number;
}

/** A question as players see it: never with the correct option (or anything that gives it away). */
export interface QuestionView {
  index: number;
  count: number;
  kind: QuestionKind;
  prompt: string;
  /**
   * What the player picks from: the options (choice, multi-select, poll), "True" and "False",
   * or the items of an ordering question in a shuffle that is never the right order. Empty for
   * typed, number and slide questions.
   */
  options: string[];
  /** Number questions: the slider. */
  range?: { min: number; max: number; step: number };
  /** Typed questions: the longest answer taken. */
  maxLength?: number;
  /** Slides: the text under the title. */
  text?: string;
  /**
   * Each phone shows the options in its own order (`playerOptionOrder` in
   * shared/quiz/seeded-order.ts); answers still name options by their index here.
   */
  shuffle?: true;
  /** A picture shown with the prompt: fetch it as `/media/<name>` (a hash of its bytes). */
  image?: string;
  /**
   * Pictures of the options, in the order of `options` (null: that option has none). A phone that
   * shuffles its options moves each picture with its option.
   */
  optionImages?: (string | null)[];
  /** A sound the host screen plays while the question is open (phones never play it). */
  audio?: string;
  points: number;
  timeLimitMs: number;
  openedAt: number;
  deadline: number;
}

export interface RevealView {
  index: number;
  kind: QuestionKind;
  /** The right option of a choice or true/false question (0 = true); -1 for other kinds. */
  correct: number;
  /**
   * How many players chose each option (choice, true/false, multi-select, poll); for ordering,
   * how many put each shown item in its right place.
   */
  counts: number[];
  /** Multi-select: every right option. */
  correctOptions?: number[];
  /** Typed: the accepted answers. */
  accepted?: string[];
  /** Number: the right value. */
  value?: number;
  /** Ordering: the shown items' indexes in the right order. */
  rightOrder?: number[];
  /**
   * Typed: what people typed, grouped (normalised), most common first; number: the values given,
   * in order. At most `MAX_REVEAL_GROUPS`; `right` marks answers that scored full credit.
   */
  groups?: { label: string; count: number; right: boolean }[];
  /** Shown at the reveal when the question has one. */
  explanation?: string;
  answered: number;
  /** True when the host skipped the question: nobody scored. */
  voided: boolean;
}

/** A player's own answer as the host took it (never with its credit: that waits for the reveal). */
export type AnswerView = { question: number; elapsedMs: number } & AnswerFields;

export const MAX_REVEAL_GROUPS = 24;

export interface PlayerResult {
  question: number;
  /** The option picked (choice, true/false, poll); null for other kinds or no answer. */
  option: number | null;
  /** Full credit. */
  correct: boolean;
  /** 0 to 1: partial credit (multi-select, number, ordering) shows here; absent in older records. */
  credit?: number;
  points: number;
  score: number;
  streak: number;
  rank: number;
  elapsedMs: number | null;
}

export interface YouView {
  id: string;
  name: string;
  /**
   * Your identity (settings `identity`): the class-list name you picked or the identifier you
   * typed; absent when none is asked for, or when you still have to give it (`identity` message).
   */
  identity?: string;
  /** Your team, in a room with teams. */
  team?: number;
  /** With `runningTotals`, once a game has finished: your session total and its rank. */
  session?: { total: number; rank: number; games: number };
  score: number;
  streak: number;
  rank: number | null;
  answer: AnswerView | null;
  result: PlayerResult | null;
}

export interface Snapshot {
  type: 'snapshot';
  serverTime: number;
  room: RoomView;
  status: GameStatus;
  phase: Phase;
  /** When the current phase ends by itself, or null when it waits for the host. */
  endsAt: number | null;
  settings: GameSettings;
  quiz: { title: string; questionCount: number };
  playerCount: number;
  connectedCount: number;
  question: QuestionView | null;
  reveal: RevealView | null;
  /** Top of the leaderboard (reveal, leaderboard, finished). */
  top: LeaderRow[];
  /** With teams: the teams' table (reveal, leaderboard, finished). */
  teams?: TeamRow[];
  /** With `runningTotals`, when finished: the session's table (its top; hosts get all of it). */
  session?: SessionRow[];
  /** With `teamMode: 'teams'`: how many players are in each team, by team. */
  teamSizes?: number[];
  /**
   * With `identity: 'roster'`: the names on the class list, sorted, names only, to hosts, guests
   * and players still without a name. Phones get `settings.roster` empty: the class list itself
   * (with its ids) goes to hosts only.
   */
  rosterNames?: string[];
  /** With `identity: 'roster'`: the class-list names already taken by a player (grey them out). */
  claimedNames?: string[];
  you: YouView | null;
  /** A player who joined after the game started: who they will be in the next game (`you` is null until then). */
  waiting: { id: string; name: string } | null;
  /** Players waiting for the next game. */
  waitingCount: number;
  /** The open question's timer is paused, with this much time left (hosts before pausing send none). */
  paused?: { remainingMs: number } | null;
  /** The next question's pictures, while phones should fetch them (see the `media` message). */
  media?: MediaList;
  /** Host only: the next question waits for these phones to have its pictures. */
  mediaWait?: MediaWait;
  /**
   * The open question stays open only for players with extra time (`waiting` of them): everyone
   * else is done. Absent or null otherwise.
   */
  finishing?: { waiting: number } | null;
  /** Host only: every player, and how many answered the open question. */
  players?: PlayerSummary[];
  answered?: number;
  /** Host only: the ids of the players who answered the open question, in the order they did. */
  answeredIds?: string[];
  /** Host only: the full final table. */
  standings?: LeaderRow[];
  /** Host only: where players join (one URL per LAN address) and the room PIN. */
  access?: HostAccess;
  /** The host's own screen only: the phones that hold its controls. */
  remotes?: RemoteInfo[];
  /** Host only: the quizzes `new_game` may name by `quizId` (no questions: only the host resolves them). */
  quizzes?: QuizChoice[];
}

/** A quiz a host may choose, as listed to it: what it is called and how long it is, never its questions. */
export interface QuizChoice {
  /** Pass to `new_game` (or, in the app, hostRoom / newGame), e.g. "builtin:science". */
  id: string;
  title: string;
  questionCount: number;
  description?: string;
}

/** The pictures of question `question` (its position in this game), as media names. */
export interface MediaList {
  question: number;
  refs: string[];
}

/** The question `question` opens at `until` at the latest; these connected players are still loading its pictures. */
export interface MediaWait {
  question: number;
  until: number;
  loading: { id: string; name: string }[];
}

/** A phone that holds the host's controls, as the host's own screen lists it. */
export interface RemoteInfo {
  id: string;
  /** What the phone's browser says it is, in short ("iPhone Safari"). */
  device: string;
  address: string;
  /** When it took the controls (host clock). */
  since: number;
  connected: boolean;
}

/** A one-time pass for a phone: open one of `urls` before `expiresAt` (host clock). */
export interface RemotePass {
  pass: string;
  urls: string[];
  expiresAt: number;
}

export interface HostAccess {
  joinUrls: string[];
  pin: string | null;
}

export type ServerMessage =
  | { type: 'welcome'; protocol: number; role: Role; serverTime: number }
  | Snapshot
  | { type: 'joined'; player: { id: string; name: string }; token: string }
  | { type: 'player'; player: PlayerSummary }
  | { type: 'player_removed'; id: string }
  /** `teams`: with `teamMode: 'teams'`, how many players (and latecomers) are in each team. */
  /**
   * `claimedNames`: with `identity: 'roster'`, the class-list names taken by a player or
   * latecomer; guests only (players who have joined get the count alone).
   */
  | {
      type: 'player_count';
      count: number;
      connected: number;
      waiting: number;
      teams?: number[];
      claimedNames?: string[];
    }
  /** Your team changed (you picked one, the host moved you, or the teams were balanced). */
  | { type: 'team'; team: number }
  /**
   * With `identity: 'roster'`, `rosterNames` and `claimedNames` come with it (as in the snapshot).
   * Phones get `settings.roster` empty; hosts then get the settings again with the class list.
   */
  | { type: 'settings'; settings: GameSettings; rosterNames?: string[]; claimedNames?: string[] }
  /**
   * Your identity was taken back (the host freed the class-list name, or the class list changed):
   * you keep your seat and score; pick again with an `identity` message.
   */
  | { type: 'identity_released'; rosterNames?: string[]; claimedNames?: string[] }
  | { type: 'countdown'; endsAt: number }
  /** The host cancelled the countdown: the room waits in the lobby again. */
  | { type: 'lobby' }
  /** Your `leave` was done: this connection is a guest again and its token is void. */
  | { type: 'left' }
  /** The next question's pictures: fetch them now and say `media_ready` when they are here. */
  | ({ type: 'media' } & MediaList)
  /** Host only: the next question is held until these phones have its pictures (or `until`). */
  | ({ type: 'media_wait' } & MediaWait)
  | { type: 'question'; question: QuestionView; endsAt: number }
  /** The host paused the open question's timer: no answers until it resumes. */
  | { type: 'paused'; question: number; remainingMs: number }
  /** The paused question goes on: its start and deadline moved by the time it was paused. */
  | { type: 'resumed'; question: number; openedAt: number; deadline: number; endsAt: number }
  | { type: 'answer_ack'; answer: AnswerView }
  | { type: 'answer_count'; question: number; answered: number; connected: number }
  /** Host only: these players answered the open question (never what they answered). */
  | { type: 'answered'; question: number; ids: string[] }
  /**
   * Everyone else is done: the question stays open for the `waiting` players with extra time who
   * have not answered yet. Nothing about the answers is told before it closes.
   */
  | { type: 'finishing'; question: number; waiting: number }
  | { type: 'reveal'; reveal: RevealView; top: LeaderRow[]; teams?: TeamRow[]; endsAt: number | null }
  | { type: 'result'; result: PlayerResult }
  | { type: 'leaderboard'; top: LeaderRow[]; teams?: TeamRow[]; endsAt: number | null }
  /** `session`: with `runningTotals`, the top of the session's table (totals over its games). */
  | { type: 'finished'; top: LeaderRow[]; teams?: TeamRow[]; session?: SessionRow[] }
  /** `session` (hosts): with `runningTotals`, the whole session's table, at the end of a game. */
  | { type: 'standings'; rows: LeaderRow[]; session?: SessionRow[] }
  /** With `runningTotals`, after `finished`, to each player: their session total and its rank. */
  | { type: 'session_total'; total: number; rank: number; games: number }
  | {
      type: 'error';
      code: ErrorCode;
      message: string;
      ref?: string;
      /**
       * With `name_taken`: a name like the one asked for that is free right now, for the phone to
       * offer. The host checks it again when it is sent (someone may take it first).
       */
      suggestion?: string;
    }
  | { type: 'pong'; t: number; serverTime: number }
  /** Host's own screen: the pass it asked for (`remote_pass`). */
  | ({ type: 'remote_pass' } & RemotePass)
  /** Host's own screen: the phones that hold its controls now (after every change). */
  | { type: 'remotes'; remotes: RemoteInfo[] }
  /** To a phone let in as a remote control: its id and its own token, to come back after a drop. */
  | { type: 'remote_granted'; id: string; token: string }
  | HostNotice;

/**
 * Host only: something the host should know that is not part of the game. `pin_failures`: `count`
 * wrong PINs from `addresses` addresses within the last `windowMs` (someone may be guessing).
 */
export type HostNotice = {
  type: 'notice';
  kind: 'pin_failures';
  count: number;
  addresses: number;
  windowMs: number;
};

export type ServerMessageType = ServerMessage['type'];
export type MessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;
