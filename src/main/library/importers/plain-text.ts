/**
 * Question text as a player sees it: quiz tools store HTML or Markdown, Quizroom shows plain
 * text. Tags are dropped (only real tags: "3 < 5 and 7 > 6" stays as it is; a line break or
 * paragraph becomes a space), the common character entities are decoded, Markdown emphasis and
 * links lose their markers, and runs of white space become one space.
 *
 * Each kind of mark is removed in one forward pass that finds closing marks through
 * NextPosition: regular expressions did the same with a lazy search per opening mark, which
 * rescanned the rest of the text for every mark left open (quadratic in a crafted question).
 */
import {
  hasWordAt,
  isAsciiLetterCode,
  isLineBreakCode,
  isSpaceCode,
  isWordCode,
  NextPosition,
  skipSpaces,
} from './text-scan';
import { UNMETERED, type WorkMeter } from './work-meter';

export type TextMarkup = 'html' | 'markdown' | 'plain';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  deg: '°',
  times: '×',
  divide: '÷',
  minus: '−',
  plusmn: '±',
  middot: '·',
  copy: '©',
  reg: '®',
  euro: '€',
  pound: '£',
  sup2: '²',
  sup3: '³',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Tags whose place becomes a space (they separate words on a page). */
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'td',
  'th',
  'table',
]);

/** Text with some spans replaced, built as it is scanned. */
class Rewrite {
  private readonly parts: string[] = [];
  private copied = 0;

  constructor(private readonly text: string) {}

  /** Replaces text[from, to) with `by` (from must not be before the last replaced span). */
  replace(from: number, to: number, by: string): void {
    this.parts.push(this.text.slice(this.copied, from), by);
    this.copied = to;
  }

  result(): string {
    if (this.parts.length === 0) return this.text;
    this.parts.push(this.text.slice(this.copied));
    return this.parts.join('');
  }
}

function stripHtml(text: string, meter: WorkMeter): string {
  const out = new Rewrite(text);
  const commentEnds = NextPosition.of(text, '-->', meter);
  const angles = new NextPosition(text, (at) => text[at] === '<' || text[at] === '>', meter);
  const quotes = NextPosition.of(text, '"', meter);
  const alts = new NextPosition(text, (at) => hasWordAt(text, at, 'alt'), meter);
  const closers = new Map(
    ['script', 'style'].map((name) => [
      name,
      new NextPosition(text, (at) => text.startsWith('</', at) && hasWordAt(text, at + 2, name), meter),
    ]),
  );

  /** The alt text of an <img> tag spanning [from, end]. */
  const altText = (from: number, end: number): string => {
    for (let a = alts.from(from); a >= 0 && a < end; a = alts.from(a + 1)) {
      if (isWordCode(text.charCodeAt(a - 1))) continue;
      let p = skipSpaces(text, a + 3, meter);
      if (text[p] !== '=') continue;
      p = skipSpaces(text, p + 1, meter);
      if (text[p] !== '"') continue;
      const q = quotes.from(p + 1);
      if (q >= 0 && q < end) return text.slice(p + 1, q);
    }
    return '';
  };

  let i = 0;
  for (let lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', i)) {
    meter.add(lt - i + 1);
    i = lt + 1;
    if (text.startsWith('<!--', lt)) {
      const end = commentEnds.from(lt + 4);
      if (end >= 0) {
        out.replace(lt, end + 3, '');
        i = end + 3;
      }
      continue;
    }
    // <name ...>, </name>, <name/>: a letter right after "<" and no "<" before the ">".
    let k = lt + 1;
    const closing = text[k] === '/';
    if (closing) k++;
    if (!isAsciiLetterCode(text.charCodeAt(k))) continue;
    const nameStart = k;
    while (isWordCode(text.charCodeAt(k)) || text[k] === '-') k++;
    meter.add(k - nameStart);
    const name = text.slice(nameStart, k).toLowerCase();
    let end: number;
    if (text[k] === '>') end = k;
    else if (text[k] === '/' && text[k + 1] === '>') end = k + 1;
    else if (isSpaceCode(text.charCodeAt(k))) {
      end = angles.from(k);
      if (end < 0 || text[end] !== '>') continue;
    } else continue;

    const closer = closing ? undefined : closers.get(name);
    if (closer) {
      // <script> and <style> go with everything up to their closing tag.
      for (let c = closer.from(end + 1); c >= 0; c = closer.from(c + 1)) {
        const gt = skipSpaces(text, c + 2 + name.length, meter);
        if (text[gt] === '>') {
          end = gt;
          break;
        }
      }
      out.replace(lt, end + 1, ' ');
    } else if (name === 'img' && !closing) {
      out.replace(lt, end + 1, ` ${altText(k, end)} `);
    } else {
      out.replace(lt, end + 1, BLOCK_TAGS.has(name) ? ' ' : '');
    }
    i = end + 1;
  }
  meter.add(text.length - i);
  return decodeEntities(out.result());
}

