/**
 * A client's view of the game, rebuilt from the host's messages by a pure reducer. This is what
 * screens render: the same shape in the desktop app (pushed over IPC) and in a phone's browser.
 */
import {
  DEFAULT_SETTINGS,
  type AnswerFields,
  statusOf,
  type ErrorCode,
  type GameSettings,
  type GameStatus,
  type HostAccess,
  type HostNotice,
  type MediaList,
  type MediaWait,
  type LeaderRow,
  type Phase,
  type PlayerSummary,
  type QuestionView,
  type QuizChoice,
  type RemoteInfo,
  type RemotePass,
  type RevealView,
  type Role,
  type RoomView,
  type ServerMessage,
  type SessionRow,
  type TeamRow,
  type YouView,
} from '../protocol';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ClientView {
  connection: ConnectionState;
  /** True once the first snapshot has arrived. */
  ready: boolean;
  role: Role;
  room: RoomView | null;
  status: GameStatus;
  phase: Phase;
  /** When the current phase ends, on the host's clock; null when it waits for the host. */
  endsAt: number | null;
  /**
   * While the host is unreachable: the host-clock time at which the connection was lost, so that
   * countdowns stand still there (the game is paused); null when connected. Cleared by a snapshot.
   */
  pausedAt: number | null;
  settings: GameSettings;
  quiz: { title: string; questionCount: number } | null;
  playerCount: number;
  connectedCount: number;
  question: QuestionView | null;
  reveal: RevealView | null;
  top: LeaderRow[];
  /** With teams: the teams' table (reveal, leaderboard, finished). */
  teams: TeamRow[];
  /** With `teamMode: 'teams'`: how many players are in each team. */
  teamSizes: number[];
  /** With `identity: 'roster'`: the names on the class list to pick from (names only, sorted). */
  rosterNames: string[];
  /** With `identity: 'roster'`: the names already taken by a player. */
  claimedNames: string[];
  /** With `runningTotals`, when a game has finished: the session's table (hosts: all of it). */
  session: SessionRow[];
  you: YouView | null;
  /** Joined after the game started: who this player will be in the next game. */
  waiting: { id: string; name: string } | null;
  /** Players waiting for the next game. */
  waitingCount: number;
  /** The host paused the open question's timer, with this much time left; null while it runs. */
  paused: { remainingMs: number } | null;
  /**
   * The open question stays open only for players with extra time, `waiting` of whom have not
   * answered; null otherwise.
   */
  finishing: { waiting: number } | null;
  /** An answer sent but not yet acknowledged. */
  sending: ({ question: number } & AnswerFields) | null;
  /** Host only. */
  players: PlayerSummary[];
  answered: number;
  /** Host only: who answered the open question, in the order they did (never what). */
  answeredIds: string[];
  standings: LeaderRow[];
  access: HostAccess | null;
  /** The quizzes a new game may be played with, by id (the host resolves them). */
  quizzes: QuizChoice[];
  /** The last error the host reported to this client. */
  error: { code: ErrorCode; message: string; ref?: string; suggestion?: string } | null;
  /** The next question's pictures, named ahead so that they are here when it opens. */
  media: MediaList | null;
  /** Host only: the next question waits for these phones to have its pictures. */
  mediaWait: MediaWait | null;
  /** Host only: the last notice from the server (a burst of wrong PINs). */
  notice: HostNotice | null;
  /** Host's own screen: the last pass it asked for, to show as a QR code (null: none asked). */
  remotePass: RemotePass | null;
  /** Host's own screen: the phones that hold its controls. */
  remotes: RemoteInfo[];
  /** This client is a phone that holds the host's controls (its remote id), or null. */
  remoteId: string | null;
  /** Why the client stopped for good (kicked, protocol mismatch, closed by the user). */
  closedReason: string | null;
}

export function initialView(): ClientView {
  return {
    connection: 'connecting',
    ready: false,
    role: 'guest',
    room: null,
    status: 'NOT_STARTED',
    phase: 'lobby',
    endsAt: null,
    pausedAt: null,
    settings: DEFAULT_SETTINGS,
    quiz: null,
    playerCount: 0,
    connectedCount: 0,
    question: null,
    reveal: null,
    top: [],
    teams: [],
    teamSizes: [],
    rosterNames: [],
    claimedNames: [],
    session: [],
    you: null,
    waiting: null,
    waitingCount: 0,
    paused: null,
    finishing: null,
    sending: null,
    players: [],
    answered: 0,
    answeredIds: [],
    standings: [],
    access: null,
    quizzes: [],
    error: null,
    notice: null,
    media: null,
    mediaWait: null,
    remotePass: null,
    remotes: [],
    remoteId: null,
    closedReason: null,
  };
}

