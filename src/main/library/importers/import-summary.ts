/**
 * An import result as lines a person reads: what was taken, from which format, and each skipped
 * or adjusted question with its row or line and the reason. The headless host prints these.
 */
import type { QuestionKind } from '../../../shared/quiz/quiz-schema';
import { FORMAT_NAMES, type ImportResult } from './import-result';

/** Kinds as the summary names them, in this order. */
export const KIND_WORDS: Record<QuestionKind, string> = {
  choice: 'multiple choice',
  true_false: 'true/false',
  multi_select: 'multi-select',
  typed: 'typed answer',
  number: 'number',
  ordering: 'ordering',
  poll: 'poll',
  slide: 'slide',
};

/** "As: 3 multiple choice, 1 true/false, 2 multi-select." */
export function kindsLine(kinds: ImportResult['kinds']): string {
  const parts = (Object.keys(KIND_WORDS) as QuestionKind[])
    .filter((k) => (kinds[k] ?? 0) > 0)
    .map((k) => `${kinds[k]} ${KIND_WORDS[k]}`);
  return `As: ${parts.join(', ')}.`;
}

export function importSummaryLines(result: ImportResult, source: string): string[] {
  const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  const skipped = result.unlistedSkipped
    ? result.skipped.length - 1 + result.unlistedSkipped
    : result.skipped.length;
  const lines = [
    `Imported ${plural(result.taken, 'question')} from ${source} (${FORMAT_NAMES[result.format]})` +
      (skipped > 0 ? `; skipped ${skipped}:` : '.'),
  ];
  lines.push(`  ${kindsLine(result.kinds)}`);
  if (result.media) lines.push(`  With ${plural(result.media, 'picture or sound', 'pictures and sounds')}.`);
  for (const s of result.skipped) lines.push(`  skipped ${s.where}: ${s.reason}`);
  if (result.adjusted.length > 0) lines.push(`Adjusted while importing:`);
  for (const a of result.adjusted) lines.push(`  adjusted ${a.where}: ${a.reason}`);
  return lines;
}
