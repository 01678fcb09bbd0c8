/**
 * An import result as lines a person reads: what was taken, from which format, and each skipped
 * or adjusted question with its row or line and the reason. The headless host prints these.
 */
import { FORMAT_NAMES, type ImportResult } from './import-result';

export function importSummaryLines(result: ImportResult, source: string): string[] {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const skipped = result.unlistedSkipped
    ? result.skipped.length - 1 + result.unlistedSkipped
    : result.skipped.length;
  const lines = [
    `Imported ${plural(result.taken, 'question')} from ${source} (${FORMAT_NAMES[result.format]})` +
      (skipped > 0 ? `; skipped ${skipped}:` : '.'),
  ];
  for (const s of result.skipped) lines.push(`  skipped ${s.where}: ${s.reason}`);
  if (result.adjusted.length > 0) lines.push(`Adjusted while importing:`);
  for (const a of result.adjusted) lines.push(`  adjusted ${a.where}: ${a.reason}`);
  return lines;
}
