/**
 * The saved game reports: one JSON file per finished game in `<library>/reports/`, written
 * atomically and readable by their owner only, named by finish time and quiz title so that the folder sorts by date. Reading
 * checks every file against the report schema; a broken file is listed with its error and never
 * stops the list.
 */
import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { findJsonSyntaxError, lineAndColumn } from '../../shared/quiz/json-syntax';
import { formatIssues } from '../../shared/quiz/load-quiz';
import { atomicWrite, isTempFileName } from '../library/atomic-write';
import { fileSlug } from '../library/file-slug';
import { ensureOwnerOnlyFolder } from '../library/owner-only';
import { LibraryIdSchema } from '../library/quiz-library';
import { GameReportSchema, type GameReport } from './game-report';
import type { ReportListing } from '../../shared/api/quiz-api';

export const REPORTS_FOLDER = 'reports';
const MAX_REPORT_BYTES = 50 * 1024 * 1024;

/** A report that cannot be found or read; the message names the file and the field. */
export class ReportError extends Error {
  constructor(
    readonly code: 'not_found' | 'invalid' | 'invalid_id',
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }
}

/** A saved report as the list shows it (the wire type the window sees, owned by QuizApi). */
export type ReportSummary = ReportListing;

export interface SavedReport {
  id: string;
  path: string;
}

export class ReportStore {
  readonly folder: string;

  /** `libraryFolder` is the quiz library; reports live in its `reports` subfolder. */
  constructor(libraryFolder: string) {
    this.folder = join(libraryFolder, REPORTS_FOLDER);
  }

  async save(report: GameReport): Promise<SavedReport> {
    const checked = GameReportSchema.safeParse(report);
    if (!checked.success) {
      const problems = formatIssues(checked.error.issues, 'the report');
      throw new ReportError(
        'invalid',
        `The report of "${report.quiz.title}" is not valid: ${problems.join('; ')}`,
      );
    }
    const valid = checked.data;
    await ensureOwnerOnlyFolder(this.folder);
    const stamp = valid.finishedAt
      .replace(/\.\d+/, '')
      .replace(/[-:]/g, '')
      .replace(/Z$/, '')
      .replace('T', '-');
    const base = `${stamp}-${fileSlug(valid.quiz.title, 'game', 40)}`;
    const text = `${JSON.stringify(valid, null, 2)}\n`;
    for (let n = 1; ; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      const path = join(this.folder, `${id}.json`);
      try {
        await atomicWrite(path, text, { exclusive: true });
        return { id, path };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 1000) throw e;
      }
    }
  }

  /** Newest first; broken files last. */
  async list(): Promise<ReportSummary[]> {
    let names: string[];
    try {
      names = await readdir(this.folder);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const ids = names
      .filter((n) => n.endsWith('.json') && !n.startsWith('.') && !isTempFileName(n))
      .map((n) => n.slice(0, -5));
    const summaries = await Promise.all(ids.map((id) => this.summaryOf(id)));
    const ok = summaries
      .filter((s) => s.status === 'ok')
      .sort((a, b) => b.finishedAt.localeCompare(a.finishedAt) || b.id.localeCompare(a.id));
    const broken = summaries.filter((s) => s.status === 'broken').sort((a, b) => a.id.localeCompare(b.id));
    return [...ok, ...broken];
  }

  async read(id: string): Promise<GameReport> {
    const path = this.pathOf(id);
    let text: string;
    try {
      if ((await stat(path)).size > MAX_REPORT_BYTES)
        throw new ReportError('invalid', `${path} is too large to be a report.`);
      text = await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ReportError('not_found', `There is no report "${id}" in ${this.folder}.`);
      throw e;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const found = findJsonSyntaxError(text);
      const where = found ? ` at ${lineAndColumn(text, found.offset)}: ${found.reason}` : '';
      throw new ReportError('invalid', `${path} is not valid JSON${where}.`);
    }
    const result = GameReportSchema.safeParse(value);
    if (!result.success) {
      const problems = formatIssues(result.error.issues, 'the report');
      throw new ReportError(
        'invalid',
        `${path} is not a valid game report: ${problems.slice(0, 5).join('; ')}`,
      );
    }
    return result.data;
  }

  async delete(id: string): Promise<void> {
    try {
      await unlink(this.pathOf(id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT')
        throw new ReportError('not_found', `There is no report "${id}" in ${this.folder}.`);
      throw e;
    }
  }

  pathOf(id: string): string {
    const checked = LibraryIdSchema.safeParse(id);
    if (!checked.success)
      throw new ReportError(
        'invalid_id',
        `"${id}" is not a valid report id: it ${checked.error.issues[0]?.message}.`,
      );
    return join(this.folder, `${id}.json`);
  }

  private async summaryOf(id: string): Promise<ReportSummary> {
    try {
      const r = await this.read(id);
      const top = r.players[0];
      return {
        status: 'ok',
        id,
        quizTitle: r.quiz.title,
        roomName: r.roomName,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        playerCount: r.players.length,
        questionCount: r.questions.length,
        winner: top ? { name: top.name, score: top.score } : null,
      };
    } catch (e) {
      return { status: 'broken', id, error: e instanceof Error ? e.message : String(e) };
    }
  }
}