function withPhase(view: ClientView, phase: Phase, endsAt: number | null): ClientView {
  return { ...view, phase, status: statusOf(phase), endsAt, paused: null, finishing: null };
}

function upsertPlayer(players: PlayerSummary[], player: PlayerSummary): PlayerSummary[] {
  const i = players.findIndex((p) => p.id === player.id);
  if (i < 0) return [...players, player];
  const next = players.slice();
  next[i] = player;
  return next;
}

export function reduceView(view: ClientView, msg: ServerMessage): ClientView {
  switch (msg.type) {
    case 'welcome':
      return { ...view, role: msg.role };
    case 'snapshot':
      return {
        ...view,
        ready: true,
        room: msg.room,
        status: msg.status,
        phase: msg.phase,
        endsAt: msg.endsAt,
        pausedAt: null,
        settings: msg.settings,
        quiz: msg.quiz,
        playerCount: msg.playerCount,
        connectedCount: msg.connectedCount,
        question: msg.question,
        reveal: msg.reveal,
        top: msg.top,
        teams: validTeams(msg.teams),
        teamSizes: validSizes(msg.teamSizes),
        rosterNames: validNames(msg.rosterNames),
        claimedNames: validNames(msg.claimedNames),
        session: validSession(msg.session),
        you: msg.you,
        // Hosts before this field existed send none.
        waiting: msg.waiting ?? null,
        waitingCount: msg.waitingCount ?? 0,
        paused: msg.paused ?? null,
        finishing: msg.finishing ?? null,
        sending: null,
        players: msg.players ?? [],
        answered: msg.answered ?? 0,
        answeredIds: msg.answeredIds ?? [],
        standings: msg.standings ?? [],
        access: msg.access ?? null,
        quizzes: msg.quizzes ?? [],
        media: msg.media ?? null,
        mediaWait: msg.mediaWait ?? null,
        remotes: validRemotes(msg.remotes),
      };
    case 'joined':
      return { ...view, role: 'player', error: null };
    case 'left':
      return { ...view, role: 'guest', you: null, waiting: null, sending: null };
    case 'player':
      return { ...view, players: upsertPlayer(view.players, msg.player) };
    case 'player_removed':
      return { ...view, players: view.players.filter((p) => p.id !== msg.id) };
    case 'player_count':
      return {
        ...view,
        playerCount: msg.count,
        connectedCount: msg.connected,
        waitingCount: msg.waiting ?? view.waitingCount,
        teamSizes: validSizes(msg.teams),
        claimedNames: msg.claimedNames === undefined ? view.claimedNames : validNames(msg.claimedNames),
      };
    case 'team':
      return view.you && Number.isSafeInteger(msg.team)
        ? { ...view, you: { ...view.you, team: msg.team } }
        : view;
    case 'settings': {
      const roster = msg.settings.identity === 'roster';
      return {
        ...view,
        settings: msg.settings,
        // With a class list every settings message names it (phones get no settings.roster).
        rosterNames: roster ? validNames(msg.rosterNames) : [],
        claimedNames: roster ? validNames(msg.claimedNames) : [],
      };
    }
    case 'identity_released':
      return {
        ...view,
        you: view.you ? withoutIdentity(view.you) : null,
        // A player who had a name got no list with their snapshot: this one is theirs to pick from.
        rosterNames: msg.rosterNames === undefined ? view.rosterNames : validNames(msg.rosterNames),
        claimedNames: msg.claimedNames === undefined ? view.claimedNames : validNames(msg.claimedNames),
      };
    case 'countdown':
      return {
        ...withPhase(view, 'countdown', msg.endsAt),
        question: null,
        reveal: null,
        top: [],
        teams: [],
        session: [],
      };
    case 'lobby':
      return { ...withPhase(view, 'lobby', null), media: null, mediaWait: null };
    case 'question':
      return {
        ...withPhase(view, 'question', msg.endsAt),
        question: msg.question,
        reveal: null,
        answered: 0,
        // A player with extra time gets the question a second time, with their own deadline.
        answeredIds: view.question?.index === msg.question.index ? view.answeredIds : [],
        sending: null,
        mediaWait: null,
        you: view.you ? { ...view.you, answer: null, result: null } : null,
      };
    case 'media':
      return { ...view, media: { question: msg.question, refs: msg.refs } };
    case 'media_wait':
      return { ...view, mediaWait: { question: msg.question, until: msg.until, loading: msg.loading } };
    case 'paused':
      return view.question?.index === msg.question
        ? { ...view, paused: { remainingMs: msg.remainingMs } }
        : view;
    case 'resumed':
      return view.question?.index === msg.question
        ? {
            ...view,
            paused: null,
            endsAt: msg.endsAt,
            question: { ...view.question, openedAt: msg.openedAt, deadline: msg.deadline },
          }
        : view;
    case 'answer_ack':
      return { ...view, sending: null, you: view.you ? { ...view.you, answer: msg.answer } : null };
    case 'answer_count':
      return view.question && view.question.index === msg.question
        ? { ...view, answered: msg.answered, connectedCount: msg.connected }
        : view;
    case 'answered':
      return view.question && view.question.index === msg.question && Array.isArray(msg.ids)
        ? { ...view, answeredIds: view.answeredIds.concat(msg.ids) }
        : view;
    case 'finishing':
      return view.question && view.question.index === msg.question && view.phase === 'question'
        ? { ...view, finishing: { waiting: msg.waiting } }
        : view;
    case 'reveal':
      return {
        ...withPhase(view, 'reveal', msg.endsAt),
        reveal: msg.reveal,
        top: msg.top,
        teams: validTeams(msg.teams),
        sending: null,
      };
    case 'result':
      return {
        ...view,
        you: view.you
          ? {
              ...view.you,
              result: msg.result,
              score: msg.result.score,
              streak: msg.result.streak,
              rank: msg.result.rank,
            }
          : null,
      };
    case 'leaderboard':
      return { ...withPhase(view, 'leaderboard', msg.endsAt), top: msg.top, teams: validTeams(msg.teams) };
    case 'finished':
      return {
        ...withPhase(view, 'finished', null),
        top: msg.top,
        teams: validTeams(msg.teams),
        session: validSession(msg.session),
        media: null,
        mediaWait: null,
      };
    case 'standings':
      return {
        ...view,
        standings: msg.rows,
        session: msg.session ? validSession(msg.session) : view.session,
      };
    case 'session_total':
      return view.you && count(msg.total) && count(msg.rank) && count(msg.games)
        ? { ...view, you: { ...view.you, session: { total: msg.total, rank: msg.rank, games: msg.games } } }
        : view;
    case 'error': {
      const error: NonNullable<ClientView['error']> = { code: msg.code, message: msg.message };
      if (msg.ref !== undefined) error.ref = msg.ref;
      if (typeof msg.suggestion === 'string') error.suggestion = msg.suggestion;
      // A refused answer is no longer on its way.
      return { ...view, error, sending: msg.ref === 'answer' ? null : view.sending };
    }
    case 'notice':
      return isHostNotice(msg) ? { ...view, notice: msg } : view;
    case 'pong':
      return view;
    case 'remote_pass':
      return typeof msg.pass === 'string' && Array.isArray(msg.urls) && count(msg.expiresAt)
        ? { ...view, remotePass: { pass: msg.pass, urls: msg.urls.filter(isText), expiresAt: msg.expiresAt } }
        : view;
    case 'remotes':
      return { ...view, remotes: validRemotes(msg.remotes) };
    case 'remote_granted':
      return typeof msg.id === 'string' ? { ...view, remoteId: msg.id } : view;
  }
}

