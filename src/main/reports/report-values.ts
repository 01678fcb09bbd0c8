/**
 * How a report's values read in its exports: times in seconds, extra time as "2×", question
 * statuses in words, and
 * the default file name of an export.
 */
import { TEAM_COLORS } from '../../shared/protocol';
import { fileSlug } from '../library/file-slug';
import type { GameReport, ReportQuestion } from './game-report';

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

export const STATUS_TEXT: Record<ReportQuestion['status'], string> = {
  played: 'played',
  skipped: 'skipped by the host',
  not_reached: 'not reached',
};

/** "quizroom-report-science-2026-05-01.csv" */
export function reportFileName(report: GameReport, extension: 'csv' | 'xlsx'): string {
  return `quizroom-report-${fileSlug(report.quiz.title, 'game', 40)}-${report.finishedAt.slice(0, 10)}.${extension}`;
}
