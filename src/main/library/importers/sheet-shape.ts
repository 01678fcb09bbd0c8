/**
 * The shape of a worksheet's XML, counted in one pass over its bytes before exceljs reads it:
 * rows, cells, and the spread (for each row, the column of its last cell, summed). exceljs's
 * reader spends time on every column up to a row's last cell, so one cell in column XFD on each
 * of 100,000 rows costs it minutes although the sheet is a few MB; the spread catches that.
 */
import type { WorkMeter } from './work-meter';

export interface SheetShape {
  rows: number;
  cells: number;
  spread: number;
  /** The row reaching furthest right, and how far (for messages). */
  widestRow: number;
  widestColumn: number;
}

const LT = 0x3c;
const GT = 0x3e;
const QUOTE = 0x22;
const APOS = 0x27;
const EQUALS = 0x3d;

const isXmlSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
/** A tag name ends at white space, ">" or "/". */
const endsName = (b: number | undefined) => b === undefined || isXmlSpace(b) || b === GT || b === 0x2f;

/** The column number of a cell reference such as "XFD12" (A = 1); 0 when there is none. */
function columnOf(xml: Uint8Array, at: number): number {
  let col = 0;
  for (let k = at; k < at + 4; k++) {
    const b = xml[k]!;
    const upper = b & ~0x20;
    if (upper < 0x41 || upper > 0x5a) return col;
    col = col * 26 + (upper - 0x40);
  }
  return col; // four letters or more: past any column a spreadsheet has
}

/** Where the `r="..."` attribute's value starts inside the tag [from, to), or -1. */
function refAttribute(xml: Uint8Array, from: number, to: number): number {
  for (let k = from; k < to - 2; k++) {
    if (!isXmlSpace(xml[k]!) || xml[k + 1] !== 0x72 /* r */) continue;
    let p = k + 2;
    while (p < to && isXmlSpace(xml[p]!)) p++;
    if (xml[p] !== EQUALS) continue;
    p++;
    while (p < to && isXmlSpace(xml[p]!)) p++;
    if (xml[p] === QUOTE || xml[p] === APOS) return p + 1;
  }
  return -1;
}

export function sheetShape(xml: Uint8Array, meter: WorkMeter): SheetShape {
  const shape: SheetShape = { rows: 0, cells: 0, spread: 0, widestRow: 0, widestColumn: 0 };
  let rowMax = 0;
  const endRow = () => {
    shape.spread += rowMax;
    if (rowMax > shape.widestColumn) {
      shape.widestColumn = rowMax;
      shape.widestRow = shape.rows;
    }
    rowMax = 0;
  };
  let i = 0;
  for (;;) {
    const lt = xml.indexOf(LT, i);
    if (lt < 0) break;
    i = lt + 1;
    if (xml[lt + 1] === 0x72 && xml[lt + 2] === 0x6f && xml[lt + 3] === 0x77 && endsName(xml[lt + 4])) {
      endRow();
      shape.rows++;
    } else if (xml[lt + 1] === 0x63 && endsName(xml[lt + 2])) {
      shape.cells++;
      const gt = xml.indexOf(GT, lt);
      const end = gt < 0 ? xml.length : gt;
      const ref = refAttribute(xml, lt + 2, end);
      if (ref >= 0) rowMax = Math.max(rowMax, columnOf(xml, ref));
      i = end;
    }
  }
  endRow();
  meter.add(xml.length);
  return shape;
}