/** `![alt](url)` (image) or `[text](url)` (link) -> the alt text or the link text. */
function stripLinks(text: string, image: boolean, meter: WorkMeter): string {
  const out = new Rewrite(text);
  const brackets = NextPosition.of(text, ']', meter);
  const parens = NextPosition.of(text, ')', meter);
  const opener = image ? '![' : '[';
  let i = 0;
  for (let open = text.indexOf(opener); open >= 0; open = text.indexOf(opener, i)) {
    meter.add(open - i + 1);
    i = open + 1;
    const from = open + opener.length;
    const close = brackets.from(from);
    if (close < 0) break;
    if ((!image && close === from) || text[close + 1] !== '(') continue;
    const end = parens.from(close + 2);
    if (end < 0) break;
    out.replace(open, end + 1, text.slice(from, close));
    i = end + 1;
  }
  return out.result();
}

/** `**bold**` and `__bold__` on one line -> bold. */
function stripStrong(text: string, meter: WorkMeter): string {
  const out = new Rewrite(text);
  const breaks = new NextPosition(text, (at) => isLineBreakCode(text.charCodeAt(at)), meter);
  const closers = new Map(['**', '__'].map((m) => [m, NextPosition.of(text, m, meter)]));
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if ((c !== '*' && c !== '_') || text[i + 1] !== c) continue;
    const closer = closers.get(c + c)!;
    const close = closer.from(i + 3);
    if (close < 0) continue;
    const lineEnd = breaks.from(i + 2);
    if (lineEnd >= 0 && lineEnd < close) continue;
    out.replace(i, close + 2, text.slice(i + 2, close));
    i = close + 1;
  }
  meter.add(text.length);
  return out.result();
}

/**
 * `*emphasis*` and `_emphasis_` on one line -> emphasis: the mark after a non-word character
 * and before a non-space, closed by the same mark after a non-space and before a non-word
 * (so snake_case stays as it is).
 */
function stripEmphasis(text: string, meter: WorkMeter): string {
  const out = new Rewrite(text);
  const breaks = new NextPosition(text, (at) => isLineBreakCode(text.charCodeAt(at)), meter);
  const closes = (mark: string) =>
    new NextPosition(
      text,
      (at) =>
        text[at] === mark &&
        !isSpaceCode(text.charCodeAt(at - 1)) &&
        !isWordCode(text.charCodeAt(at + 1)) &&
        text[at + 1] !== '*',
      meter,
    );
  const closers = new Map([
    ['*', closes('*')],
    ['_', closes('_')],
  ]);
  let matchedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const closer = closers.get(text[i]!);
    if (!closer) continue;
    const before = i === 0 ? null : text.charCodeAt(i - 1);
    const opens =
      (before === null || (i - 1 >= matchedUpTo && !isWordCode(before) && before !== 0x2a)) &&
      i + 1 < text.length &&
      !isSpaceCode(text.charCodeAt(i + 1));
    if (!opens) continue;
    const close = closer.from(i + 2);
    if (close < 0) continue;
    const lineEnd = breaks.from(i + 1);
    if (lineEnd >= 0 && lineEnd < close) continue;
    out.replace(i, close + 1, text.slice(i + 1, close));
    i = close;
    matchedUpTo = close + 1;
  }
  meter.add(text.length);
  return out.result();
}

/** `` `code` `` -> code. */
function stripCode(text: string, meter: WorkMeter): string {
  const out = new Rewrite(text);
  const ticks = NextPosition.of(text, '`', meter);
  for (let i = ticks.from(0); i >= 0; i = ticks.from(i + 1)) {
    const close = ticks.from(i + 1);
    if (close < 0) break;
    if (close === i + 1) continue;
    out.replace(i, close + 1, text.slice(i + 1, close));
    i = close;
  }
  return out.result();
}

function stripMarkdown(text: string, meter: WorkMeter): string {
  let out = stripLinks(text, true, meter);
  out = stripLinks(out, false, meter);
  out = stripStrong(out, meter);
  out = stripEmphasis(out, meter);
  out = stripCode(out, meter);
  meter.add(out.length);
  // Bounded before the last \s+, which nothing follows: one pass, no backtracking.
  return out.replace(/^\s{0,3}#{1,6}\s+/gm, '');
}

export function plainText(text: string, markup: TextMarkup, meter: WorkMeter = UNMETERED): string {
  let out = text;
  if (markup === 'markdown') out = stripHtml(stripMarkdown(out, meter), meter);
  else if (markup === 'html') out = stripHtml(out, meter);
  meter.add(out.length);
  return out.replace(/\s+/g, ' ').trim();
}
