/**
 * A finished game as plain data: what the engine hands out with `game_over`, so that whoever
 * writes the game's report reads what the engine recorded (when the game started, when each
 * question opened and whether the host skipped it) instead of guessing it from the outside. A
 * copy: the state goes on changing when a new game starts.
 */
import type { GameSettings } from '../../shared/protocol';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { rosterIdOf } from '../../shared/roster/roster-id';
import { quizIndexAt } from './question-order';
import type { AnswerRecord, GameState, PlayedQuestion } from './state';

export interface PlayerRecord {
  id: string;
  name: string;
  rank: number;
  score: number;
  correctCount: number;
  totalTimeMs: number;
  /** Connected when the game ended. */
  connected: boolean;
  /** One entry per quiz question; null where the player gave no answer. */
  answers: (AnswerRecord | null)[];
  /** Extra time the host granted (1.5 or 2 times each question's time); absent: none. */
  extraTime?: number;
  /** The player's team (an index into TEAM_COLORS), in a room with teams. */
  team?: number;
  /** With `runningTotals`: the player's total over the session's games, this one included. */
  sessionTotal?: number;
  /** Who the player is (settings `identity`): their class-list name or typed identifier. */
  identity?: string;
  /** The class list's id of that name, when the list gives one. */
  rosterId?: string;
}

export interface GameRecord {
  gameNo: number;
  quiz: Quiz;
  /** The room's time per question when the game ended (for questions never reached). */
  questionSeconds: number;
  startedAt: number;
  finishedAt: number;
  /** The room's settings when the game ended. */
  settings: GameSettings;
  /** The quiz's question indexes in the order this game asked them. */
  order: number[];
  /** The questions that closed (by the quiz's index), in the order asked; the others were never reached. */
  played: readonly PlayedQuestion[];
  /** Best first. */
  players: PlayerRecord[];
}

export function gameRecord(state: Readonly<GameState>, finishedAt: number): GameRecord {
  const questions = state.quiz.questions.length;
  const players = [...state.players.values()].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.seq - b.seq,
  );
  return {
    gameNo: state.gameNo,
    quiz: state.quiz,
    questionSeconds: state.settings.questionSeconds,
    settings: state.settings,
    order: Array.from({ length: questions }, (_, i) => quizIndexAt(state, i)),
    startedAt: state.startedAt ?? finishedAt,
    finishedAt,
    played: state.played,
    players: players.map((p, i) => ({
      id: p.id,
      name: p.name,
      rank: p.rank ?? i + 1,
      score: p.score,
      correctCount: p.correctCount,
      totalTimeMs: p.totalTimeMs,
      connected: p.connected,
      answers: Array.from({ length: questions }, (_, q) => p.answers[q] ?? null),
      ...(p.extraTime ? { extraTime: p.extraTime } : {}),
      ...(p.team !== undefined ? { team: p.team } : {}),
      ...(state.settings.runningTotals ? { sessionTotal: p.sessionScore ?? p.score } : {}),
      ...identityOf(state, p.identity),
    })),
  };
}

function identityOf(state: Readonly<GameState>, identity: string | undefined): Partial<PlayerRecord> {
  if (identity === undefined) return {};
  const rosterId = rosterIdOf(state.settings, identity);
  return rosterId === undefined ? { identity } : { identity, rosterId };
}
