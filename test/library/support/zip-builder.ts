/**
 * Zip archives built byte by byte for tests: honest ones, ones whose directory lies about sizes,
 * and zip bombs, deflated a chunk at a time so that a bomb of hundreds of MB never sits in the
 * test's memory. Also a minimal .xlsx around sheet XML (inline strings, no shared strings).
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The compressed bytes as stored (deflate), or the bytes themselves when `stored`. */
  data: Uint8Array;
  stored?: boolean;
  /** The size the directory declares once inflated. */
  size: number;
  crc?: number;
}

/** A zip archive whose local headers and central directory say what `parts` say. */
export function zipArchive(parts: readonly ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const method = p.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12);
    local.writeUInt32LE(p.crc ?? 0, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    out.push(local, name, Buffer.from(p.data));
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(method, 10);
    c.writeUInt16LE(0x21, 14);
    c.writeUInt32LE(p.crc ?? 0, 16);
    c.writeUInt32LE(p.data.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...central, end]);
}

/** A part deflated as it is, declaring its true size. */
export function deflatedPart(name: string, content: string | Uint8Array): ZipPart {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * `head`, then `chunk` repeated `times`, then `tail`, deflated as one stream without ever holding
 * the whole in memory. Returns the compressed bytes and the inflated size.
 */
export async function deflatedRepeat(
  head: string,
  chunk: string,
  times: number,
  tail: string,
): Promise<{ data: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  const piece = Buffer.from(chunk);
  const write = (b: Buffer) =>
    deflate.write(b) ? Promise.resolve() : new Promise<void>((r) => deflate.once('drain', () => r()));
  await write(Buffer.from(head));
  for (let i = 0; i < times; i++) await write(piece);
  deflate.end(Buffer.from(tail));
  await done;
  return { data: Buffer.concat(out), size: head.length + piece.length * times + tail.length };
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** The parts of a one-sheet workbook other than the sheet. */
export function workbookParts(): ZipPart[] {
  return [
    deflatedPart(
      '[Content_Types].xml',
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    deflatedPart(
      '_rels/.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" ` +
        `Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflatedPart(
      'xl/workbook.xml',
      `<?xml version="1.0"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
        '<sheet name="Quiz" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    deflatedPart(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" ` +
        `Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
  ];
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A row of inline-string cells from column A. */
export function sheetRow(number: number, cells: readonly string[]): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  const cs = cells
    .map((text, i) => `<c r="${col(i)}${number}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`)
    .join('');
  return `<row r="${number}">${cs}</row>`;
}

export const SHEET_HEAD = `<?xml version="1.0"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** The Kahoot! header row and one good question: the start of every crafted sheet. */
export function kahootRows(): string {
  return (
    sheetRow(1, [
      'Question',
      'Answer 1',
      'Answer 2',
      'Answer 3',
      'Answer 4',
      'Time limit (sec)',
      'Correct answer(s)',
    ]) + sheetRow(2, ['Which planet is red?', 'Venus', 'Mars', '', '', '20', '2'])
  );
}