const isText = (s: unknown): s is string => typeof s === 'string';

/** The remotes as the protocol describes them, or none. */
function validRemotes(rows: RemoteInfo[] | undefined): RemoteInfo[] {
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r) =>
      typeof r === 'object' &&
      r !== null &&
      isText(r.id) &&
      isText(r.device) &&
      isText(r.address) &&
      count(r.since) &&
      typeof r.connected === 'boolean',
  );
}

const count = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** The teams' table as the protocol describes it, or none (checked by hand: no zod on phones). */
function validTeams(rows: TeamRow[] | undefined): TeamRow[] {
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r) =>
      typeof r === 'object' &&
      r !== null &&
      count(r.rank) &&
      count(r.team) &&
      count(r.members) &&
      count(r.score),
  );
}

/** The session's table as the protocol describes it, or none. */
function validSession(rows: SessionRow[] | undefined): SessionRow[] {
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (r) =>
      typeof r === 'object' &&
      r !== null &&
      typeof r.name === 'string' &&
      typeof r.id === 'string' &&
      count(r.rank) &&
      count(r.total) &&
      count(r.games),
  );
}

/** A list of names as the protocol describes it, or none. */
function validNames(names: string[] | undefined): string[] {
  return Array.isArray(names) && names.every((n) => typeof n === 'string') ? names : [];
}

function withoutIdentity(you: YouView): YouView {
  const rest = { ...you };
  delete rest.identity;
  return rest;
}

/** Team sizes as the protocol describes them, or none. */
function validSizes(sizes: number[] | undefined): number[] {
  return Array.isArray(sizes) && sizes.every(count) ? sizes : [];
}

/** A notice as the protocol describes it (checked by hand: the phone bundle carries no zod). */
function isHostNotice(msg: HostNotice): boolean {
  return msg.kind === 'pin_failures' && count(msg.count) && count(msg.addresses) && count(msg.windowMs);
}
