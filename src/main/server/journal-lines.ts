/**
 * A journal file as a stream of lines, read in fixed chunks: a journal of any size is read with
 * memory for its largest line only. Each line comes with where it starts and ends in the file, so
 * that a reader can say where damage begins and a resume can cut the file back to a whole record.
 */
import { closeSync, openSync, readSync } from 'node:fs';

const CHUNK_BYTES = 64 * 1024;
/**
 * A line longer than this is not kept (it is reported as unreadable): no record is this big (a
 * snapshot of 5,000 players is a few MB), and V8 could not turn it into a string anyway.
 */
export const MAX_LINE_BYTES = 256 * 1024 * 1024;

export interface JournalLine {
  /** The line's bytes without its newline (empty when `oversized`). */
  bytes: Buffer;
  /** 1-based line number. */
  number: number;
  /** Byte offset of the line's first byte. */
  start: number;
  /** Byte offset just past the line (past its newline, when it has one). */
  end: number;
  /** False for the last line of a file that does not end with a newline: a torn write. */
  complete: boolean;
  oversized: boolean;
}

export function* journalLines(path: string): Generator<JournalLine> {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let pieces: Buffer[] = [];
    let pieceBytes = 0;
    let oversized = false;
    let start = 0;
    let offset = 0;
    let number = 0;
    for (;;) {
      const read = readSync(fd, chunk, 0, CHUNK_BYTES, offset);
      if (read === 0) break;
      let from = 0;
      while (from < read) {
        const newline = chunk.indexOf(0x0a, from);
        const to = newline === -1 || newline >= read ? read : newline;
        if (!oversized) {
          if (pieceBytes + (to - from) > MAX_LINE_BYTES) {
            oversized = true;
            pieces = [];
            pieceBytes = 0;
          } else {
            // Copied: the chunk is reused for the next read.
            pieces.push(Buffer.from(chunk.subarray(from, to)));
            pieceBytes += to - from;
          }
        }
        if (to === read) break;
        const end = offset + to + 1;
        number++;
        yield {
          bytes: pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces, pieceBytes),
          number,
          start,
          end,
          complete: true,
          oversized,
        };
        pieces = [];
        pieceBytes = 0;
        oversized = false;
        start = end;
        from = to + 1;
      }
      offset += read;
    }
    if (offset > start) {
      yield {
        bytes: Buffer.concat(pieces, pieceBytes),
        number: number + 1,
        start,
        end: offset,
        complete: false,
        oversized,
      };
    }
  } finally {
    closeSync(fd);
  }
}
