/**
 * Opening a quiz for the host: a file on disk in any importable format (Quizroom JSON or package, Kahoot!
 * CSV or XLSX, GIFT, Aiken) or a quiz from the built-in pack (`builtin:science`; `builtin` alone
 * is a mix of the whole pack).
 */
import { builtinMix, builtinPack } from '../../shared/quiz/builtin-pack';
import { QuizError } from '../../shared/quiz/load-quiz';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import type { ImportResult } from './importers/import-result';
import { importQuizFile } from './importers/import-quiz-file';

export { MAX_QUIZ_FILE_BYTES } from './importers/import-quiz-file';

export interface OpenedQuiz {
  quiz: Quiz;
  /** What the import took and skipped; null for a built-in quiz. */
  imported: ImportResult | null;
}

/**
 * The quiz `ref` names. A package's pictures and sounds go to the media store in `mediaDir`
 * (a package with media is refused without one).
 */
export async function openQuiz(
  ref: string | undefined,
  options: { mediaDir?: string } = {},
): Promise<OpenedQuiz> {
  if (ref === undefined || ref === 'builtin') return { quiz: builtinMix(), imported: null };
  if (ref.startsWith('builtin:')) {
    const id = ref.slice('builtin:'.length);
    const found = builtinPack().find((p) => p.id === id);
    if (!found) {
      const ids = builtinPack().map((p) => p.id);
      throw new QuizError(`There is no built-in quiz "${id}"; choose one of: ${ids.join(', ')}.`);
    }
    return { quiz: found.quiz, imported: null };
  }
  const imported = await importQuizFile(ref, options);
  return { quiz: imported.quiz, imported };
}

export async function readQuiz(ref: string | undefined): Promise<Quiz> {
  return (await openQuiz(ref)).quiz;
}
