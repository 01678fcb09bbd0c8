/**
 * A question's pictures and sound in the draft: `image`, `audio`, and `optionImages` kept one
 * entry per option (null: no picture), left out when no option has one. Moving or removing an
 * option moves its picture with it (answer-fields.tsx).
 */
import type { QuizDraftQuestion } from '../../shared/api/quiz-api';

/** The question with its picture or sound set (or removed: undefined). */
export function withQuestionMedia(
  q: QuizDraftQuestion,
  kind: 'image' | 'audio',
  ref: string | undefined,
): QuizDraftQuestion {
  const { [kind]: _old, ...rest } = q;
  return (ref ? { ...rest, [kind]: ref } : rest) as QuizDraftQuestion;
}

/** The question with option `index`'s picture set (or removed: undefined); other kinds unchanged. */
export function withOptionImage(
  q: QuizDraftQuestion,
  index: number,
  ref: string | undefined,
): QuizDraftQuestion {
  if (q.kind !== 'choice' && q.kind !== 'multi_select' && q.kind !== 'poll') return q;
  const images = Array.from({ length: q.options.length }, (_, i) => q.optionImages?.[i] ?? null);
  if (index < images.length) images[index] = ref ?? null;
  const { optionImages: _old, ...rest } = q;
  return images.some((r) => r !== null) ? { ...rest, optionImages: images } : rest;
}
