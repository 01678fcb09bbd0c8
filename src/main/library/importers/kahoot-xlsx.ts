/**
 * Kahoot!'s spreadsheet template as an Excel workbook (.xlsx), read with exceljs. Every cell
 * becomes text (rich text, formulas' results, hyperlinks' text, numbers) and the first sheet that
 * has the template's header row is imported by kahoot-layout.
 */
import ExcelJS from 'exceljs';
import { QuizError } from '../../../shared/quiz/load-quiz';
import type { ImportResult } from './import-result';
import { importKahootRows, type SheetRow } from './kahoot-layout';

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

function sheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let col = 1; col <= row.cellCount; col++) cells.push(cellText(row.getCell(col).value));
    rows.push({ number, cells });
  });
  return rows;
}

export async function importKahootXlsx(
  bytes: Uint8Array,
  source: string,
  title: string,
): Promise<ImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type (an ArrayBuffer); a Node Buffer is what it reads.
    type ExcelInput = Parameters<typeof workbook.xlsx.load>[0];
    await workbook.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelInput,
    );
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new QuizError(`${source} is not a readable Excel workbook (.xlsx): ${why}.`);
  }
  const sheets = workbook.worksheets;
  if (sheets.length === 0) throw new QuizError(`${source} has no worksheets.`);
  let firstError: unknown = null;
  for (const sheet of sheets) {
    try {
      return importKahootRows(
        sheetRows(sheet),
        sheets.length > 1 ? `${source} (sheet "${sheet.name}")` : source,
        'kahoot-xlsx',
        title,
      );
    } catch (e) {
      // A sheet without the header row may sit before the one with questions; try the next.
      if (!(e instanceof QuizError)) throw e;
      firstError ??= e;
      if (!/has no header row/.test(e.message)) throw e;
    }
  }
  if (sheets.length > 1) {
    throw new QuizError(
      `${source}: none of its ${sheets.length} sheets has the header row of Kahoot!'s spreadsheet template.`,
    );
  }
  throw firstError;
}
