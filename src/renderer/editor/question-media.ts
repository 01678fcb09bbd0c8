/**
 * A question's pictures and sound as the editor holds them (media names from the library's media
 * store), and the fields they become in the draft: `image`, `audio`, and `optionImages` kept one
 * entry per option (null: no picture), left out when no option has one.
 */
import type { QuizDraftQuestion } from '../../shared/api/quiz-api';

export interface QuestionMedia {
  image?: string;
  audio?: string;
  optionImages?: (string | null)[];
}

export function mediaOf(q: QuizDraftQuestion): QuestionMedia {
  return {
    ...(q.image ? { image: q.image } : {}),
    ...(q.audio ? { audio: q.audio } : {}),
    ...('optionImages' in q && q.optionImages ? { optionImages: [...q.optionImages] } : {}),
  };
}

/** The draft fields of `media`; `options`: how many options the question has (none: no option pictures). */
export function mediaFields(media: QuestionMedia, options?: number): QuestionMedia {
  const images =
    options === undefined ? [] : Array.from({ length: options }, (_, i) => media.optionImages?.[i] ?? null);
  return {
    ...(media.image ? { image: media.image } : {}),
    ...(media.audio ? { audio: media.audio } : {}),
    ...(images.some((ref) => ref !== null) ? { optionImages: images } : {}),
  };
}

/** The media after option `index` was removed (its picture goes with it). */
export function withoutOption(media: QuestionMedia, index: number): QuestionMedia {
  if (!media.optionImages) return media;
  return { ...media, optionImages: media.optionImages.filter((_, i) => i !== index) };
}

/** The media with option `index`'s picture set (or removed: undefined). */
export function withOptionImage(media: QuestionMedia, index: number, ref: string | undefined): QuestionMedia {
  const images = [...(media.optionImages ?? [])];
  while (images.length <= index) images.push(null);
  images[index] = ref ?? null;
  return { ...media, optionImages: images };
}

/** The media with the question's picture or sound set (or removed: undefined). */
export function withQuestionMedia(
  media: QuestionMedia,
  kind: 'image' | 'audio',
  ref: string | undefined,
): QuestionMedia {
  const { [kind]: _old, ...rest } = media;
  return ref ? { ...rest, [kind]: ref } : rest;
}
