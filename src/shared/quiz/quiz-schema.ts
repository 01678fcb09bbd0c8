/**
 * The quiz model: what a quiz file holds, as zod schemas with the types inferred from them.
 * A question is a union on `kind` so that new kinds (multi-select, typed answers) can be added
 * without reshaping the ones that exist. Only `choice` exists today.
 */
import { z } from 'zod';

export const QUIZ_SCHEMA_ID = 'https://quizroom.invalid/schema/quiz-1.json';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 4;
export const DEFAULT_POINTS = 1000;
export const POINT_VALUES = [0, 1000, 2000] as const;
export const MIN_TIME_LIMIT_S = 5;
export const MAX_TIME_LIMIT_S = 240;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const ChoiceQuestionSchema = z
  .object({
    kind: z.literal('choice'),
    prompt: text(500),
    options: z
      .array(text(160))
      .min(MIN_OPTIONS, `needs at least ${MIN_OPTIONS} options`)
      .max(MAX_OPTIONS, `has more than ${MAX_OPTIONS} options`),
    /** Index into `options` of the one correct option. */
    correct: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
    /** Seconds to answer; when absent the room's "seconds per question" setting applies. */
    timeLimit: z.number().int().min(MIN_TIME_LIMIT_S).max(MAX_TIME_LIMIT_S).optional(),
    points: z
      .union([z.literal(0), z.literal(1000), z.literal(2000)], { error: 'must be 0, 1000 or 2000' })
      .default(DEFAULT_POINTS),
  })
  .superRefine((q, ctx) => {
    if (q.correct >= q.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: `points at option ${q.correct + 1} but there are only ${q.options.length} options (it counts from 0)`,
      });
    }
    const seen = new Set<string>();
    q.options.forEach((o, i) => {
      const key = o.toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['options', i], message: `repeats "${o}"` });
      seen.add(key);
    });
  });

export const QuestionSchema = z.discriminatedUnion('kind', [ChoiceQuestionSchema]);

export const QuizSchema = z.object({
  $schema: z.string().optional(),
  title: text(120),
  description: z.string().trim().max(1000).optional(),
  questions: z
    .array(QuestionSchema)
    .min(1, 'needs at least one question')
    .max(500, 'has more than 500 questions'),
});

export type ChoiceQuestion = z.infer<typeof ChoiceQuestionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type Quiz = z.infer<typeof QuizSchema>;
/** A quiz as written in a file, before defaults are filled in. */
export type QuizInput = z.input<typeof QuizSchema>;
