/**
 * Kahoot!'s spreadsheet template as an Excel workbook (.xlsx). The archive is checked and only
 * the parts that hold cells are inflated (checked-zip.ts); exceljs's streaming reader then reads
 * them from an uncompressed copy (stored-zip.ts), one row at a time, into kahoot-layout. Every
 * cell becomes text (rich text, formulas' results, hyperlinks' text, numbers); the first sheet
 * that has the template's header row is imported. Nothing else of the workbook (drawings,
 * merged ranges, named ranges, validations) is read, so none of it can make the reader expand
 * a range into millions of cells; each sheet's rows and cells are counted (sheet-shape.ts) and
 * checked against SHEET_LIMITS before exceljs reads it.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { readCheckedZip } from './checked-zip';
import { MAX_SHEET_COLUMNS, SHEET_LIMITS } from './import-limits';
import type { ImportResult } from './import-result';
import { KahootSheet } from './kahoot-layout';
import { sheetShape } from './sheet-shape';
import { storedZip, type StoredEntry } from './stored-zip';
import { UNMETERED, type WorkMeter } from './work-meter';

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

const isCellPart = (name: string) =>
  name === WORKBOOK ||
  name === WORKBOOK_RELS ||
  name === SHARED_STRINGS ||
  name === STYLES ||
  SHEET.test(name);

/** exceljs reads sheets only after the shared strings and relationships; otherwise it spills them to disk. */
const EMPTY_PARTS: Record<string, string> = {
  [WORKBOOK_RELS]:
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
  [SHARED_STRINGS]:
    '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>',
};

/** The text a spreadsheet shows for a cell value. */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue);
  if ('error' in value) return '';
  return '';
}

const COPY = 'Copy the questions into a new workbook (or save them as CSV) and import that.';

/** Refuses a sheet exceljs would take too long over, naming it and the limit. */
function checkSheetShape(name: string, xml: Buffer, source: string, meter: WorkMeter): void {
  const shape = sheetShape(xml, meter);
  const where = `${source}: the sheet "${name}"`;
  if (shape.rows > SHEET_LIMITS.maxRows) {
    throw new QuizError(
      `${where} has ${shape.rows.toLocaleString('en')} rows; Quizroom reads at most ` +
        `${SHEET_LIMITS.maxRows.toLocaleString('en')} (a quiz has at most 500 questions). ${COPY}`,
    );
  }
  if (shape.cells > SHEET_LIMITS.maxCells) {
    throw new QuizError(
      `${where} has ${shape.cells.toLocaleString('en')} cells; Quizroom reads at most ` +
        `${SHEET_LIMITS.maxCells.toLocaleString('en')} (a quiz of 500 questions has a few thousand). ${COPY}`,
    );
  }
  if (shape.spread > SHEET_LIMITS.maxSpread) {
    throw new QuizError(
      `${where} spreads its cells too far to the right (row ${shape.widestRow} reaches column ` +
        `${shape.widestColumn.toLocaleString('en')}; counted over all rows, ${shape.spread.toLocaleString('en')} ` +
        `columns, more than the ${SHEET_LIMITS.maxSpread.toLocaleString('en')} Quizroom reads). Delete the ` +
        `columns right of the questions, or ${COPY.charAt(0).toLowerCase()}${COPY.slice(1)}`,
    );
  }
}

/**
 * The archive in 64 KB pieces: exceljs turns each piece it is given into XML events all at once,
 * so one 16 MB piece would hold millions of events (hundreds of MB) in memory together.
 */
function* chunks(archive: Buffer): Generator<Buffer> {
  for (let at = 0; at < archive.length; at += 64 * 1024) yield archive.subarray(at, at + 64 * 1024);
}

/** The parts exceljs reads, in the order it needs them, sheets by number. */
function orderedParts(parts: Map<string, Buffer>): StoredEntry[] {
  const sheets = [...parts.keys()]
    .filter((name) => SHEET.test(name))
    .sort((a, b) => Number(SHEET.exec(a)![1]) - Number(SHEET.exec(b)![1]));
  const part = (name: string): StoredEntry[] => {
    const data = parts.get(name) ?? (EMPTY_PARTS[name] ? Buffer.from(EMPTY_PARTS[name]) : null);
    return data ? [{ name, data }] : [];
  };
  return [
    ...part(WORKBOOK_RELS),
    ...part(WORKBOOK),
    ...part(SHARED_STRINGS),
    ...part(STYLES),
    ...sheets.flatMap(part),
  ];
}

export async function importKahootXlsx(
  bytes: Uint8Array,
  source: string,
  title: string,
  meter: WorkMeter = UNMETERED,
): Promise<ImportResult> {
  const parts = await readCheckedZip(bytes, source, isCellPart, meter);
  const sheetNames = [...parts.keys()].filter((name) => SHEET.test(name));
  for (const name of sheetNames) checkSheetShape(name, parts.get(name)!, source, meter);
  const sheetCount = sheetNames.length;
  if (sheetCount === 0) {
    throw new QuizError(`${source} has no worksheets; is it an Excel workbook (.xlsx)?`);
  }
  // Loaded only for workbooks: most imports are text, and exceljs is most of an import's start-up.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(Readable.from(chunks(storedZip(orderedParts(parts)))), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let firstSheet: KahootSheet | null = null;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      const where = sheetCount > 1 ? `${source} (sheet "${name}")` : source;
      const sheet = new KahootSheet(where, 'kahoot-xlsx', meter);
      for await (const row of worksheet) {
        const texts: string[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col <= MAX_SHEET_COLUMNS) texts[col - 1] = cellText(cell.value);
        });
        for (let i = 0; i < texts.length; i++) texts[i] ??= '';
        meter.add(1 + texts.length);
        sheet.row({ number: row.number, cells: texts });
      }
      // A sheet without the header row may sit before the one with questions; try the next.
      if (sheet.hasHeader) return sheet.finish(title);
      firstSheet ??= sheet;
    }
  } catch (e) {
    if (e instanceof QuizError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new QuizError(`${source} is not a readable Excel workbook (.xlsx): ${why}.`);
  }
  if (sheetCount > 1) {
    throw new QuizError(
      `${source}: none of its ${sheetCount} sheets has the header row of Kahoot!'s spreadsheet template.`,
    );
  }
  // One sheet, without the header row: its own refusal says what was expected.
  if (firstSheet) return firstSheet.finish(title);
  throw new QuizError(`${source} has no worksheets; is it an Excel workbook (.xlsx)?`);
}
