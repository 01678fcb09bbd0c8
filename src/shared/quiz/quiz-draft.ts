/**
 * A quiz as the editor holds it while a person types: the shape of a quiz file, but lenient (empty
 * texts, a wrong number of options), so that every keystroke can be saved as a draft and nothing is
 * lost. `quizProblems` checks a draft against the real quiz schema and names each problem by field
 * path ("questions.2.options.1"), which the editor shows next to that field.
 */
import { z } from 'zod';
import { AudioRefSchema, ImageRefSchema, QuizSchema } from './quiz-schema';

/** Generous bounds: a draft may be wrong, but not unbounded (it crosses IPC and lands on disk). */
const draftCommon = {
  prompt: z.string().max(5000),
  timeLimit: z.number().finite().min(0).max(100_000).optional(),
  points: z.number().int().min(0).max(100_000).optional(),
  explanation: z.string().max(5000).optional(),
  readingTime: z.number().finite().min(0).max(100_000).optional(),
  image: ImageRefSchema.optional(),
  audio: AudioRefSchema.optional(),
};
/** One picture (or null) per option, as many as options may be. */
const draftOptionImages = (max: number) => z.array(ImageRefSchema.nullable()).max(max).optional();
const draftTexts = (max: number) => z.array(z.string().max(2000)).max(max, `has more than ${max} entries`);
const index = z.number().int().min(0).max(15);

export const QuizDraftQuestionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('choice'),
    ...draftCommon,
    options: draftTexts(8),
    optionImages: draftOptionImages(8),
    correct: index,
    shuffle: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('true_false'), ...draftCommon, correct: z.boolean() }),
  z.strictObject({
    kind: z.literal('multi_select'),
    ...draftCommon,
    options: draftTexts(12),
    optionImages: draftOptionImages(12),
    correct: z.array(index).max(12),
    shuffle: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('typed'),
    ...draftCommon,
    accepted: draftTexts(20),
    typos: z.boolean().optional(),
  }),
  z.strictObject({
    kind: z.literal('number'),
    ...draftCommon,
    min: z.number().finite(),
    max: z.number().finite(),
    step: z.number().finite().optional(),
    correct: z.number().finite(),
    tolerance: z.number().finite().optional(),
  }),
  z.strictObject({ kind: z.literal('ordering'), ...draftCommon, items: draftTexts(12) }),
  z.strictObject({
    kind: z.literal('poll'),
    ...draftCommon,
    options: draftTexts(12),
    optionImages: draftOptionImages(12),
    shuffle: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('slide'), ...draftCommon, text: z.string().max(10_000).optional() }),
]);

export const QuizDraftSchema = z.strictObject({
  $schema: z.string().max(1000).optional(),
  title: z.string().max(1000),
  description: z.string().max(10_000).optional(),
  questions: z.array(QuizDraftQuestionSchema).max(500, 'has more than 500 questions'),
});

export type QuizDraftQuestion = z.infer<typeof QuizDraftQuestionSchema>;
export type QuizDraft = z.infer<typeof QuizDraftSchema>;

/** One thing wrong with a draft: the field (as a path) and what is wrong with it. */
export interface QuizProblem {
  path: (string | number)[];
  message: string;
}

/** The key of a field in the editor: "title", "questions.0.options.2". */
export function problemKey(path: readonly (string | number)[]): string {
  return path.join('.');
}

/** Everything that keeps the draft from being a valid quiz; empty when it is one. */
export function quizProblems(draft: unknown): QuizProblem[] {
  const result = QuizSchema.safeParse(draft);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: issue.message,
  }));
}

/** What a new quiz starts with: one question to fill in. */
export function newQuestion(): Extract<QuizDraftQuestion, { kind: 'choice' }> {
  return { kind: 'choice', prompt: '', options: ['', ''], correct: 0, points: 1000 };
}

export const NEW_QUIZ: QuizDraft = {
  title: 'New quiz',
  questions: [
    { kind: 'choice', prompt: 'Your first question', options: ['Yes', 'No'], correct: 0, points: 1000 },
  ],
};
