/**
 * Fails on user-visible text written into the renderer instead of the message catalog. A
 * TypeScript AST scan of every .ts/.tsx file under src/renderer (the i18n folder excepted) finds:
 * - JSX text with a letter in it (`<p>Hello</p>`);
 * - string or template literals with a letter in user-visible attributes and props (aria-label,
 *   title, placeholder, alt, label, hint, caption, …), directly or in a `?:`/`??`/`||` branch;
 * - in any other prop (a legend or a button's label handed to a component), a literal that reads
 *   like a sentence or a label (see below); key names, class names and addresses excepted;
 * - string literals placed as JSX children (`{busy ? 'Saving…' : 'Save'}`);
 * - any other string literal that reads like a sentence or a label: a capital letter, then a
 *   lower-case one, and a space (`'Final results'`, `'Send answer'`).
 * Not counted: object keys, import paths, `new Error(…)`/`console.*` arguments (for developers),
 * and the short ALLOWED list below, each with its reason.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../src/renderer');

/** Texts that are not words of any language, or are a name. */
const ALLOWED: ReadonlyMap<string, string> = new Map([
  ['Quizroom', 'the product’s name, the same in every language'],
  ['WPA/WPA2/WPA3', 'names of Wi-Fi security standards, written the same in every language'],
  ['WEP', 'the name of a Wi-Fi security standard, written the same in every language'],
]);

const USER_ATTRS = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
  'hint',
  'caption',
  'nextLabel',
  'confirmLabel',
  'heading',
  'message',
  'text',
]);

/** Props that hold no words for a person (key names, class names, addresses). */
const NOT_TEXT_ATTRS = new Set([
  'aria-keyshortcuts',
  'className',
  'id',
  'href',
  'src',
  'lang',
  'dir',
  'type',
]);

const LETTER = /\p{L}/u;
const SENTENCE = /^\s*\p{Lu}\p{Ll}+.*\s\S/u;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : files(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

/** String-ish expressions an attribute or child may evaluate to, through ?:, ??, || and (…). */
function literals(node: ts.Node): ts.Node[] {
  if (ts.isParenthesizedExpression(node)) return literals(node.expression);
  if (ts.isConditionalExpression(node)) return [...literals(node.whenTrue), ...literals(node.whenFalse)];
  if (
    ts.isBinaryExpression(node) &&
    (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      node.operatorToken.kind === ts.SyntaxKind.BarBarToken ||
      node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken)
  )
    return [...literals(node.left), ...literals(node.right)];
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
    return [node];
  return [];
}

function textOf(node: ts.Node, source: ts.SourceFile): string {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return node.getText(source);
}

/** Developer-facing: thrown errors, console output, imports, object keys, type positions. */
function forDevelopers(node: ts.Node): boolean {
  for (let at: ts.Node | undefined = node.parent; at; at = at.parent) {
    if (ts.isNewExpression(at) && /Error$/.test(at.expression.getText())) return true;
    if (ts.isCallExpression(at) && /^console\./.test(at.expression.getText())) return true;
    if (ts.isImportDeclaration(at) || ts.isExportDeclaration(at) || ts.isTypeNode(at)) return true;
    if (ts.isBlock(at) || ts.isSourceFile(at)) break;
  }
  const parent = node.parent;
  return (
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    ts.isLiteralTypeNode(parent) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node)
  );
}

function scan(path: string, code = readFileSync(path, 'utf8')): Finding[] {
  const source = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Finding[] = [];
  const seen = new Set<ts.Node>();
  const report = (node: ts.Node, text: string) => {
    if (seen.has(node)) return;
    seen.add(node);
    const trimmed = text.replace(/\s+/g, ' ').trim();
    if (!LETTER.test(trimmed) || ALLOWED.has(trimmed)) return;
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    found.push({ file: relative(ROOT, path), line, text: trimmed });
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxAttribute(node) && node.initializer && USER_ATTRS.has(node.name.getText(source))) {
      const init = node.initializer;
      const value = ts.isJsxExpression(init) ? init.expression : init;
      if (value) for (const lit of literals(value)) report(lit, textOf(lit, source));
    } else if (
      ts.isJsxAttribute(node) &&
      node.initializer &&
      !NOT_TEXT_ATTRS.has(node.name.getText(source))
    ) {
      // Any other prop (a legend, a button's label passed down) that reads like a sentence.
      const init = node.initializer;
      const value = ts.isJsxExpression(init) ? init.expression : init;
      if (value)
        for (const lit of literals(value))
          if (SENTENCE.test(textOf(lit, source))) report(lit, textOf(lit, source));
    } else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const lit of literals(node.expression)) report(lit, textOf(lit, source));
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateExpression(node)) &&
      !ts.isJsxAttribute(node.parent) &&
      !forDevelopers(node) &&
      SENTENCE.test(textOf(node, source))
    )
      report(node, textOf(node, source));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('no hard-coded user-visible text in src/renderer', () => {
  const all = files(ROOT);
  const byFile = new Map(all.map((path) => [relative(ROOT, path), scan(path)]));

  it('finds every text in the catalog, not in the code', () => {
    const found = [...byFile.values()].flat().map((f) => `${f.file}:${f.line}  ${JSON.stringify(f.text)}`);
    expect(found, 'put these texts in src/renderer/i18n/messages/<area>.ts and use t(…)').toEqual([]);
  });

  it('catches the kinds of text it is meant to', () => {
    const code = `const a = <p title="Hi there">Hello</p>; const b = <b>{x ? 'Saving…' : 'Save'}</b>;
      const c = 'Final results'; const d = { 'Key words': 1 }; const e = new Error('Bad thing here');
      const f = <i className="a b" aria-label={\`Join \${n}\`}>{t('x.y')} · 42</i>; const g = <b>Quizroom</b>;
      const h = <List legend="Accepted answers" rowKind="answer" />;`;
    expect(scan(join(ROOT, 'probe.tsx'), code).map((f) => f.text)).toEqual([
      'Hi there',
      'Hello',
      'Saving…',
      'Save',
      'Final results',
      'Join',
      'Accepted answers',
    ]);
  });
});
