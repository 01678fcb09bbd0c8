/**
 * Looks through a folder of served files (the built web player) for quiz content: any question's
 * prompt, a long option or a question's whole set of options, and answer keys of any quiz, known
 * or not (a `correct` index, list or flag beside a prompt or options, a typed question's `accepted`
 * or an ordering's `items` beside a prompt, a GIFT `{=right ~wrong}` block, an Aiken `ANSWER:`
 * line). Files are read as a browser could read them: string escapes and HTML
 * entities decoded, gzip and brotli files inflated, base64 (data: URLs and long runs) decoded.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { unescapeLiteral, type QuestionText } from './repo-quiz-text';

export type LeakKind = 'prompt' | 'option' | 'options' | 'answer key';

export interface Leak {
  file: string;
  kind: LeakKind;
  /** What was found (the text, or a piece of the answer key). */
  what: string;
  /** Where the question comes from, for known text. */
  source?: string;
}

interface Needle {
  text: string;
  source: string;
}

/** What to look for; short texts are left out, as they turn up in any code by chance. */
export interface Needles {
  prompts: Needle[];
  options: Needle[];
  optionSets: { texts: string[]; source: string }[];
}

const MIN_PROMPT = 12;
const MIN_OPTION = 16;
/** A set of options counts when its texts add up to this many characters. */
const MIN_OPTION_SET = 12;
/** How far apart (characters) a question's options may lie and still count as its set. */
const SET_SPAN = 400;

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const telling = (s: string, min: number) => s.length >= min && s.includes(' ');

export function needlesOf(questions: readonly QuestionText[]): Needles {
  const prompts = new Map<string, Needle>();
  const options = new Map<string, Needle>();
  const optionSets = new Map<string, { texts: string[]; source: string }>();
  for (const q of questions) {
    const prompt = norm(q.prompt);
    if (telling(prompt, MIN_PROMPT) && !prompts.has(prompt))
      prompts.set(prompt, { text: prompt, source: q.source });
    const texts = [...new Set(q.options.map(norm))].filter((o) => o.length > 0);
    for (const o of texts)
      if (telling(o, MIN_OPTION) && !options.has(o)) options.set(o, { text: o, source: q.source });
    const key = texts.join('\u0000');
    const length = texts.reduce((n, o) => n + o.length, 0);
    if (texts.length >= 2 && length >= MIN_OPTION_SET && !optionSets.has(key))
      optionSets.set(key, { texts, source: q.source });
  }
  return {
    prompts: [...prompts.values()],
    options: [...options.values()],
    optionSets: [...optionSets.values()],
  };
}

const ENTITIES: Record<string, string> = { quot: '"', apos: "'", amp: '&', lt: '<', gt: '>', nbsp: ' ' };

/** A file's text as a reader of it would see the strings in it. */
export function readable(raw: string): string {
  const decoded = unescapeLiteral(raw).replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? whole;
    return String.fromCodePoint(
      e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
    );
  });
  return norm(decoded);
}

/** Text hidden in base64: data: URLs, and any long run that decodes to mostly printable text. */
function base64Payloads(text: string): string[] {
  const runs = [
    ...[...text.matchAll(/data:[^,;]*;base64,([A-Za-z0-9+/=_-]+)/g)].map((m) => m[1]!),
    ...[...text.matchAll(/[A-Za-z0-9+/]{200,}={0,2}/g)].map((m) => m[0]),
  ];
  return runs
    .map((run) => Buffer.from(run, 'base64').toString('utf8'))
    .filter((s) => s.length > 0 && s.replace(/[^\x20-\x7e\s]/g, '').length > s.length * 0.8);
}

/** The texts a file holds: itself, inflated if compressed, and its base64 payloads. */
function textsOf(path: string, bytes: Buffer): string[] {
  let body = bytes;
  try {
    if (path.endsWith('.gz')) body = gunzipSync(bytes);
    else if (path.endsWith('.br')) body = brotliDecompressSync(bytes);
  } catch {
    /* not really compressed: read as it is */
  }
  const text = body.toString('utf8');
  return [text, ...base64Payloads(text)];
}

