/**
 * Messages the host sends to clients. These are produced by our own server, so they are plain
 * types; `docs/protocol.md` documents each with an example.
 *
 * Times (`endsAt`, `openedAt`, `deadline`, `serverTime`) are milliseconds on the host's clock
 * (Unix epoch); a client keeps its offset to that clock from `pong` replies.
 */
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
}

export interface LeaderRow {
  rank: number;
  id: string;
  name: string;
  score: number;
  correct: number;
  connected: boolean;
}

/** A question as players see it: never with the correct option. */
export interface QuestionView {
  index: number;
  count: number;
  kind: 'choice';
  prompt: string;
  options: string[];
  points: number;
  timeLimitMs: number;
  openedAt: number;
  deadline: number;
}

export interface RevealView {
  index: number;
  correct: number;
  /** How many players chose each option. */
  counts: number[];
  answered: number;
  /** True when the host skipped the question: nobody scored. */
  voided: boolean;
}

export interface AnswerView {
  question: number;
  option: number;
  elapsedMs: number;
}

export interface PlayerResult {
  question: number;
  option: number | null;
  correct: boolean;
  points: number;
  score: number;
  streak: number;
  rank: number;
  elapsedMs: number | null;
}

export interface YouView {
  id: string;
  name: string;
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
  you: YouView | null;
  /** A player who joined after the game started: who they will be in the next game (`you` is null until then). */
  waiting: { id: string; name: string } | null;
  /** Players waiting for the next game. */
  waitingCount: number;
  /** The open question's timer is paused, with this much time left (hosts before pausing send none). */
  paused?: { remainingMs: number } | null;
  /** Host only: every player, and how many answered the open question. */
  players?: PlayerSummary[];
  answered?: number;
  /** Host only: the full final table. */
  standings?: LeaderRow[];
  /** Host only: where players join (one URL per LAN address) and the room PIN. */
  access?: HostAccess;
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
  | { type: 'player_count'; count: number; connected: number; waiting: number }
  | { type: 'settings'; settings: GameSettings }
  | { type: 'countdown'; endsAt: number }
  /** The host cancelled the countdown: the room waits in the lobby again. */
  | { type: 'lobby' }
  /** Your `leave` was done: this connection is a guest again and its token is void. */
  | { type: 'left' }
  | { type: 'question'; question: QuestionView; endsAt: number }
  /** The host paused the open question's timer: no answers until it resumes. */
  | { type: 'paused'; question: number; remainingMs: number }
  /** The paused question goes on: its start and deadline moved by the time it was paused. */
  | { type: 'resumed'; question: number; openedAt: number; deadline: number; endsAt: number }
  | { type: 'answer_ack'; answer: AnswerView }
  | { type: 'answer_count'; question: number; answered: number; connected: number }
  | { type: 'reveal'; reveal: RevealView; top: LeaderRow[]; endsAt: number | null }
  | { type: 'result'; result: PlayerResult }
  | { type: 'leaderboard'; top: LeaderRow[]; endsAt: number | null }
  | { type: 'finished'; top: LeaderRow[] }
  | { type: 'standings'; rows: LeaderRow[] }
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
