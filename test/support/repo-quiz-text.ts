/**
 * Every quiz question in this repository, as text to look for in what the host serves: the
 * built-in pack, every file under test/fixtures (read by the app's own importers, so GIFT, Aiken,
 * CSV and XLSX count too), every example block in docs/, and every `prompt`/`options` literal in
 * test/, bench/ and docs/ (the quizzes tests and examples write inline, and protocol examples).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { importQuizBytes, importQuizFileHere } from '../../src/main/library/importers/import-quiz-bytes';
import { builtinPack } from '../../src/shared/quiz/builtin-pack';
import type { Question, Quiz } from '../../src/shared/quiz/quiz-schema';
import { ROOT } from './built-app';

/** One question as text: where it was found, its prompt and options, and its answer when known. */
export interface QuestionText {
  source: string;
  prompt: string;
  options: string[];
  correct?: number;
}

const SWEPT_FOLDERS = ['test', 'bench', 'docs'];
const SWEPT_EXTENSIONS = /\.(ts|tsx|mts|js|json|md)$/;
/** A JS, JSON or markdown string literal, in any of the three quotes. */
const LITERAL = /(["'`])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g;
const PROMPT_LITERAL = /\bprompt\b["'`]?\s*:\s*(["'`])((?:\\[\s\S]|(?!\1)[^\\])*)\1/g;
const OPTIONS_LITERAL = /\boptions\b["'`]?\s*:\s*\[([^\]]*)\]/g;

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && !e.parentPath.split(/[\\/]/).includes('node_modules'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Every question of a quiz as text, whatever its kind: what players pick from (an ordering's
 * items, a typed question's accepted answers count as its options: they are its answer key), and
 * the explanation as a text of its own.
 */
function fromQuiz(quiz: Quiz, source: string): QuestionText[] {
  return quiz.questions.flatMap((q, i) => {
    const where = `${source} question ${i + 1}`;
    const texts: QuestionText[] = [
      {
        source: where,
        prompt: q.prompt,
        options: pickedFrom(q),
        ...(q.kind === 'choice' ? { correct: q.correct } : {}),
      },
    ];
    if (q.explanation) texts.push({ source: `${where} explanation`, prompt: q.explanation, options: [] });
    return texts;
  });
}

function pickedFrom(q: Question): string[] {
  if (q.kind === 'choice' || q.kind === 'multi_select' || q.kind === 'poll') return q.options;
  if (q.kind === 'ordering') return q.items;
  if (q.kind === 'typed') return q.accepted;
  return [];
}

/** The text of a JS or JSON string literal's body. */
export function unescapeLiteral(body: string): string {
  return body.replace(/\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_, e: string) => {
    if (e.startsWith('u{')) return String.fromCodePoint(parseInt(e.slice(2, -1), 16));
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return ({ n: '\n', r: '\r', t: '\t' } as Record<string, string>)[e] ?? e;
  });
}

/** Prompts and option lists written as literals in source and docs (template holes left out). */
function sweep(text: string, source: string): QuestionText[] {
  const found: QuestionText[] = [];
  for (const m of text.matchAll(PROMPT_LITERAL)) {
    if (!m[2]!.includes('${')) found.push({ source, prompt: unescapeLiteral(m[2]!), options: [] });
  }
  for (const m of text.matchAll(OPTIONS_LITERAL)) {
    const options = [...m[1]!.matchAll(LITERAL)]
      .map((l) => l[2]!)
      .filter((o) => !o.includes('${'))
      .map(unescapeLiteral);
    if (options.length > 0) found.push({ source, prompt: '', options });
  }
  return found;
}

/** The example blocks of a markdown file: JSON quizzes, and anything an importer can read. */
async function docBlocks(path: string, text: string): Promise<QuestionText[]> {
  const found: QuestionText[] = [];
  const blocks = [...text.matchAll(/```([\w-]*)\n([\s\S]*?)```/g)];
  for (const [i, block] of blocks.entries()) {
    const body = block[2]!.replace(/^ {2}/gm, '');
    const name = `${relative(ROOT, path)} block ${i + 1}`;
    try {
      const result = await importQuizBytes(
        Buffer.from(body),
        `${name}.${/json/.test(block[1]!) ? 'json' : 'txt'}`,
      );
      found.push(...fromQuiz(result.quiz, name));
    } catch {
      // Not a quiz (a message, a command, a summary): its literals are swept instead.
    }
  }
  return found;
}

/** Every question this repository holds, from every source above. */
export async function repoQuestions(): Promise<QuestionText[]> {
  const found: QuestionText[] = [];
  for (const p of builtinPack()) found.push(...fromQuiz(p.quiz, `built-in quiz "${p.id}"`));
  for (const path of await filesUnder(join(ROOT, 'test/fixtures'))) {
    try {
      found.push(...fromQuiz((await importQuizFileHere(path)).quiz, relative(ROOT, path)));
    } catch {
      // A fixture that is meant to be refused (binary, empty, broken): swept below if it is text.
    }
  }
  for (const folder of SWEPT_FOLDERS) {
    for (const path of await filesUnder(join(ROOT, folder))) {
      if (!SWEPT_EXTENSIONS.test(path)) continue;
      const text = await readFile(path, 'utf8');
      if (path.endsWith('.md')) found.push(...(await docBlocks(path, text)));
      found.push(...sweep(text, relative(ROOT, path)));
    }
  }
  return found;
}
