/**
 * Opening a quiz for the host: a file on disk or a quiz from the built-in pack
 * (`builtin:science`; `builtin` alone is a mix of the whole pack).
 */
import { readFile } from 'node:fs/promises';
import { builtinMix, builtinPack } from '../../shared/quiz/builtin-pack';
import { loadQuizText, QuizError } from '../../shared/quiz/load-quiz';
import type { Quiz } from '../../shared/quiz/quiz-schema';

export const MAX_QUIZ_FILE_BYTES = 5 * 1024 * 1024;

export async function readQuiz(ref: string | undefined): Promise<Quiz> {
  if (ref === undefined || ref === 'builtin') return builtinMix();
  if (ref.startsWith('builtin:')) {
    const id = ref.slice('builtin:'.length);
    const found = builtinPack().find((p) => p.id === id);
    if (!found) {
      const ids = builtinPack().map((p) => p.id);
      throw new QuizError(`There is no built-in quiz "${id}"; choose one of: ${ids.join(', ')}.`);
    }
    return found.quiz;
  }
  let text: string;
  try {
    const buffer = await readFile(ref);
    if (buffer.length > MAX_QUIZ_FILE_BYTES) throw new QuizError(`${ref} is larger than ${MAX_QUIZ_FILE_BYTES / 1024 / 1024} MB; is it a quiz?`);
    text = buffer.toString('utf8');
  } catch (e) {
    if (e instanceof QuizError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : String(e);
    throw new QuizError(`Cannot read quiz file ${ref}: ${why}.`);
  }
  return loadQuizText(text, ref);
}
