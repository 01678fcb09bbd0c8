/**
 * The report of a finished game, built from the record the engine hands out at game over (see
 * game/game-record.ts): what happened to each question (played, skipped by the host, never
 * reached) is what the engine recorded. Pure; the room name is the caller's.
 */
import { rankTeams, type GameRecord } from '../game';
import { givenAnswerWords, reportOptions, rightAnswerWords } from './answer-words';
import { REPORT_FORMAT, type GameReport, type ReportAnswer, type ReportQuestion } from './game-report';

const iso = (t: number) => new Date(t).toISOString();

export function buildGameReport(record: GameRecord, roomName: string): GameReport {
  const { quiz, players } = record;
  const played = new Map(record.played.map((q) => [q.index, q]));

  const questions: ReportQuestion[] = quiz.questions.map((q, index) => {
    const answers = players.map((p) => p.answers[index] ?? null).filter((a) => a !== null);
    const closed = played.get(index);
    const options = reportOptions(q);
    const optionCounts = options.map(() => 0);
    for (const a of answers) {
      for (const o of a.option !== undefined ? [a.option] : (a.options ?? []))
        optionCounts[o] = (optionCounts[o] ?? 0) + 1;
    }
    return {
      number: index + 1,
      prompt: q.prompt,
      kind: q.kind,
      options,
      correct: q.kind === 'choice' ? q.correct : q.kind === 'true_false' ? (q.correct ? 0 : 1) : -1,
      rightAnswer: rightAnswerWords(q),
      points: q.points,
      timeLimitS: closed ? Math.round(closed.timeLimitMs / 1000) : (q.timeLimit ?? record.questionSeconds),
      status: !closed ? 'not_reached' : closed.voided ? 'skipped' : 'played',
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
    roomName,
    gameNo: record.gameNo,
    startedAt: iso(record.startedAt),
    finishedAt: iso(record.finishedAt),
    quiz: { title: quiz.title, ...(quiz.description ? { description: quiz.description } : {}) },
    settings: record.settings,
    questionOrder: record.order.map((i) => i + 1),
    questions,
    players: players.map((p) => ({
      id: p.id,
      name: p.name,
      rank: p.rank,
      score: p.score,
      correctCount: p.correctCount,
      totalTimeMs: p.totalTimeMs,
      connected: p.connected,
      ...(p.extraTime ? { extraTime: p.extraTime } : {}),
      ...(p.team !== undefined ? { team: p.team } : {}),
      ...(p.sessionTotal !== undefined ? { sessionTotal: p.sessionTotal } : {}),
      ...(p.identity !== undefined ? { identity: p.identity } : {}),
      ...(p.rosterId !== undefined ? { rosterId: p.rosterId } : {}),
      answers: p.answers.map((a, index): ReportAnswer | null => {
        const q = quiz.questions[index];
        if (!a || !q) return null;
        return {
          ...(a.option !== undefined ? { option: a.option } : {}),
          answer: givenAnswerWords(q, index, a),
          correct: a.correct,
          credit: a.credit,
          elapsedMs: a.elapsedMs,
          points: a.points,
        };
      }),
    })),
    ...(record.settings.teamMode === 'teams' ? { teams: rankTeams(players, record.settings.teamCount) } : {}),
  };
}