const ANSWER_FIELD =
  /["'`]?\b(correct|isCorrect|correctAnswer|correctIndex|answerIndex)\b["'`]?\s*:\s*(-?\d+|true|false|!0|!1|\[\s*\d)/g;
/** Typed answers' accepted texts and an ordering's items in their right order are answer keys too. */
const ANSWER_LIST_FIELD = /["'`]?\b(accepted|items)\b["'`]?\s*:\s*\[\s*["'`][^"'`\s]/g;
const QUESTION_FIELD = /\b(prompt|question|text|answer|title)\b["'`]?\s*:\s*["'`][^"'`\s]/;
const OPTIONS_FIELD = /\b(options|answers|choices)\b["'`]?\s*:\s*\[\s*["'`{][^"'`\]]/;
const GIFT_ANSWERS = /\{\s*=[^{}~=\n]+(~[^{}~=\n]+)+\}/;
const AIKEN_ANSWER =
  /(^|\n)[ \t]*[A-H][.)][ \t]+\S[^\n]*\n([ \t]*[A-H][.)][ \t]+\S[^\n]*\n)*[ \t]*ANSWER[ \t]*:[ \t]*[A-H]\b/;

/** The object literal around `at`: from the nearest `{` before it to the nearest `}` after it. */
function enclosingObject(text: string, at: number, end: number): string {
  const open = text.lastIndexOf('{', at);
  const close = text.indexOf('}', end);
  if (open < 0 || at - open > 4000) return '';
  return text.slice(open, close < 0 || close - end > 4000 ? end : close + 1);
}

/** Answer keys of any quiz, known or not. Reads the file's text with its line breaks kept. */
function answerKeys(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(ANSWER_FIELD)) {
    const object = enclosingObject(text, m.index, m.index + m[0].length);
    if (QUESTION_FIELD.test(object) || OPTIONS_FIELD.test(object)) found.push(object.slice(0, 200));
  }
  for (const m of text.matchAll(ANSWER_LIST_FIELD)) {
    // The list's own brackets hold the object's closing brace at bay: look past the list.
    const listEnd = text.indexOf(']', m.index + m[0].length);
    const object = enclosingObject(text, m.index, listEnd < 0 ? m.index + m[0].length : listEnd);
    if (QUESTION_FIELD.test(object)) found.push(object.slice(0, 200));
  }
  const gift = GIFT_ANSWERS.exec(text);
  if (gift) found.push(gift[0].slice(0, 200));
  const aiken = AIKEN_ANSWER.exec(text);
  if (aiken) found.push(aiken[0].trim().slice(0, 200));
  return found;
}

/** Whether all of `texts` occur within SET_SPAN characters of one another. */
function together(haystack: string, texts: readonly string[]): boolean {
  const positions = texts.map((t) => {
    const at: number[] = [];
    for (let i = haystack.indexOf(t); i >= 0; i = haystack.indexOf(t, i + 1)) at.push(i);
    return at;
  });
  if (positions.some((p) => p.length === 0)) return false;
  const rarest = positions.reduce((a, b) => (b.length < a.length ? b : a));
  return rarest.some((at) => positions.every((p) => p.some((i) => Math.abs(i - at) <= SET_SPAN)));
}

/** The leaks in one file's text. */
export function scanText(file: string, raw: string, needles: Needles): Leak[] {
  const leaks: Leak[] = [];
  const keysText = unescapeLiteral(raw);
  for (const what of answerKeys(keysText)) leaks.push({ file, kind: 'answer key', what });
  const text = readable(raw);
  for (const n of needles.prompts)
    if (text.includes(n.text)) leaks.push({ file, kind: 'prompt', what: n.text, source: n.source });
  for (const n of needles.options)
    if (text.includes(n.text)) leaks.push({ file, kind: 'option', what: n.text, source: n.source });
  for (const set of needles.optionSets)
    if (together(text, set.texts))
      leaks.push({ file, kind: 'options', what: set.texts.join(' | '), source: set.source });
  return leaks;
}

/** Every leak in every file under `dir` (recursively). */
export async function scanFolder(dir: string, needles: Needles): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(dir, path);
    for (const text of textsOf(path, await readFile(path))) leaks.push(...scanText(file, text, needles));
  }
  return leaks;
}

/** Leaks as lines a person can act on. */
export function describeLeaks(leaks: readonly Leak[]): string {
  return leaks
    .map((l) => `${l.file}: ${l.kind} ${JSON.stringify(l.what)}${l.source ? ` (from ${l.source})` : ''}`)
    .join('\n');
}
