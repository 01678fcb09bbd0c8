/**
 * Aiken, Moodle's plain-text multiple-choice format: the question on a line, then options
 * "A. ..." or "A) ...", then "ANSWER: B". There is no library for it worth the name, and the
 * format is line-based and tiny, so it is read here. A question whose ANSWER line is missing or
 * names no option is skipped with the line it starts on; the next question still counts.
 */
import { MAX_OPTIONS } from '../../../shared/quiz/quiz-schema';
import { ImportCollector, type ImportResult } from './import-result';

const OPTION = /^\s*([A-Za-z])\s*[.)]\s+(.*\S)\s*$/;
const ANSWER = /^\s*ANSWER\s*:\s*(.*?)\s*$/i;

interface Pending {
  line: number;
  prompt: string[];
  options: { letter: string; text: string }[];
}

export function importAiken(text: string, source: string, title: string): ImportResult {
  const collector = new ImportCollector(source, 'aiken', (path) => {
    if (path[0] === 'prompt') return 'the question';
    if (path[0] === 'options' && typeof path[1] === 'number')
      return `option ${String.fromCharCode(65 + path[1])}`;
    return path.map(String).join('.');
  });
  let q: Pending | null = null;

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
          : `the ANSWER line (line ${answerLine}) says "${answer}"; it must name one option letter (multi-select is not supported)`,
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

  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const line = lines[i]!.trim();
    if (line === '') continue;
    const answer = ANSWER.exec(line);
    if (answer) {
      if (q) finish(q, lineNo, answer[1]!);
      else collector.skip(`line ${lineNo}`, 'an ANSWER line with no question before it');
      q = null;
      continue;
    }
    const option = q && q.prompt.length > 0 ? OPTION.exec(line) : null;
    if (q && option) {
      q.options.push({ letter: option[1]!.toUpperCase(), text: option[2]! });
      continue;
    }
    if (q && q.options.length > 0) {
      // Options, then a line that is neither an option nor ANSWER: the ANSWER line is missing.
      unfinished(q);
      q = null;
    }
    if (q) q.prompt.push(line);
    else q = { line: lineNo, prompt: [line], options: [] };
  }
  if (q) unfinished(q);
  return collector.finish(title);
}
