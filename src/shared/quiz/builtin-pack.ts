/**
 * The quiz pack that ships with the app, so that Host works with no preparation. Each file is
 * checked against the quiz schema when first read; a broken file fails the build's tests.
 */
import artsAndLiterature from './pack/arts-and-literature.json';
import geography from './pack/geography.json';
import history from './pack/history.json';
import lawAndEngineering from './pack/law-and-engineering.json';
import medicineAndBody from './pack/medicine-and-body.json';
import science from './pack/science.json';
import { parseQuiz } from './load-quiz';
import type { Quiz } from './quiz-schema';

export interface PackQuiz {
  /** Stable id, used to pick a quiz from the pack (`--quiz builtin:science`). */
  id: string;
  quiz: Quiz;
}

const FILES: Record<string, unknown> = {
  science,
  history,
  geography,
  'medicine-and-body': medicineAndBody,
  'law-and-engineering': lawAndEngineering,
  'arts-and-literature': artsAndLiterature,
};

let cache: PackQuiz[] | null = null;

export function builtinPack(): PackQuiz[] {
  cache ??= Object.entries(FILES).map(([id, value]) => ({
    id,
    quiz: parseQuiz(value, `built-in quiz "${id}"`),
  }));
  return cache;
}

/** All built-in questions in one quiz: the default when a host names no quiz. */
export function builtinMix(): Quiz {
  const pack = builtinPack();
  return {
    title: 'General knowledge',
    description: `A mix from every field of the built-in pack (${pack.map((p) => p.quiz.title).join(', ')}).`,
    questions: pack.flatMap((p) => p.quiz.questions.slice(0, 2)),
  };
}
