/**
 * What intents take and answer. An intent that can fail answers with a failure (a code and a
 * message a person can read); no intent rejects, on any platform (the adapters see to that), so
 * a screen that awaits one always gets an answer to show.
 */
import type { GameSettings, QuizChoice, SettingsPatch } from '../protocol';
import type { QuizDraft, QuizProblem } from '../quiz/quiz-draft';
import type { QuestionKind } from '../quiz/quiz-schema';

export type { QuizDraft, QuizDraftQuestion, QuizProblem } from '../quiz/quiz-draft';

/** A quiz the host may choose, built-in pack first (the wire type hosts get in their snapshot). */
export type { QuizChoice };

/** An intent's failure: codes such as unreachable, host_failed, cancelled, invalid_quiz, refused. */
export type Failure = { ok: false; code: string; message: string };
/** The answer of an intent that answers nothing but whether it worked. */
export type IntentResult = { ok: true } | Failure;

export const OK: { ok: true } = { ok: true };

export function failure(code: string, message: string): Failure {
  return { ok: false, code, message };
}

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
  /** Other room settings (names, scoring, question order); the fields above win. */
  settings?: SettingsPatch;
}

/** A finished game's report (see src/main/reports/game-report.ts, which owns the format). */
export interface ReportData {
  roomName: string;
  gameNo: number;
  startedAt: string;
  finishedAt: string;
  quiz: { title: string; description?: string };
  /** The room's settings when the game ended; absent in older reports. */
  settings?: GameSettings;
  /** Question numbers (from 1) in the order asked; absent in older reports. */
  questionOrder?: number[];
  questions: {
    number: number;
    prompt: string;
    kind: QuestionKind;
    options: string[];
    /** -1 for kinds without one right option: see `rightAnswer`. */
    correct: number;
    rightAnswer?: string;
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
    /** Extra time the host granted (1.5 or 2 times each question's time); absent: none. */
    extraTime?: number;
    /** Who the player is (settings `identity`): class-list name or identifier; absent: none. */
    identity?: string;
    /** The class list's id of that name, when the list gives one. */
    rosterId?: string;
    answers: ({
      option?: number;
      answer?: string;
      correct: boolean;
      credit?: number;
      elapsedMs: number;
      points: number;
    } | null)[];
  }[];
}

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
      /** What became which kind, in words ("As: 3 multiple choice, 1 typed answer."). */
      kinds: string;
      /** Pictures and sounds the file brought (a package's), now in the library's media. */
      media?: number;
      skipped: { where: string; reason: string }[];
      adjusted: { where: string; reason: string }[];
    }
  | Failure;
/** A picture or sound added to the library's media: its name there, for the quiz to refer to. */
export type AddMediaResult = { ok: true; ref: string; kind: 'image' | 'audio' } | Failure;
export type OpenReportResult = { ok: true; report: ReportData } | Failure;

/** One game of a person's history (personHistory): where they stood in it. */
export interface PersonGame {
  /** The report's id (openReport). */
  reportId: string;
  startedAt: string;
  finishedAt: string;
  quizTitle: string;
  roomName: string;
  /** The nickname they played under. */
  name: string;
  score: number;
  rank: number;
  correctCount: number;
  questionCount: number;
  playerCount: number;
}

/**
 * personHistory: the games of one identity, newest first; `identity` as the latest report spells it.
 * `skipped`: reports that could not be read (broken files).
 */
export type PersonHistoryResult =
  { ok: true; identity: string; games: PersonGame[]; skipped: number } | Failure;
