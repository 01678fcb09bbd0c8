/**
 * The media a quiz uses: every picture (question, option) and sound named in it, each once, in
 * the order they first appear.
 */
import type { MediaRef, Quiz } from '../../shared/quiz/quiz-schema';

export function mediaRefsOf(quiz: Quiz): MediaRef[] {
  const refs = new Set<MediaRef>();
  for (const q of quiz.questions) {
    if (q.image) refs.add(q.image);
    if (q.audio) refs.add(q.audio);
    if ('optionImages' in q && q.optionImages) {
      for (const ref of q.optionImages) if (ref) refs.add(ref);
    }
  }
  return [...refs];
}
