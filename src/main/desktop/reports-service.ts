/**
 * Past games as the desktop window sees them: the saved reports (newest first), one report to
 * read, its export as CSV or XLSX where the person chooses, deleting one, and one person's games
 * (by their identity) across them. Hosted rooms save
 * into the same store.
 */
import type {
  IntentResult,
  OpenReportResult,
  PersonHistoryResult,
  ReportListing,
} from '../../shared/api/quiz-api';
import { failure, OK } from '../../shared/api/intent-results';
import { personHistory } from '../reports/person-history';
import { reportCsv } from '../reports/report-csv';
import { ReportStore } from '../reports/report-store';
import { reportFileName } from '../reports/report-values';
import { reportXlsx } from '../reports/report-xlsx';
import { failureOf } from './service-failure';

export type SaveFile = (defaultName: string, content: string | Uint8Array) => Promise<boolean>;

export class ReportsService {
  readonly store: ReportStore;
  private listed: ReportListing[] = [];

  constructor(
    libraryFolder: string,
    private readonly saveFile: SaveFile,
    /** Called whenever the list changes. */
    private readonly changed: () => void,
    private readonly reportError: (e: unknown) => void,
  ) {
    this.store = new ReportStore(libraryFolder);
  }

  get items(): ReportListing[] {
    return this.listed;
  }

  async refresh(): Promise<void> {
    try {
      this.listed = await this.store.list();
    } catch (e) {
      this.reportError(e);
    }
    this.changed();
  }

  async openReport(id: string): Promise<OpenReportResult> {
    try {
      return { ok: true, report: await this.store.read(id) };
    } catch (e) {
      return failureOf(e, 'invalid_report');
    }
  }

  async exportReport(id: string, format: 'csv' | 'xlsx'): Promise<IntentResult> {
    try {
      const report = await this.store.read(id);
      const content = format === 'csv' ? reportCsv(report) : new Uint8Array(await reportXlsx(report));
      const saved = await this.saveFile(reportFileName(report, format), content);
      return saved ? OK : failure('cancelled', 'Export cancelled.');
    } catch (e) {
      return failureOf(e, 'export_failed');
    }
  }

  /** One person's past games, by their identity (class-list name or identifier). */
  async personHistory(identity: string): Promise<PersonHistoryResult> {
    try {
      return await personHistory(this.store, identity);
    } catch (e) {
      return failureOf(e, 'invalid_report');
    }
  }

  async deleteReport(id: string): Promise<IntentResult> {
    try {
      await this.store.delete(id);
      await this.refresh();
      return OK;
    } catch (e) {
      return failureOf(e, 'delete_failed');
    }
  }
}
