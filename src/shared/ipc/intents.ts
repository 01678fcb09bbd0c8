/**
 * Every intent the screens can send, declared once: its name, where it exists (`game`: every
 * platform; `desktop`: the desktop app only), the schema of its arguments and what it answers.
 * Everything else is derived from this table: the renderer's API types (shared/api/quiz-api.ts),
 * the IPC channels (channels.ts), the main process's argument checks (app/ipc-handlers.ts), the
 * preload's `window.quiz` (preload/bridge.ts) and the desktop adapter (renderer/api/electron-adapter.ts),
 * after the idea of VS Code's ProxyChannel.
 *
 * The table loads no zod: each intent's schema is a function of a kit of schemas
 * (intent-schema-kit.ts) that only the main process builds. The sandboxed preload (which cannot
 * load packages) and the phone's bundle (which must stay small) read this table too.
 */
import type { z } from 'zod';
import type {
  AddMediaResult,
  ImportQuizResult,
  IntentResult,
  NewQuizResult,
  OpenQuizResult,
  OpenReportResult,
  PersonHistoryResult,
  SaveQuizResult,
} from '../api/intent-results';
import type { NetworkCheck } from '../api/network-check';
import type { SchemaKit } from './intent-schema-kit';

export type Surface = 'game' | 'desktop';

/** One intent; `R` (void: fire and forget) exists in types only. */
export interface Intent<S extends Surface, A extends z.ZodTuple, R> {
  readonly surface: S;
  /** The arguments' schema, built from the kit in the main process. */
  readonly args: (kit: SchemaKit) => A;
  /** True when callers await an answer; false: fire and forget. */
  readonly answers: boolean;
  /** Never set: carries the answer's type. */
  readonly answer?: R;
}

interface Answer<R> {
  readonly answers: true;
  readonly answer?: R;
}

/** Marks an intent that answers with an `R`. */
const answers = <R>(): Answer<R> => ({ answers: true });

function on<S extends Surface>(surface: S) {
  function intent<A extends z.ZodTuple>(args: (kit: SchemaKit) => A): Intent<S, A, void>;
  function intent<A extends z.ZodTuple, R>(args: (kit: SchemaKit) => A, answer: Answer<R>): Intent<S, A, R>;
  function intent<A extends z.ZodTuple, R>(
    args: (kit: SchemaKit) => A,
    answer?: Answer<R>,
  ): Intent<S, A, R | void> {
    return { surface, args, answers: answer !== undefined };
  }
  return intent;
}

const game = on('game');
const desktop = on('desktop');

