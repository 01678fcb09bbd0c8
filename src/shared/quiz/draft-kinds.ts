/**
 * Changing a question's kind in the editor: the new kind keeps the prompt, the per-question
 * settings and its media, and whatever else carries over (options between choice, multi-select and
 * poll; options become ordering items and back; a choice's right option becomes a typed answer).
 * What cannot carry over starts empty, for the person to fill in.
 */
import type { QuizDraftQuestion } from './quiz-draft';
import {
  DEFAULT_POINTS,
  MAX_MULTI_OPTIONS,
  MAX_OPTIONS,
  MAX_ORDER_ITEMS,
  MIN_OPTIONS,
  MIN_ORDER_ITEMS,
  type QuestionKind,
} from './quiz-schema';

type DraftOf<K extends QuestionKind> = Extract<QuizDraftQuestion, { kind: K }>;

/** The kinds whose answers are a list of options. */
export const OPTION_KINDS = ['choice', 'multi_select', 'poll'] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];
export function hasOptions(q: QuizDraftQuestion): q is DraftOf<OptionKind> {
  return (OPTION_KINDS as readonly string[]).includes(q.kind);
}

/** The most options (or items) each kind takes. */
export function maxOptionsOf(kind: QuestionKind): number {
  if (kind === 'choice') return MAX_OPTIONS;
  if (kind === 'ordering') return MAX_ORDER_ITEMS;
  return MAX_MULTI_OPTIONS;
}

/** The texts a question has as a list, in order (options or items), or none. */
function listOf(q: QuizDraftQuestion): string[] {
  if (hasOptions(q)) return [...q.options];
  if (q.kind === 'ordering') return [...q.items];
  return [];
}

function fit(list: string[], min: number, max: number): string[] {
  const out = list.slice(0, max);
  while (out.length < min) out.push('');
  return out;
}

/** Indexes of the right options (choice, multi-select), else none. */
function rightOf(q: QuizDraftQuestion): number[] {
  if (q.kind === 'choice') return [q.correct];
  if (q.kind === 'multi_select') return [...q.correct];
  return [];
}

export function changeKind(q: QuizDraftQuestion, kind: QuestionKind): QuizDraftQuestion {
  if (q.kind === kind) return q;
  const common = {
    prompt: q.prompt,
    ...(q.timeLimit !== undefined ? { timeLimit: q.timeLimit } : {}),
    ...(q.readingTime !== undefined ? { readingTime: q.readingTime } : {}),
    ...(q.explanation !== undefined ? { explanation: q.explanation } : {}),
    ...mediaOf(q),
  };
  const scored = q.kind === 'poll' || q.kind === 'slide' ? DEFAULT_POINTS : (q.points ?? DEFAULT_POINTS);
  const list = listOf(q);
  const right = rightOf(q).filter((i) => i < list.length);
  const images = (q as { optionImages?: (string | null)[] }).optionImages;
  const shuffle = 'shuffle' in q && q.shuffle !== undefined ? { shuffle: q.shuffle } : {};
  const optionsFor = (max: number) => {
    const options = fit(list, MIN_OPTIONS, max);
    const kept =
      images && images.length === list.length && list.length === options.length
        ? { optionImages: images }
        : {};
    return { options, ...kept, ...shuffle };
  };
  switch (kind) {
    case 'choice': {
      const o = optionsFor(MAX_OPTIONS);
      const correct = right[0] !== undefined && right[0] < o.options.length ? right[0] : 0;
      return { kind, ...common, points: scored, ...o, correct };
    }
    case 'multi_select': {
      const o = optionsFor(MAX_MULTI_OPTIONS);
      const correct = right.filter((i) => i < o.options.length);
      return { kind, ...common, points: scored, ...o, correct: correct.length ? correct : [0] };
    }
    case 'poll':
      return { kind, ...common, points: 0, ...optionsFor(MAX_MULTI_OPTIONS) };
    case 'true_false':
      return { kind, ...common, points: scored, correct: true };
    case 'typed': {
      const first = right.map((i) => list[i]!).find((t) => t.trim() !== '');
      return { kind, ...common, points: scored, accepted: [first ?? ''], typos: false };
    }
    case 'number':
      return { kind, ...common, points: scored, min: 0, max: 10, step: 1, correct: 5 };
    case 'ordering':
      return { kind, ...common, points: scored, items: fit(list, MIN_ORDER_ITEMS, MAX_ORDER_ITEMS) };
    case 'slide':
      return { kind, ...common, points: 0, text: '' };
  }
}

/** The question's own picture and sound, if any (every kind may have them). */
function mediaOf(q: QuizDraftQuestion): { image?: string; audio?: string } {
  const m = q as { image?: string; audio?: string };
  return {
    ...(m.image !== undefined ? { image: m.image } : {}),
    ...(m.audio !== undefined ? { audio: m.audio } : {}),
  };
}
