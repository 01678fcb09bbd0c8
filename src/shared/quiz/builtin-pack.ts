/**
 * The quiz pack that ships with the app, so that Host works with no preparation. Each file is
 * checked against the quiz schema when first read; a broken file fails the build's tests.
 * Only the main process (hosts, the library) reads it: it holds every answer, so nothing a
 * browser loads may import it (lint forbids it in src/renderer, and test/build scans the built
 * web player for any quiz's text).
 */
import artsAndLiterature from './pack/arts-and-literature.json';
import geography from './pack/geography.json';
import history from './pack/history.json';
import lawAndEngineering from './pack/law-and-engineering.json';
import medicineAndBody from './pack/medicine-and-body.json';
import science from './pack/science.json';
import { parseQuiz } from './load-quiz';
import type { QuizChoice } from '../protocol/server-messages';
import type { Quiz } from './quiz-schema';

/** Hosts name a pack quiz by this prefix and its id: `builtin:science`. */
export const BUILTIN_PREFIX = 'builtin:';

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

/** The pack quiz a host names by `builtin:ID`, or undefined. */
export function findBuiltin(quizId: string): Quiz | undefined {
  return builtinPack().find((p) => `${BUILTIN_PREFIX}${p.id}` === quizId)?.quiz;
}

/** The pack as a host chooses from it: ids, titles and sizes, no questions. */
export function builtinChoices(): QuizChoice[] {
  return builtinPack().map((p) => ({
    id: `${BUILTIN_PREFIX}${p.id}`,
    title: p.quiz.title,
    questionCount: p.quiz.questions.length,
    ...(p.quiz.description ? { description: p.quiz.description } : {}),
  }));
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
