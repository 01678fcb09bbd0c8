/**
 * What the hand-written scanners of the importers share. Regular expressions that can rescan the
 * rest of a text from every position (a lazy `.*?` before `\s*$`, `^\s*` in multiline mode over
 * blank lines) made imports quadratic; these scanners look at each character a bounded number of
 * times and say how many they looked at.
 */
import type { WorkMeter } from './work-meter';

/** The characters `\s` and String.prototype.trim treat as white space. */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `\w`: ASCII letters, digits and underscore. */
export function isWordCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

export function isAsciiLetterCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Line terminators, where `.` in a regular expression stops. */
export function isLineBreakCode(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/** The index of the first character at or after `from` that is not white space. */
export function skipSpaces(text: string, from: number, meter: WorkMeter): number {
  let i = from;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  meter.add(i - from + 1);
  return i;
}

/** Whether `text` has `word` at `at`, ignoring ASCII case (`word` in lower case). */
export function hasWordAt(text: string, at: number, word: string): boolean {
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    if ((text.charCodeAt(at + k) | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Where the next position at or after `from` is that satisfies a test that looks only at that
 * position, remembering the last answer: asked once per position while a scan moves forward, it
 * examines each character once in all (a plain search per opening mark would rescan the rest
 * of the text for every mark that is never closed).
 */
export class NextPosition {
  private askedFrom = 0;
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly matches: (at: number) => boolean,
    private readonly meter: WorkMeter,
  ) {}

  static of(text: string, needle: string, meter: WorkMeter): NextPosition {
    return new NextPosition(text, (at) => text.startsWith(needle, at), meter);
  }

  /** The first matching position >= from, or -1. */
  from(from: number): number {
    if (this.found !== -2 && from >= this.askedFrom && (this.found === -1 || this.found >= from)) {
      return this.found;
    }
    let at = from;
    while (at < this.text.length && !this.matches(at)) at++;
    this.meter.add(at - from + 1);
    this.askedFrom = from;
    this.found = at < this.text.length ? at : -1;
    return this.found;
  }
}

/**
 * Calls `visit` with each line of `text` (split at \r\n, \r or \n, as spreadsheets and editors
 * on every system save them), its number from 1 and its offset, without building an array.
 */
export function forEachLine(
  text: string,
  meter: WorkMeter,
  visit: (line: string, lineNo: number, start: number) => void,
): void {
  let start = 0;
  let lineNo = 1;
  for (let i = 0; i <= text.length; i++) {
    const c = text.charCodeAt(i);
    if (i < text.length && c !== 0x0a && c !== 0x0d) continue;
    visit(text.slice(start, i), lineNo++, start);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i++;
    start = i + 1;
  }
  meter.add(text.length + 1);
}
