/**
 * How a report's values read in its exports: times in seconds, extra time as "2×", question
 * statuses in words, and
 * the default file name of an export.
 */
import { TEAM_COLORS } from '../../shared/protocol';
import { identityColumn, ROSTER_ID_COLUMN } from '../../shared/roster/identity-column';
import { fileSlug } from '../library/file-slug';
import type { GameReport, ReportPlayer, ReportQuestion } from './game-report';

/** Milliseconds as seconds, exactly ("3.25"), for a spreadsheet cell. */
export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

/** A player's extra time in a cell: "1.5×", "2×", or empty for none. */
export function extraTimeWords(factor: number | undefined): string {
  return factor && factor > 1 ? `${factor}×` : '';
}

/** A player's team in a cell: its colour ("Red"), or empty without teams. */
export function teamWords(team: number | undefined): string {
  const colour = team === undefined ? undefined : TEAM_COLORS[team];
  return colour ? colour[0]!.toUpperCase() + colour.slice(1) : '';
}

/**
 * The identity columns of a report's player tables: their titles, and each player's cells. None
 * when no identity was asked for (and no player has one: an older report has no settings).
 */
export function identityColumns(report: GameReport): {
  header: string[];
  cells: (p: ReportPlayer) => string[];
} {
  const title =
    identityColumn(report.settings) ??
    (report.players.some((p) => p.identity !== undefined) ? 'Identity' : null);
  if (title === null) return { header: [], cells: () => [] };
  const ids = report.players.some((p) => p.rosterId !== undefined);
  return {
    header: ids ? [title, ROSTER_ID_COLUMN] : [title],
    cells: (p) => (ids ? [p.identity ?? '', p.rosterId ?? ''] : [p.identity ?? '']),
  };
}

export const STATUS_TEXT: Record<ReportQuestion['status'], string> = {
  played: 'played',
  skipped: 'skipped by the host',
  not_reached: 'not reached',
};

/** "quizroom-report-science-2026-05-01.csv" */
export function reportFileName(report: GameReport, extension: 'csv' | 'xlsx'): string {
  return `quizroom-report-${fileSlug(report.quiz.title, 'game', 40)}-${report.finishedAt.slice(0, 10)}.${extension}`;
}
