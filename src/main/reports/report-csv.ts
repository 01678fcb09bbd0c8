/**
 * A game report as CSV, for spreadsheets: `reportCsv` is one row per player, best first, with
 * the leaderboard columns of the results export (and the team, in a game played in teams) and
 * then four columns per question (answer, correct, time, points); `reportQuestionsCsv` is one row per question with its statistics.
 * Times are in seconds. Cells a spreadsheet would run as a formula are defused by csvCell.
 */
import { csvTable, type CsvValue } from '../../shared/results-csv';
import type { GameReport, ReportAnswer, ReportQuestion } from './game-report';
import { rightWords } from './answer-words';
import { extraTimeWords, identityColumns, seconds, STATUS_TEXT, teamWords } from './report-values';

export function answerCells(question: ReportQuestion, answer: ReportAnswer | null): CsvValue[] {
  if (question.status === 'not_reached') return ['', '', '', ''];
  if (!answer) return ['', 'no', '', 0];
  return [
    answer.answer ?? (answer.option !== undefined ? (question.options[answer.option] ?? '') : ''),
    rightWords(answer.correct, answer.credit),
    seconds(answer.elapsedMs),
    answer.points,
  ];
}

export function reportCsv(report: GameReport): string {
  const teams = report.teams !== undefined;
  const identity = identityColumns(report);
  const header: CsvValue[] = [
    'Rank',
    'Name',
    ...identity.header,
    'Score',
    'Correct answers',
    'Total time (s)',
    'Extra time',
  ];
  if (teams) header.push('Team');
  const totals = report.players.some((p) => p.sessionTotal !== undefined);
  if (totals) header.push('Session total');
  for (const q of report.questions) {
    header.push(
      `Q${q.number} answer`,
      `Q${q.number} correct`,
      `Q${q.number} time (s)`,
      `Q${q.number} points`,
    );
  }
  const rows = report.players.map((p) => [
    p.rank,
    p.name,
    ...identity.cells(p),
    p.score,
    p.correctCount,
    seconds(p.totalTimeMs),
    extraTimeWords(p.extraTime),
    ...(teams ? [teamWords(p.team)] : []),
    ...(totals ? [p.sessionTotal ?? ''] : []),
    ...report.questions.flatMap((q, i) => answerCells(q, p.answers[i] ?? null)),
  ]);
  return csvTable([header, ...rows]);
}

export function reportQuestionsCsv(report: GameReport): string {
  const header = ['Question', 'Prompt', 'Correct answer', 'Status', 'Answered', 'Right', 'Average time (s)'];
  const rows = report.questions.map((q) => [
    q.number,
    q.prompt,
    q.rightAnswer ?? q.options[q.correct] ?? '',
    STATUS_TEXT[q.status],
    q.answered,
    q.right,
    q.averageTimeMs === null ? '' : seconds(q.averageTimeMs),
  ]);
  return csvTable([header, ...rows]);
}
