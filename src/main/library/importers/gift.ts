/**
 * Moodle GIFT question files, parsed with gift-pegjs. Questions are separated by blank lines (as
 * Moodle reads them), so each block is parsed on its own: a broken or unsupported question is
 * skipped with its line number and the rest are still taken. Multiple choice with one right
 * answer and true/false are taken; essay, numerical, short answer, matching, descriptions and
 * multiple choice with several right answers or partial credit are skipped with the reason.
 * HTML and Markdown in the text are reduced to plain text; feedback is dropped.
 * A block longer than MAX_GIFT_QUESTION_CHARS is skipped without being parsed, so the parser's
 * work per question is bounded whatever the file holds.
 */
import { parse as parseGift, type GIFTQuestion, type TextChoice, type TextFormat } from 'gift-pegjs';
import { MAX_OPTIONS } from '../../../shared/quiz/quiz-schema';
import { MAX_GIFT_QUESTION_CHARS } from './import-limits';
import { ImportCollector, type ImportResult } from './import-result';
import { plainText } from './plain-text';
import { forEachLine } from './text-scan';
import { UNMETERED, type WorkMeter } from './work-meter';

interface Block {
  /** Line of the block's first line that is not a comment (counted from 1). */
  line: number;
  /** Line the block's text starts on. */
  firstLine: number;
  text: string;
}

function blocks(text: string, meter: WorkMeter): Block[] {
  const out: Block[] = [];
  let current: { firstLine: number; lines: string[] } | null = null;
  const flush = () => {
    if (!current) return;
    const offset = current.lines.findIndex((l) => !l.trimStart().startsWith('//'));
    // A block of comments only is not a question.
    if (offset >= 0)
      out.push({
        line: current.firstLine + offset,
        firstLine: current.firstLine,
        text: current.lines.join('\n'),
      });
    current = null;
  };
  forEachLine(text, meter, (line, lineNo) => {
    meter.add(line.length);
    if (line.trim() === '') flush();
    else (current ??= { firstLine: lineNo, lines: [] }).lines.push(line);
  });
  flush();
  return out;
}

function textOf(format: TextFormat, meter: WorkMeter): string {
  return plainText(
    format.text,
    format.format === 'markdown' ? 'markdown' : format.format === 'plain' ? 'plain' : 'html',
    meter,
  );
}

const UNSUPPORTED: Partial<Record<GIFTQuestion['type'], string>> = {
  Essay: 'an essay question',
  Numerical: 'a numerical question',
  Short: 'a short-answer question',
  Matching: 'a matching question',
};

/** Which choice is right: one `=` answer, or one answer worth 100%. */
function rightChoice(choices: TextChoice[]): { index: number } | { reason: string } {
  const marked = choices.flatMap((c, i) => (c.isCorrect ? [i] : []));
  if (marked.length === 1) return { index: marked[0]! };
  if (marked.length > 1) {
    return { reason: `has ${marked.length} right answers (=); a Quizroom question has exactly one` };
  }
  const full = choices.flatMap((c, i) => (c.weight === 100 ? [i] : []));
  if (full.length === 1) return { index: full[0]! };
  if (choices.some((c) => c.weight !== null && c.weight > 0)) {
    return {
      reason: 'gives partial credit (%...%) to several answers: multi-select questions are not supported',
    };
  }
  return { reason: 'has no right answer (mark one answer with =)' };
}

export function importGift(
  text: string,
  source: string,
  title: string,
  meter: WorkMeter = UNMETERED,
): ImportResult {
  const collector = new ImportCollector(source, 'gift', (path) => {
    if (path[0] === 'prompt') return 'the question text';
    if (path[0] === 'options' && typeof path[1] === 'number') return `answer ${path[1] + 1}`;
    return path.map(String).join('.');
  });
  for (const block of blocks(text, meter)) {
    // Parsing is most of a GIFT import's time; a full quiz takes nothing more.
    if (collector.full) {
      collector.skipFull(`line ${block.line}`);
      continue;
    }
    if (block.text.length > MAX_GIFT_QUESTION_CHARS) {
      collector.skip(
        `line ${block.line}`,
        `this question is ${Math.ceil(block.text.length / 1024)} KB long and was not read; Quizroom reads GIFT ` +
          `questions of up to ${MAX_GIFT_QUESTION_CHARS / 1024} KB (is a blank line missing between two questions?)`,
      );
      continue;
    }
    let parsed: GIFTQuestion[];
    try {
      meter.add(block.text.length);
      parsed = parseGift(block.text);
    } catch (e) {
      const location = (e as { location?: { start?: { line?: number } } }).location?.start?.line;
      const line = location !== undefined ? block.firstLine + location - 1 : block.line;
      const message = e instanceof Error ? e.message.replace(/\.$/, '') : String(e);
      collector.skip(`line ${line}`, `not valid GIFT: ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
      continue;
    }
    for (const q of parsed) {
      const where = `line ${block.line}`;
      switch (q.type) {
        case 'Category':
          break;
        case 'Description':
          collector.skip(where, 'a description (text with no answers), not a question');
          break;
        case 'TF':
          collector.take(where, {
            kind: 'choice',
            prompt: textOf(q.stem, meter),
            options: ['True', 'False'],
            correct: q.isTrue ? 0 : 1,
          });
          break;
        case 'MC': {
          if (q.choices.length < 2) {
            collector.skip(
              where,
              `has ${q.choices.length === 0 ? 'no answers' : 'only one answer'}; a question needs at least 2`,
            );
            break;
          }
          if (q.choices.length > MAX_OPTIONS) {
            collector.skip(
              where,
              `has ${q.choices.length} answers; a Quizroom question has at most ${MAX_OPTIONS}`,
            );
            break;
          }
          const right = rightChoice(q.choices);
          if ('reason' in right) {
            collector.skip(where, right.reason);
            break;
          }
          collector.take(where, {
            kind: 'choice',
            prompt: textOf(q.stem, meter),
            options: q.choices.map((c) => textOf(c.text, meter)),
            correct: right.index,
          });
          break;
        }
        default:
          collector.skip(
            where,
            `${UNSUPPORTED[q.type] ?? `a ${q.type} question`}: only multiple choice and true/false questions are imported`,
          );
      }
    }
  }
  return collector.finish(title);
}
