/**
 * What the host serves to every phone (out/renderer, after `npm run build`) carries no quiz: no
 * prompt, option or answer key of any quiz in this repository, and no answer key of any other
 * quiz. The scanner is checked too, against real bundles of the things that must never be served
 * (made with Vite, as the web player is), so that a regression cannot slip past it.
 */
import { gzipSync } from 'node:zlib';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack } from '../../src/shared/quiz/builtin-pack';
import { ensureBuilt, ROOT } from '../support/built-app';
import { describeLeaks, needlesOf, scanFolder, type Leak, type Needles } from '../support/quiz-leak-scan';
import { repoQuestions } from '../support/repo-quiz-text';

let needles: Needles;
const temps: string[] = [];

beforeAll(async () => {
  needles = needlesOf(await repoQuestions());
}, 60_000);

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quizroom-leak-'));
  temps.push(dir);
  return dir;
}

/**
 * Bundles `entry` (a module's source) with Vite's production build, as the web player is built.
 * An app build keeps only what has an effect: entries hand what they bundle to globalThis.
 */
async function bundle(entry: string): Promise<string> {
  const { build } = await import('vite');
  const dir = tempDir();
  const src = join(dir, 'src');
  mkdirSync(src);
  writeFileSync(join(src, 'entry.ts'), entry);
  const outDir = join(dir, 'out');
  await build({
    configFile: false,
    logLevel: 'silent',
    root: src,
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: { input: join(src, 'entry.ts') },
    },
  });
  return outDir;
}

/** A repository file as an import specifier (`?raw`: its text as a string, as Vite allows). */
const repoPath = (path: string, query = '') =>
  JSON.stringify(`${join(ROOT, path).replace(/\\/g, '/')}${query}`);
const sources = (leaks: Leak[]) =>
  new Set(leaks.map((l) => l.source?.replace(/ (question|block) \d+.*$/, '')));

describe('the quiz text the scan looks for', () => {
  it('comes from the built-in pack, every quiz fixture and the docs examples', () => {
    const from = (prefix: string) => needles.prompts.filter((n) => n.source.startsWith(prefix)).length;
    for (const p of builtinPack())
      expect(from(`built-in quiz "${p.id}"`), p.id).toBe(p.quiz.questions.length);
    for (const fixture of [
      'moodle-questions.gift',
      'aiken-questions.txt',
      'kahoot-template.xlsx',
      'science.json',
    ])
      expect(from(`test/fixtures/imports/${fixture}`), fixture).toBeGreaterThan(0);
    expect(from('docs/quiz-format.md')).toBeGreaterThan(0);
    expect(from('docs/protocol.md')).toBeGreaterThan(0);
    expect(from('test/e2e/support/e2e-host.ts')).toBeGreaterThan(0);
  });
});

describe('the built web player (out/renderer)', () => {
  it(
    'holds no prompt, option or answer key of any quiz',
    async () => {
      const dir = await ensureBuilt();
      expect(describeLeaks(await scanFolder(dir, needles))).toBe('');
    },
    6 * 60_000,
  );
});

