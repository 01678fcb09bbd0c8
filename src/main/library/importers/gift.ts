/**
 * Moodle GIFT question files, parsed with gift-pegjs. Questions are separated by blank lines (as
 * Moodle reads them), so each block is parsed on its own: a broken or unsupported question is
 * skipped with its line number and the rest are still taken. Multiple choice with one right
 * answer becomes a choice question, with several right answers (or partial credit) a
 * multi-select; true/false a true/false question; short answer a typed answer; numerical a number
 * question with a slider around the answer. Essay, matching and descriptions are skipped with the
 * reason. HTML and Markdown in the text are reduced to plain text; feedback is dropped.
 * A block longer than MAX_GIFT_QUESTION_CHARS is skipped without being parsed, and once
 * MAX_GIFT_PARSED_CHARS have been handed to the parser the import stops with an error, so the
 * parser's work is bounded per question and per file whatever the file holds.
 */
import {
  parse as parseGift,
  type GIFTQuestion,
  type Numerical,
  type NumericalFormat,
  type TextChoice,
  type TextFormat,
} from 'gift-pegjs';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { MAX_ACCEPTED_ANSWERS, MAX_MULTI_OPTIONS, MAX_OPTIONS } from '../../../shared/quiz/quiz-schema';
import { MAX_GIFT_PARSED_CHARS, MAX_GIFT_QUESTION_CHARS } from './import-limits';
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
  Matching: 'a matching question',
};

/**
 * Which choices are right: one `=` answer or one worth 100% (a choice question), or several `=`
 * answers or several worth more than 0% (a multi-select: Quizroom's own partial credit applies).
 */
function rightChoices(choices: TextChoice[]): { right: number[] } | { reason: string } {
  const marked = choices.flatMap((c, i) => (c.isCorrect ? [i] : []));
  if (marked.length > 0) return { right: marked };
  const full = choices.flatMap((c, i) => (c.weight === 100 ? [i] : []));
  if (full.length === 1) return { right: full };
  const positive = choices.flatMap((c, i) => (c.weight !== null && c.weight > 0 ? [i] : []));
  if (positive.length > 0) return { right: positive };
  return { reason: 'has no right answer (mark one answer with =)' };
}

/** Decimal places of a number as written ("0.005" → 3). */
function decimals(n: number): number {
  const text = String(n);
  if (text.includes('e-')) return Number(text.split('e-')[1]);
  return text.includes('.') ? text.split('.')[1]!.length : 0;
}

/** The right value and Moodle's accepted margin of a numerical answer. */
function numericalAnswer(q: Numerical): { value: number; margin: number } | null {
  const formats: NumericalFormat[] = Array.isArray(q.choices)
    ? q.choices.filter((c) => c.isCorrect || c.weight === 100).map((c) => c.text)
    : [q.choices];
  const f = formats[0];
  if (!f) return null;
  if (f.type === 'high-low' && f.numberHigh !== undefined && f.numberLow !== undefined)
    return { value: (f.numberHigh + f.numberLow) / 2, margin: Math.abs(f.numberHigh - f.numberLow) / 2 };
  if (f.number === undefined || !Number.isFinite(f.number)) return null;
  return { value: f.number, margin: Math.abs(f.range ?? 0) };
}

/**
 * A number question from a numerical one: the slider steps in the answer's smallest decimal,
 * spans ten margins (at least a hundred steps) either side, and scores full points on the answer
 * falling to none at twice Moodle's margin (so an answer inside the margin earns at least half).
 */
function numberQuestion(
  value: number,
  margin: number,
): {
  fields: { min: number; max: number; step: number; correct: number; tolerance: number };
  note: string;
} {
  const step = 10 ** -Math.min(6, Math.max(decimals(value), decimals(margin)));
  const round = (n: number) => Number(n.toFixed(6));
  const span = Math.max(10 * margin, 100 * step);
  const min = round(value - span);
  const max = round(value + span);
  const tolerance = round(2 * margin);
  return {
    fields: { min, max, step, correct: value, tolerance },
    note: `numerical answer ${value}${margin ? ` ±${margin}` : ''} became a slider from ${min} to ${max} in steps of ${step}, full points on ${value}${tolerance ? ` falling to none at ±${tolerance}` : ''}`,
  };
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
  let parsedChars = 0;
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
    parsedChars += block.text.length;
    if (parsedChars > MAX_GIFT_PARSED_CHARS)
      throw new QuizError(
        `${source} holds more than ${MAX_GIFT_PARSED_CHARS / 1024} KB of GIFT questions (stopped at line ${block.line}); ` +
          `Quizroom reads up to that much from one file: split the question bank into smaller files.`,
      );
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
          collector.take(where, { kind: 'true_false', prompt: textOf(q.stem, meter), correct: q.isTrue });
          break;
        case 'Short': {
          const accepted = q.choices
            .filter((c) => c.isCorrect || c.weight === 100)
            .map((c) => textOf(c.text, meter));
          if (accepted.length === 0) {
            collector.skip(where, 'has no accepted answer (mark them with =)');
            break;
          }
          const adjustments =
            accepted.length > MAX_ACCEPTED_ANSWERS
              ? [`has ${accepted.length} accepted answers; the first ${MAX_ACCEPTED_ANSWERS} were kept`]
              : [];
          collector.take(
            where,
            {
              kind: 'typed',
              prompt: textOf(q.stem, meter),
              accepted: accepted.slice(0, MAX_ACCEPTED_ANSWERS),
            },
            adjustments,
          );
          break;
        }
        case 'Numerical': {
          const answer = numericalAnswer(q);
          if (!answer) {
            collector.skip(where, 'has no right numerical answer');
            break;
          }
          const { fields, note } = numberQuestion(answer.value, answer.margin);
          collector.take(where, { kind: 'number', prompt: textOf(q.stem, meter), ...fields }, [note]);
          break;
        }
        case 'MC': {
          if (q.choices.length < 2) {
            collector.skip(
              where,
              `has ${q.choices.length === 0 ? 'no answers' : 'only one answer'}; a question needs at least 2`,
            );
            break;
          }
          const right = rightChoices(q.choices);
          if ('reason' in right) {
            collector.skip(where, right.reason);
            break;
          }
          const multi = right.right.length > 1;
          const most = multi ? MAX_MULTI_OPTIONS : MAX_OPTIONS;
          if (q.choices.length > most) {
            collector.skip(
              where,
              `has ${q.choices.length} answers; a Quizroom ${multi ? 'multi-select' : 'question'} has at most ${most}`,
            );
            break;
          }
          collector.take(where, {
            ...(multi
              ? { kind: 'multi_select', correct: right.right }
              : { kind: 'choice', correct: right.right[0] }),
            prompt: textOf(q.stem, meter),
            options: q.choices.map((c) => textOf(c.text, meter)),
          });
          break;
        }
        default:
          collector.skip(
            where,
            `${UNSUPPORTED[q.type] ?? `a ${q.type} question`}: Quizroom imports multiple choice, multiple answers, true/false, short answer and numerical questions`,
          );
      }
    }
  }
  return collector.finish(title);
}
