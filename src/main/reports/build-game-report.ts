/**
 * The report of a finished game, built from the engine's state at game over. Pure: it copies
 * what it needs (the state goes on changing when a new game starts) and reads no clock; the
 * caller gives the room name and the start and finish times.
 */
import type { GameState } from '../game/state';
import { REPORT_FORMAT, type GameReport, type ReportAnswer, type ReportQuestion } from './game-report';

export interface GameReportMeta {
  roomName: string;
  startedAt: Date | number;
  finishedAt: Date | number;
  /** Questions the host skipped (indexes), as seen while the game ran. */
  skipped?: readonly number[];
}

const iso = (t: Date | number) => new Date(t).toISOString();

export function buildGameReport(state: Readonly<GameState>, meta: GameReportMeta): GameReport {
  const quiz = state.quiz;
  const players = [...state.players.values()].sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || a.seq - b.seq,
  );
  const skipped = new Set(meta.skipped ?? []);
  // The last question played; later ones were never reached (the host ended the game early).
  const lastPlayed = state.questionIndex;

  const questions: ReportQuestion[] = quiz.questions.map((q, index) => {
    const answers = players.map((p) => p.answers[index] ?? null).filter((a) => a !== null);
    // A skipped question scores nothing even for a right answer, which no played question does.
    const voided = skipped.has(index) || (q.points > 0 && answers.some((a) => a.correct && a.points === 0));
    const optionCounts = q.options.map(() => 0);
    for (const a of answers) optionCounts[a.option] = (optionCounts[a.option] ?? 0) + 1;
    return {
      number: index + 1,
      prompt: q.prompt,
      options: [...q.options],
      correct: q.correct,
      points: q.points,
      timeLimitS: q.timeLimit ?? state.settings.questionSeconds,
      status: index > lastPlayed ? 'not_reached' : voided ? 'skipped' : 'played',
      answered: answers.length,
      right: answers.filter((a) => a.correct).length,
      averageTimeMs:
        answers.length > 0
          ? Math.round(answers.reduce((sum, a) => sum + a.elapsedMs, 0) / answers.length)
          : null,
      optionCounts,
    };
  });

  return {
    format: REPORT_FORMAT,
    roomName: meta.roomName,
    gameNo: state.gameNo,
    startedAt: iso(meta.startedAt),
    finishedAt: iso(meta.finishedAt),
    quiz: { title: quiz.title, ...(quiz.description ? { description: quiz.description } : {}) },
    questions,
    players: players.map((p, i) => ({
      id: p.id,
      name: p.name,
      rank: p.rank ?? i + 1,
      score: p.score,
      correctCount: p.correctCount,
      totalTimeMs: p.totalTimeMs,
      connected: p.connected,
      answers: quiz.questions.map((_, index): ReportAnswer | null => {
        const a = p.answers[index];
        return a ? { option: a.option, correct: a.correct, elapsedMs: a.elapsedMs, points: a.points } : null;
      }),
    })),
  };
}