describe('the scan', () => {
  it('finds every built-in quiz, with its answers, in a chunk that loads the pack', async () => {
    const out = await bundle(
      // As the web player once did: the pack loaded on demand, in a chunk of its own.
      `Object.assign(globalThis, { pack: () => import(${repoPath('src/shared/quiz/builtin-pack.ts')}) });\n`,
    );
    const leaks = await scanFolder(out, needles);
    for (const p of builtinPack()) {
      for (const [i, q] of p.quiz.questions.entries()) {
        const found = leaks.some(
          (l) => l.source === `built-in quiz "${p.id}" question ${i + 1}` && l.kind !== 'answer key',
        );
        expect(found, `${p.id} question ${i + 1}: ${q.prompt}`).toBe(true);
      }
    }
    const keys = leaks.filter((l) => l.kind === 'answer key');
    expect(keys.length).toBeGreaterThanOrEqual(builtinPack().flatMap((p) => p.quiz.questions).length);
  }, 120_000);

  it('finds quiz fixtures and docs examples bundled as JSON or as raw text', async () => {
    const out = await bundle(
      [
        `import science from ${repoPath('test/fixtures/imports/science.json')};`,
        `import gift from ${repoPath('test/fixtures/imports/moodle-questions.gift', '?raw')};`,
        `import aiken from ${repoPath('test/fixtures/imports/aiken-questions.txt', '?raw')};`,
        `import format from ${repoPath('docs/quiz-format.md', '?raw')};`,
        'Object.assign(globalThis, { quizzes: [science, gift, aiken, format] });',
      ].join('\n'),
    );
    const leaks = await scanFolder(out, needles);
    const found = sources(leaks);
    for (const source of [
      'test/fixtures/imports/science.json',
      'test/fixtures/imports/moodle-questions.gift',
      'test/fixtures/imports/aiken-questions.txt',
      'docs/quiz-format.md',
    ])
      expect(found, source).toContain(source);
    const keys = leaks.filter((l) => l.kind === 'answer key').map((l) => l.what);
    expect(
      keys.some((k) => k.startsWith('{=') || /\{\s*=/.test(k)),
      'a GIFT answer block',
    ).toBe(true);
    expect(
      keys.some((k) => /ANSWER\s*:\s*[A-H]$/.test(k)),
      'an Aiken answer line',
    ).toBe(true);
  }, 120_000);

  it('finds the answer key of a quiz it has never seen, in any of the usual shapes', async () => {
    const dir = tempDir();
    const files: Record<string, string> = {
      'minified.js': 'var q=[{kind:`choice`,prompt:`Zibble or zabble?`,options:[`Zib`,`Zab`],correct:1}];',
      'quoted.json': '{"questions":[{"options":["Flim","Flam"],"prompt":"Flim or flam?","correct":0}]}',
      'flags.js':
        'const a={question:"Which glorp?",choices:[{answer:"Glorp",correct:!0},{answer:"Blorp",correct:!1}]};',
      'gift.txt': 'Which wug? {=Wug ~Vug ~Tug}',
      'multi.json': '{"prompt":"Which snurps?","options":["Snurp","Blurp","Smurp"],"correct":[0,2]}',
      'true-false.js': 'var t={kind:"true_false",prompt:"Snarks are real.",correct:false};',
      'typed.js': 'var t={prompt:"Name the snark?",accepted:["Boojum","The Boojum"],typos:!0};',
      'ordering.js': "var o={prompt:'Oldest snark first',items:['Ur-snark','Mid-snark','New snark']};",
      'aiken.txt': 'Which zorp?\nA. Zorp\nB. Dorp\nANSWER: A\n',
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const leaks = await scanFolder(dir, needles);
    for (const name of Object.keys(files))
      expect(
        leaks.some((l) => l.file === name && l.kind === 'answer key'),
        name,
      ).toBe(true);
  });

  it('reads compressed files, data: URLs and HTML entities', async () => {
    const dir = tempDir();
    const science = builtinPack().find((p) => p.id === 'science')!.quiz;
    const json = JSON.stringify({ questions: science.questions.map((q) => ({ prompt: q.prompt })) });
    writeFileSync(join(dir, 'pack.js.gz'), gzipSync(json));
    writeFileSync(
      join(dir, 'inline.js'),
      `fetch("data:application/json;base64,${Buffer.from(json).toString('base64')}")`,
    );
    const prompt = science.questions[0]!.prompt;
    writeFileSync(join(dir, 'page.html'), `<p>${prompt.replace(/ /g, '&#32;').replace(/\?/g, '&#x3F;')}</p>`);
    const leaks = await scanFolder(dir, needles);
    for (const file of ['pack.js.gz', 'inline.js', 'page.html'])
      expect(
        leaks.some((l) => l.file === file && l.what === prompt),
        file,
      ).toBe(true);
  });

  it('lets through code that only names the fields (schemas, an empty new question, a reveal)', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'app.js'),
      [
        'const s=Mc({kind:Uc(`choice`),prompt:ml(500),options:Ac(ml(160)).min(2),correct:Sc().int()});',
        'function bl(){return{kind:`choice`,prompt:``,options:[``,``],correct:0,points:1e3}}',
        'const r=e.correct>=e.options.length;const v={correct:n.correct,counts:[]};',
      ].join('\n'),
    );
    expect(describeLeaks(await scanFolder(dir, needles))).toBe('');
  });
});
