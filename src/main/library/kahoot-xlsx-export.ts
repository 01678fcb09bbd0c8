/**
 * A quiz as an Excel workbook in the layout of Kahoot!'s spreadsheet template (title and notes
 * above, the header on row 8, one question per row from row 9, numbered in column A), so that it
 * can be uploaded to Kahoot! or imported back into Quizroom. Points have no column there and
 * are not exported; a question without its own time limit leaves the cell empty.
 */
import ExcelJS from 'exceljs';
import type { Question, Quiz } from '../../shared/quiz/quiz-schema';
import { TRUE_FALSE_OPTIONS } from '../../shared/quiz/quiz-schema';
import { KAHOOT_HEADER, KAHOOT_HEADER_ROW } from './importers/kahoot-layout';

export async function quizToKahootXlsx(quiz: Quiz): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Quizroom';
  workbook.title = quiz.title;
  const sheet = workbook.addWorksheet('Sheet1');
  sheet.getCell('B1').value = quiz.title;
  sheet.getCell('B1').font = { bold: true, size: 14 };
  sheet.getCell('B3').value =
    "Exported from Quizroom in the layout of Kahoot!'s spreadsheet template: one question per row from row 9.";
  sheet.getCell('B4').value =
    'Correct answer(s) is the number of the right answer (1 to 4). Time limit is in seconds; empty uses the room setting.';
  const header = sheet.getRow(KAHOOT_HEADER_ROW);
  KAHOOT_HEADER.forEach((text, i) => (header.getCell(i + 2).value = text));
  header.font = { bold: true };
  // Kahoot!'s template holds one-answer, true/false and multi-select questions of up to four
  // options: the other kinds have no row there and are left out.
  let rowNo = KAHOOT_HEADER_ROW;
  quiz.questions.forEach((q) => {
    const cells = kahootCells(q);
    if (!cells) return;
    rowNo++;
    const row = sheet.getRow(rowNo);
    row.getCell(1).value = rowNo - KAHOOT_HEADER_ROW;
    row.getCell(2).value = q.prompt;
    cells.options.forEach((option, j) => (row.getCell(3 + j).value = option));
    if (q.timeLimit !== undefined) row.getCell(7).value = q.timeLimit;
    row.getCell(8).value = cells.correct;
  });
  sheet.getColumn(1).width = 5;
  sheet.getColumn(2).width = 50;
  for (let c = 3; c <= 6; c++) sheet.getColumn(c).width = 24;
  sheet.getColumn(7).width = 16;
  sheet.getColumn(8).width = 18;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A question as a Kahoot! row's options and "Correct answer(s)" cell ("1,3"), or null when it has no such row. */
function kahootCells(q: Question): { options: string[]; correct: string | number } | null {
  if (q.kind === 'choice') return { options: q.options, correct: q.correct + 1 };
  if (q.kind === 'true_false') return { options: [...TRUE_FALSE_OPTIONS], correct: q.correct ? 1 : 2 };
  if (q.kind === 'multi_select' && q.options.length <= 4)
    return { options: q.options, correct: q.correct.map((c) => c + 1).join(',') };
  return null;
}
