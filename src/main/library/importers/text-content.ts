/**
 * Turning a file's bytes into text for the text formats (JSON, CSV, GIFT, Aiken): refuses empty
 * and binary files with a clear message, strips a byte-order mark, reads UTF-16 (Excel's
 * "Unicode text") and falls back to Windows-1252 for the legacy "ANSI" files spreadsheets save.
 */
import { QuizError } from '../../../shared/quiz/load-quiz';

export interface DecodedText {
  text: string;
  /** Set when the file was not UTF-8 and was read in another encoding. */
  encodingNote: string | null;
}

const SNIFF_BYTES = 8192;

/** Bytes that never occur in a text file; a few are allowed (tab, line breaks, form feed, escape). */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return control > head.length / 20;
}

export function decodeText(bytes: Uint8Array, source: string): DecodedText {
  if (bytes.length === 0) throw new QuizError(`${source} is empty.`);
  let text: string;
  let encodingNote: string | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) {
      throw new QuizError(
        `${source} is not a text file (it holds binary data). Quizroom imports quiz files as .json, ` +
          'Kahoot! spreadsheets as .xlsx or .csv, and Moodle GIFT or Aiken as text.',
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('windows-1252').decode(bytes);
      encodingNote =
        'the file is not UTF-8; it was read as Windows-1252 (save it as UTF-8 if letters look wrong)';
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new QuizError(`${source} is empty (it holds only blank space).`);
  return { text, encodingNote };
}
