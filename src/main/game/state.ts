/**
 * The competition's state: settings, quiz, players and the round in progress. Plain data, owned
 * by the engine: `step` updates it in place so that an answer costs O(1) work however many players
 * there are. Nothing here reads a clock, a socket or a file.
 */
import type { AnswerFields, GameSettings, Phase, PlayerResult } from '../../shared/protocol';
import { DEFAULT_SETTINGS } from '../../shared/protocol';
import type { Question, Quiz } from '../../shared/quiz/quiz-schema';

/** What one player did on one question (their answer, one of `AnswerFields`); kept for reports, by the quiz's question index. */
export type AnswerRecord = AnswerFields & {
  /** Full credit. */
  correct: boolean;
  /** 0 to 1. */
  credit: number;
  elapsedMs: number;
  points: number;
};

/** An answer to the open question, graded when it came in and scored when the question closes. */
export type PendingAnswer = AnswerFields & { elapsedMs: number; credit: number };

export interface Player {
  id: string;
  name: string;
  /** Join order, the last tie-break. */
  seq: number;
  connected: boolean;
  score: number;
  streak: number;
  correctCount: number;
  /** Sum of answer times; an unanswered question counts its whole time limit. */
  totalTimeMs: number;
  /** Per question index; null where the player did not answer. */
  answers: (AnswerRecord | null)[];
  /** Answer to the open question, before it is scored. */
  pending: PendingAnswer | null;
  lastResult: PlayerResult | null;
  rank: number | null;
  /** The network address the player joined from; null when not known (an older journal). */
  address: string | null;
  /** While disconnected in the lobby: when the seat is given up unless the player comes back. */
  dropAt: number | null;
  /** Extra time the host granted (extra-time.ts): 1.5 or 2 times each question's time; absent: none. */
  extraTime?: number;
  /** The player's team (an index into TEAM_COLORS), in a room with teams (teams.ts); absent: none. */
  team?: number;
  /** Who the player is (identity.ts): their class-list name or typed identifier; absent: none given. */
  identity?: string;
  /** The sum of the player's scores in the games of this session that finished (session-totals.ts). */
  sessionScore?: number;
  /** How many games of this session finished with the player in them. */
  sessionGames?: number;
}

export interface Round {
  /** Position in this game (what players see); the quiz's index is `quizIndexAt(state, index)`. */
  index: number;
  question: Question;
  openedAt: number;
  deadline: number;
  timeLimitMs: number;
  counts: number[];
  /** Typed and number answers by what was given (normalised text, or the value): the reveal's groups. */
  groups: Record<string, number>;
  answered: number;
  /** Connected players who answered: when it reaches the connected count, the round closes. */
  answeredConnected: number;
  closed: boolean;
  voided: boolean;
  /**
   * Players with extra time when the question opened, to their factor (extra-time.ts); absent
   * when nobody had any. A grant during a question counts from the next one.
   */
  extraTime?: Record<string, number>;
  /** Everyone else is done and the question stays open for players with extra time only. */
  finishing?: boolean;
  /** While finishing: how many players with extra time it waits for, as last told. */
  finishingWaiting?: number;
}

/** A question of this game as it closed: when it opened, how long it was open for, whether it counted. */
export interface PlayedQuestion {
  /** The quiz's index of the question. */
  index: number;
  openedAt: number;
  timeLimitMs: number;
  /** The host skipped it: nobody scored. */
  voided: boolean;
}

/** The media gate's state for the next (or held) question (media-gate.ts); plain data, kept in journal snapshots. */
export interface MediaGate {
  /** Position in this game of the question whose pictures were named. */
  question: number;
  /** The pictures' media names, as sent in `media`. */
  refs: string[];
  /** Players who said they have them. */
  ready: string[];
  /** While the question is held: when it opens anyway; null before it is due. */
  until: number | null;
}

export interface GameState {
  settings: GameSettings;
  quiz: Quiz;
  phase: Phase;
  /** When the current phase ends by itself; null while it waits (lobby, or the host's Next). */
  endsAt: number | null;
  players: Map<string, Player>;
  /** Players who joined while a game was running, in join order: they play from the next game. */
  waiting: Map<string, Player>;
  /** Each name key (see name-keys.ts) of everyone in the room, to their id: names must look different. */
  names: Map<string, string>;
  /**
   * Players and waiting players by the address they joined from; a player removed and blocked
   * keeps their seat here for the rest of the session.
   */
  perAddress: Map<string, number>;
  /** Name keys the host blocked for the rest of the session, to the name that was blocked. */
  blockedNames: Map<string, string>;
  /** Disconnected lobby players in the order their grace ends (entries go stale on reconnect). */
  dropQueue: { id: string; at: number }[];
  connectedCount: number;
  nextSeq: number;
  /**
   * The quiz's question index for each position of this game (see question-order.ts); empty
   * means quiz order. Drawn when the game leaves the lobby.
   */
  order: number[];
  /** Position of the current (or last) question in this game; -1 before the first. */
  questionIndex: number;
  round: Round | null;
  /** Player ids best first, as ranked when the last question closed. */
  ranking: string[];
  /** Counts games played in this room; a new game increments it. */
  gameNo: number;
  /** When this game left the lobby (its countdown, or its first question); null in the lobby. */
  startedAt: number | null;
  /**
   * The questions of this game that have closed, in order: the game's record, for its report.
   * Replaced, never changed in place, so that a copy of the state taken between steps stays true.
   */
  played: readonly PlayedQuestion[];
  /**
   * When the host paused the open question's timer (pause.ts); null or absent when it runs.
   * Optional, so that states written down before pausing existed read back as running.
   */
  pausedAt?: number | null;
  /**
   * The next question's pictures and which phones have them (media-gate.ts); null or absent when
   * the next question has none. Optional, so that states written down before it read back as none.
   */
  mediaGate?: MediaGate | null;
  /**
   * The session's table (session-totals.ts) as ranked when the last game finished: player ids,
   * best first. Replaced, never changed in place. Absent before the first game finished.
   */
  sessionRanking?: readonly string[];
}

export interface EngineOptions {
  settings?: Partial<GameSettings>;
}

export function createGame(quiz: Quiz, options: EngineOptions = {}): GameState {
  return {
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    quiz,
    phase: 'lobby',
    endsAt: null,
    players: new Map(),
    waiting: new Map(),
    names: new Map(),
    perAddress: new Map(),
    blockedNames: new Map(),
    dropQueue: [],
    connectedCount: 0,
    nextSeq: 1,
    order: [],
    questionIndex: -1,
    round: null,
    ranking: [],
    gameNo: 1,
    startedAt: null,
    played: [],
    pausedAt: null,
    mediaGate: null,
  };
}

/** Clears every player's game record for a new game; players keep their slots and names. */
export function resetPlayers(state: GameState): void {
  for (const p of state.players.values()) {
    p.score = 0;
    p.streak = 0;
    p.correctCount = 0;
    p.totalTimeMs = 0;
    p.answers = [];
    p.pending = null;
    p.lastResult = null;
    p.rank = null;
  }
}
