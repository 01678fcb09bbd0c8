/**
 * A game report as an Excel workbook (exceljs) with three sheets, each a plain table with its
 * header in row 1: Leaderboard (one row per player, best first, with each one's team in a game
 * played in teams), Questions (statistics per question) and Answers (one row per player per
 * question played, easy to filter); a game played in teams also has a Teams sheet. Times are
 * numbers of seconds, so a spreadsheet can sum and sort them.
 */
import ExcelJS from 'exceljs';
import type { GameReport } from './game-report';
import { rightWords } from './answer-words';
import { extraTimeWords, identityColumns, seconds, STATUS_TEXT, teamWords } from './report-values';

export const LEADERBOARD_COLUMNS = [
  'Rank',
  'Name',
  'Score',
  'Correct answers',
  'Total time (s)',
  'Connected at the end',
  'Extra time',
];
/** The Teams sheet, in a game played in teams. */
export const TEAMS_COLUMNS = ['Rank', 'Team', 'Score (average of members)', 'Members'];
export const QUESTIONS_COLUMNS = [
  'Question',
  'Prompt',
  'Correct answer',
  'Points',
  'Time limit (s)',
  'Status',
  'Answered',
  'Right',
  'Average time (s)',
];
export const ANSWERS_COLUMNS = [
  'Question',
  'Prompt',
  'Rank',
  'Name',
  'Answer',
  'Correct',
  'Time (s)',
  'Points',
];

type Row = (string | number | null)[];

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Row[],
  widths: number[],
): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

export async function reportXlsx(report: GameReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quizroom';
  workbook.title = `${report.quiz.title} (${report.roomName})`;
  workbook.created = new Date(report.finishedAt);

  const teams = report.teams;
  const totals = report.players.some((p) => p.sessionTotal !== undefined);
  // The identity columns (settings `identity`) follow the name, on the sheets that name players.
  const identity = identityColumns(report);
  const after = (columns: readonly string[], name: string, extra: string[]): string[] => {
    const at = columns.indexOf(name) + 1;
    return [...columns.slice(0, at), ...extra, ...columns.slice(at)];
  };
  const idWidths = identity.header.map(() => 24);
  addTable(
    workbook,
    'Leaderboard',
    [
      ...after(LEADERBOARD_COLUMNS, 'Name', identity.header),
      ...(teams ? ['Team'] : []),
      ...(totals ? ['Session total'] : []),
    ],
    report.players.map((p) => [
      p.rank,
      p.name,
      ...identity.cells(p),
      p.score,
      p.correctCount,
      seconds(p.totalTimeMs),
      p.connected ? 'yes' : 'no',
      extraTimeWords(p.extraTime),
      ...(teams ? [teamWords(p.team)] : []),
      ...(totals ? [p.sessionTotal ?? null] : []),
    ]),
    [6, 28, ...idWidths, 10, 16, 14, 20, 12, 10, 14],
  );
  if (teams)
    addTable(
      workbook,
      'Teams',
      TEAMS_COLUMNS,
      teams.map((t) => [t.rank, teamWords(t.team), t.score, t.members]),
      [6, 12, 26, 10],
    );
  addTable(
    workbook,
    'Questions',
    QUESTIONS_COLUMNS,
    report.questions.map((q) => [
      q.number,
      q.prompt,
      q.rightAnswer ?? q.options[q.correct] ?? '',
      q.points,
      q.timeLimitS,
      STATUS_TEXT[q.status],
      q.answered,
      q.right,
      q.averageTimeMs === null ? null : seconds(q.averageTimeMs),
    ]),
    [10, 50, 28, 8, 14, 20, 10, 8, 16],
  );
  const answers: Row[] = [];
  for (const q of report.questions) {
    if (q.status === 'not_reached') continue;
    const i = q.number - 1;
    for (const p of report.players) {
      const a = p.answers[i] ?? null;
      answers.push(
        a
          ? [
              q.number,
              q.prompt,
              p.rank,
              p.name,
              ...identity.cells(p),
              a.answer ?? (a.option !== undefined ? (q.options[a.option] ?? '') : ''),
              rightWords(a.correct, a.credit),
              seconds(a.elapsedMs),
              a.points,
            ]
          : [q.number, q.prompt, p.rank, p.name, ...identity.cells(p), null, 'no', null, 0],
      );
    }
  }
  addTable(workbook, 'Answers', after(ANSWERS_COLUMNS, 'Name', identity.header), answers, [
    10,
    50,
    6,
    28,
    ...idWidths,
    28,
    9,
    10,
    8,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
