/**
 * Answers in words for a report's columns, whatever the kind of question: the right answer
 * ("B; C" for a multi-select, "Paris / Paname" for a typed answer, "42 (±5)" for a number, the
 * items in order for an ordering) and what a player gave, and whether it was right.
 */
import { canonicalOrder, toleranceOf } from '../game/grading';
import type { AnswerRecord } from '../game';
import type { Question } from '../../shared/quiz/quiz-schema';
import { TRUE_FALSE_OPTIONS } from '../../shared/quiz/quiz-schema';

/** The options a player picks from in the report, in the quiz's order (none for typed, number, slide). */
export function reportOptions(q: Question): string[] {
  if (q.kind === 'choice' || q.kind === 'multi_select' || q.kind === 'poll') return [...q.options];
  if (q.kind === 'true_false') return [...TRUE_FALSE_OPTIONS];
  if (q.kind === 'ordering') return [...q.items];
  return [];
}

export function rightAnswerWords(q: Question): string {
  switch (q.kind) {
    case 'choice':
      return q.options[q.correct] ?? '';
    case 'true_false':
      return q.correct ? 'True' : 'False';
    case 'multi_select':
      return q.correct.map((i) => q.options[i] ?? '').join('; ');
    case 'typed':
      return q.accepted.join(' / ');
    case 'number': {
      const tolerance = toleranceOf(q);
      return tolerance > 0 ? `${q.correct} (±${tolerance})` : String(q.correct);
    }
    case 'ordering':
      return q.items.join(' → ');
    case 'poll':
      return '(poll)';
    case 'slide':
      return '(slide)';
  }
}

/** `index`: the question's place in the quiz (ordering answers are in shown order). */
export function givenAnswerWords(q: Question, index: number, a: AnswerRecord): string {
  const options = reportOptions(q);
  if (a.option !== undefined) return options[a.option] ?? '';
  if (a.options !== undefined) return a.options.map((i) => options[i] ?? '').join('; ');
  if (a.text !== undefined) return a.text;
  if (a.value !== undefined) return String(a.value);
  if (a.order !== undefined && q.kind === 'ordering')
    return canonicalOrder(q, index, a.order)
      .map((i) => q.items[i] ?? '')
      .join(' → ');
  return '';
}

/** "yes", "no", or the share of a partly right answer ("partly (50%)"). */
export function rightWords(correct: boolean, credit: number | undefined): string {
  if (correct) return 'yes';
  if (credit !== undefined && credit > 0) return `partly (${Math.round(credit * 100)}%)`;
  return 'no';
}