export const INTENTS = {
  // --- The game: every platform ---------------------------------------------------------------

  /**
   * Joins the connected room as a player (errors arrive in game.error: name_taken, pin_wrong…);
   * `identity`: the class-list name picked, or the identifier asked for (settings `identity`).
   */
  join: game(({ z, identity }) =>
    z.tuple([z.string().max(200), z.string().max(20).optional(), identity.optional()]),
  ),
  /** A joined player gives their identity: after the host freed it, or when asked once in. */
  giveIdentity: game(({ z, identity }) => z.tuple([identity])),
  /**
   * Answers the open question: an option (from 0), or the answer of another kind of question
   * (see protocol/answer-response.ts); as the host's own player when playing too.
   */
  answer: game(({ z, answerResponse }) =>
    z.tuple([z.union([z.number().int().min(0).max(16), answerResponse])]),
  ),
  /** Host: starts the game now. */
  start: game(({ z }) => z.tuple([])),
  /** Host: stops the countdown before the first question; the room waits for Start. */
  cancelStart: game(({ z }) => z.tuple([])),
  /** Host: pauses (true) or resumes (false) the open question's timer. */
  pause: game(({ z }) => z.tuple([z.boolean()])),
  /** Host: moves on from reveal or leaderboard. */
  next: game(({ z }) => z.tuple([])),
  /** Host: closes the open question without scoring it. */
  skip: game(({ z }) => z.tuple([])),
  /** Host: ends the game and shows the final results. */
  end: game(({ z }) => z.tuple([])),
  /** Host: removes a player; `block`: and bars their name and address seat for the session. */
  kick: game(({ z }) => z.tuple([z.string().min(1).max(32), z.boolean().optional()])),
  /** Host: gives a player 1.5 or 2 times each question's time from the next question on (1: none). */
  extraTime: game(({ z }) =>
    z.tuple([z.string().min(1).max(32), z.union([z.literal(1), z.literal(1.5), z.literal(2)])]),
  ),
  /** A player picks a team in the lobby (an index into TEAM_COLORS), where the host lets players pick. */
  pickTeam: game(({ z }) => z.tuple([z.number().int().min(0).max(63)])),
  /** Host: puts a player in a team (in the lobby or after a game). */
  setTeam: game(({ z }) => z.tuple([z.string().min(1).max(32), z.number().int().min(0).max(63)])),
  /** Host: evens the teams out, moving as few players as it can. */
  balanceTeams: game(({ z }) => z.tuple([])),
  /** Host: frees a player's class-list name or identifier; they are asked for it again. */
  releaseIdentity: game(({ z }) => z.tuple([z.string().min(1).max(32)])),
  /** Host: removes every player who is not connected (in the lobby or after a game). */
  removeDisconnected: game(({ z }) => z.tuple([])),
  /** Host: changes game settings. */
  updateSettings: game(({ z, settingsPatch }) => z.tuple([settingsPatch])),
  /** Host: starts another game, with the quiz `quizId` or the same quiz. */
  newGame: game(({ z, quizId }) => z.tuple([quizId.optional()])),
  /**
   * Host's own screen: asks for a one-time pass that lets a phone take the host's controls (it
   * arrives as `game.remotePass`, with the addresses to show as a QR code).
   */
  issueRemotePass: game(({ z }) => z.tuple([])),
  /** Host's own screen: takes the controls back from the phone `id` (one of `game.remotes`). */
  revokeRemote: game(({ z }) => z.tuple([z.string().min(1).max(32)])),
  /** Host: saves the results as CSV (a download in a browser, a save dialog on desktop). */
  exportCsv: game(({ z }) => z.tuple([]), answers<IntentResult>()),
  /**
   * Leaves the room, giving up the player's seat: desktop returns to Home; a browser becomes a
   * guest of the same room (or, when the host cannot be told, forgets its player and starts over).
   */
  leave: game(({ z }) => z.tuple([])),

  // --- The desktop app only: hosting, browsing, the library, reports ---------------------------

  /** Opens a room with this config and connects this app as its host. */
  hostRoom: desktop(({ z, hostConfig }) => z.tuple([hostConfig]), answers<IntentResult>()),
  /** Closes the hosted room. */
  stopHosting: desktop(({ z }) => z.tuple([]), answers<IntentResult>()),
  /**
   * Opens the projector window (the hosted room's screen without its controls, full screen on
   * another display when there is one), or closes it when open.
   */
  toggleProjector: desktop(({ z }) => z.tuple([]), answers<IntentResult>()),
  /** Reopens the interrupted room from its journal; players come back by themselves. */
  resumeHosting: desktop(({ z }) => z.tuple([]), answers<IntentResult>()),
  /** Connects to the room at address:port as a guest (then join). */
  connect: desktop(
    ({ z, port }) => z.tuple([z.string().trim().min(1).max(255), port]),
    answers<IntentResult>(),
  ),
  /** Asks the LAN for rooms again now. */
  refreshRooms: desktop(({ z }) => z.tuple([])),
  /** Picks a quiz file of any importable format and adds it to the library. */
  importQuiz: desktop(({ z }) => z.tuple([]), answers<ImportQuizResult>()),
  /** The library's quiz `id`, to edit. */
  openQuiz: desktop(({ z, quizId }) => z.tuple([quizId]), answers<OpenQuizResult>()),
  /** Saves the edited quiz; an invalid one is kept as a draft and its problems returned. */
  saveQuiz: desktop(({ z, fileId, quizDraft }) => z.tuple([fileId, quizDraft]), answers<SaveQuizResult>()),
  /** Writes the library quiz `id` to a file where the person chooses: a .quizroom package when it has media, else .json. */
  exportQuiz: desktop(({ z, fileId }) => z.tuple([fileId]), answers<IntentResult>()),
  /**
   * Adds a picture or sound (its file name and bytes) to the library's media: checked, scaled and
   * cleaned (main/media/media-ingest.ts); answers its media name.
   */
  addMedia: desktop(
    ({ z, mediaFileName, mediaBytes }) => z.tuple([mediaFileName, mediaBytes]),
    answers<AddMediaResult>(),
  ),
  /** Adds a new quiz with one question to fill in. */
  createQuiz: desktop(({ z }) => z.tuple([]), answers<NewQuizResult>()),
  /** Copies a quiz (built-in ones too) as "… (copy)". */
  duplicateQuiz: desktop(({ z, quizId }) => z.tuple([quizId]), answers<NewQuizResult>()),
  /** Deletes a library quiz (not a built-in one). */
  deleteQuiz: desktop(({ z, fileId }) => z.tuple([fileId]), answers<IntentResult>()),
  /** A saved game report. */
  openReport: desktop(({ z, fileId }) => z.tuple([fileId]), answers<OpenReportResult>()),
  /** Saves a report as CSV or XLSX where the person chooses. */
  exportReport: desktop(
    ({ z, fileId }) => z.tuple([fileId, z.enum(['csv', 'xlsx'])]),
    answers<IntentResult>(),
  ),
  /** Deletes a saved report. */
  deleteReport: desktop(({ z, fileId }) => z.tuple([fileId]), answers<IntentResult>()),
  /**
   * One person's past games, across the saved reports: every game a player had this identity
   * (class-list name or identifier; matched ignoring case and accents), newest first.
   */
  personHistory: desktop(({ z, identity }) => z.tuple([identity]), answers<PersonHistoryResult>()),
  /** Checks what stands in the way of players reaching this computer (the open room's port, if any). */
  checkNetwork: desktop(({ z }) => z.tuple([]), answers<NetworkCheck>()),
};

export type Intents = typeof INTENTS;
export type IntentName = keyof Intents;
export const INTENT_NAMES = Object.keys(INTENTS) as IntentName[];

/** The names of one surface's intents. */
export function intentsOf(surface: Surface): IntentName[] {
  return INTENT_NAMES.filter((name) => INTENTS[name].surface === surface);
}

type ArgsSchemaOf<K extends IntentName> = ReturnType<Intents[K]['args']>;
/** What a caller passes. */
export type ArgsOf<K extends IntentName> = z.input<ArgsSchemaOf<K>>;
/** What the main process hands on once the arguments have passed their schema. */
export type CheckedArgsOf<K extends IntentName> = z.output<ArgsSchemaOf<K>>;
/** What the intent answers; void for fire and forget. */
export type AnswerOf<K extends IntentName> = Exclude<Intents[K]['answer'], undefined>;
type Returns<K extends IntentName> = [AnswerOf<K>] extends [void] ? void : Promise<AnswerOf<K>>;

/** The methods of one surface, as callers see them. */
export type SurfaceMethods<S extends Surface> = {
  [K in IntentName as Intents[K]['surface'] extends S ? K : never]: (...args: ArgsOf<K>) => Returns<K>;
};

/** What answers every intent in the main process, with checked arguments. */
export type IntentHandlers = {
  [K in IntentName]: (...args: CheckedArgsOf<K>) => Returns<K>;
};
