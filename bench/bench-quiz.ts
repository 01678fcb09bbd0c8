/**
 * The quiz and room settings every benchmark run uses: real questions from the built-in pack
 * (so that question frames have their real size), each with the room's time limit, and settings
 * for a room nobody has to wait for: started by the bench's host connection, short reveal and
 * leaderboard, moving on by itself.
 */
import type { GameSettings } from '../src/shared/protocol';
import { builtinPack } from '../src/shared/quiz/builtin-pack';
import type { Quiz } from '../src/shared/quiz/quiz-schema';

export const QUESTION_SECONDS = 10;

export function benchQuiz(questions: number): Quiz {
  const all = builtinPack().flatMap((p) => p.quiz.questions);
  return {
    title: 'Load benchmark',
    questions: Array.from({ length: questions }, (_, i) => {
      const { timeLimit: _limit, ...q } = all[i % all.length]!;
      return q;
    }),
  };
}

/** The index of the correct option of every question: the simulated players' knowledge. */
export function answerKey(quiz: Quiz): number[] {
  return quiz.questions.map((q) => (q.kind === 'choice' ? q.correct : 0));
}

export function benchSettings(players: number): Partial<GameSettings> {
  return {
    minPlayers: 0,
    countdownSeconds: 1,
    questionSeconds: QUESTION_SECONDS,
    revealSeconds: 1,
    leaderboardSeconds: 1,
    autoAdvance: true,
    maxPlayers: Math.max(players, 1),
    lateJoin: false,
    // Every simulated player comes from 127.0.0.1.
    maxPlayersPerAddress: Math.max(players, 1),
  };
}
