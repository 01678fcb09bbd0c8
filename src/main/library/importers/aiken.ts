/**
 * Aiken, Moodle's plain-text multiple-choice format: the question on a line, then options
 * "A. ..." or "A) ...", then "ANSWER: B". There is no library for it worth the name, and the
 * format is line-based and tiny, so it is read here. A question whose ANSWER line is missing or
 * names no option is skipped with the line it starts on; the next question still counts.
 * Lines are read by hand, each character once: the regular expressions this replaced rescanned
 * long runs of spaces from every position.
 */
import { MAX_OPTIONS } from '../../../shared/quiz/quiz-schema';
import { ImportCollector, quoted, type ImportResult } from './import-result';
import { forEachLine, hasWordAt, isAsciiLetterCode, isSpaceCode, skipSpaces } from './text-scan';
import { UNMETERED, type WorkMeter } from './work-meter';

/** "ANSWER: B" -> "B" (a trimmed line); null when the line is not an ANSWER line. */
function answerOf(line: string, meter: WorkMeter): string | null {
  if (!hasWordAt(line, 0, 'answer')) return null;
  const colon = skipSpaces(line, 6, meter);
  if (line[colon] !== ':') return null;
  return line.slice(colon + 1).trim();
}

/** "B. text" or "b) text" -> B and the text (a trimmed line); null for any other line. */
function optionOf(line: string, meter: WorkMeter): { letter: string; text: string } | null {
  if (!isAsciiLetterCode(line.charCodeAt(0))) return null;
  const mark = skipSpaces(line, 1, meter);
  if (line[mark] !== '.' && line[mark] !== ')') return null;
  if (!isSpaceCode(line.charCodeAt(mark + 1))) return null;
  const text = line.slice(mark + 1).trim();
  return text === '' ? null : { letter: line[0]!.toUpperCase(), text };
}

interface Pending {
  line: number;
  prompt: string[];
  options: { letter: string; text: string }[];
}

export function importAiken(
  text: string,
  source: string,
  title: string,
  meter: WorkMeter = UNMETERED,
): ImportResult {
  const collector = new ImportCollector(source, 'aiken', (path) => {
    if (path[0] === 'prompt') return 'the question';
    if (path[0] === 'options' && typeof path[1] === 'number')
      return `option ${String.fromCharCode(65 + path[1])}`;
    return path.map(String).join('.');
  });
  let q = null as Pending | null;

  const unfinished = (pending: Pending) =>
    collector.skip(
      `line ${pending.line}`,
      pending.options.length === 0
        ? 'a question with no options (A. ... B. ...) and no ANSWER line'
        : 'no ANSWER line after the options',
    );

  const finish = (pending: Pending, answerLine: number, answer: string) => {
    const where = `line ${pending.line}`;
    const prompt = pending.prompt.join(' ');
    if (pending.options.length < 2) {
      return collector.skip(
        where,
        `has ${pending.options.length === 0 ? 'no options' : 'only one option'}; a question needs at least 2`,
      );
    }
    if (pending.options.length > MAX_OPTIONS) {
      return collector.skip(
        where,
        `has ${pending.options.length} options; a Quizroom question has at most ${MAX_OPTIONS}`,
      );
    }
    if (!/^[A-Za-z]$/.test(answer)) {
      return collector.skip(
        where,
        answer === ''
          ? `the ANSWER line (line ${answerLine}) names no option`
          : `the ANSWER line (line ${answerLine}) says ${quoted(answer)}; it must name one option letter (multi-select is not supported)`,
      );
    }
    const correct = pending.options.findIndex((o) => o.letter === answer.toUpperCase());
    if (correct < 0) {
      const letters = pending.options.map((o) => o.letter).join(', ');
      return collector.skip(
        where,
        `the ANSWER line (line ${answerLine}) names option ${answer.toUpperCase()}, which is not one of ${letters}`,
      );
    }
    return collector.take(where, {
      kind: 'choice',
      prompt,
      options: pending.options.map((o) => o.text),
      correct,
    });
  };

  forEachLine(text, meter, (raw, lineNo) => {
    const line = raw.trim();
    meter.add(raw.length);
    if (line === '') return;
    const answer = answerOf(line, meter);
    if (answer !== null) {
      if (q) finish(q, lineNo, answer);
      else collector.skip(`line ${lineNo}`, 'an ANSWER line with no question before it');
      q = null;
      return;
    }
    const option = q && q.prompt.length > 0 ? optionOf(line, meter) : null;
    if (q && option) {
      q.options.push(option);
      return;
    }
    if (q && q.options.length > 0) {
      // Options, then a line that is neither an option nor ANSWER: the ANSWER line is missing.
      unfinished(q);
      q = null;
    }
    if (q) q.prompt.push(line);
    else q = { line: lineNo, prompt: [line], options: [] };
  });
  if (q) unfinished(q);
  return collector.finish(title);
}
