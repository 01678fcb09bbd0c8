/**
 * The quiz model: what a quiz file holds, as zod schemas with the types inferred from them.
 * A question is a union on `kind`: choice (one right option), true/false, multi-select, typed
 * answer, number (slider), ordering, poll (no right answer) and slide (no answers). Every kind
 * shares the fields of `common` (time limit, points, explanation shown at the reveal).
 */
import { z } from 'zod';

export const QUIZ_SCHEMA_ID = 'https://quizroom.invalid/schema/quiz-1.json';

export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 4;
/** Multi-select and poll questions may offer a few more options than a one-answer choice. */
export const MAX_MULTI_OPTIONS = 6;
export const MIN_ORDER_ITEMS = 3;
export const MAX_ORDER_ITEMS = 6;
export const MAX_ACCEPTED_ANSWERS = 10;
export const MAX_TYPED_ANSWER = 100;
export const DEFAULT_POINTS = 1000;
export const MAX_POINTS = 2000;
/** Points go in steps of this size from 0 to MAX_POINTS (the editor offers each). */
export const POINT_STEP = 100;
export const POINT_VALUES: readonly number[] = Array.from(
  { length: MAX_POINTS / POINT_STEP + 1 },
  (_, i) => i * POINT_STEP,
);
export const MIN_TIME_LIMIT_S = 5;
export const MAX_TIME_LIMIT_S = 240;
export const MAX_READING_TIME_S = 20;

export const QUESTION_KINDS = [
  'choice',
  'true_false',
  'multi_select',
  'typed',
  'number',
  'ordering',
  'poll',
  'slide',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * A picture or sound inside a quiz: the file's name in the quiz's media, which is the SHA-256 of
 * its bytes (hex) and an extension for its sniffed type. A package (`.quizroom`, a zip) carries
 * them under `media/`; the host serves them as `/media/<ref>`. The name says nothing about the
 * answer: it is a hash of the bytes.
 */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'webp', 'gif'] as const;
export const AUDIO_EXTENSIONS = ['mp3', 'ogg', 'wav', 'm4a'] as const;
const mediaRef = (exts: readonly string[], what: string) =>
  z
    .string()
    .regex(
      new RegExp(`^[0-9a-f]{64}\\.(${exts.join('|')})$`),
      `must name a ${what} in the quiz's media (64 hex digits, then .${exts.join('/.')})`,
    );
export const ImageRefSchema = mediaRef(IMAGE_EXTENSIONS, 'picture');
export const AudioRefSchema = mediaRef(AUDIO_EXTENSIONS, 'sound');
export const MediaRefSchema = mediaRef([...IMAGE_EXTENSIONS, ...AUDIO_EXTENSIONS], 'media file');
export type MediaRef = z.infer<typeof MediaRefSchema>;

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const common = {
  prompt: text(500),
  /** Seconds to answer; when absent the room's "seconds per question" setting applies. */
  timeLimit: z.number().int().min(MIN_TIME_LIMIT_S).max(MAX_TIME_LIMIT_S).optional(),
  points: z
    .number({ error: `must be a number from 0 to ${MAX_POINTS}` })
    .int(`must be 0 to ${MAX_POINTS} in steps of ${POINT_STEP}`)
    .min(0, `must be 0 to ${MAX_POINTS} in steps of ${POINT_STEP}`)
    .max(MAX_POINTS, `must be 0 to ${MAX_POINTS} in steps of ${POINT_STEP}`)
    .multipleOf(POINT_STEP, `must be 0 to ${MAX_POINTS} in steps of ${POINT_STEP}`)
    .default(DEFAULT_POINTS),
  /** Seconds the prompt is shown alone before answers open (0: answers open at once). */
  readingTime: z
    .number()
    .int('must be a whole number of seconds')
    .min(0, 'must be 0 or more')
    .max(MAX_READING_TIME_S, `must be at most ${MAX_READING_TIME_S} seconds`)
    .optional(),
  /** Shown to everybody at the reveal, never before. */
  explanation: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  /** A picture shown with the prompt (projector and phones). */
  image: ImageRefSchema.optional(),
  /** A sound played from the host screen while the question is open. */
  audio: AudioRefSchema.optional(),
};

/**
 * Pictures as options: one entry per option (null: that option has no picture). The option's
 * text stays required and is the picture's label and alternative text.
 */
const optionImages = z.array(ImageRefSchema.nullable()).optional();

function imagesMatchOptions(
  q: { options: readonly string[]; optionImages?: readonly (string | null)[] | undefined },
  ctx: Ctx,
): void {
  if (q.optionImages && q.optionImages.length !== q.options.length)
    ctx.addIssue({
      code: 'custom',
      path: ['optionImages'],
      message: `has ${q.optionImages.length} entries but there are ${q.options.length} options (use null for an option without a picture)`,
    });
}

const optionList = (max: number) =>
  z
    .array(text(160))
    .min(MIN_OPTIONS, `needs at least ${MIN_OPTIONS} options`)
    .max(max, `has more than ${max} options`);

/** Each phone shows the options in an order of its own (the projector keeps the quiz's order). */
const shuffle = z.boolean().optional();

type Ctx = z.core.$RefinementCtx;

function noRepeats(list: readonly string[], field: string, ctx: Ctx): void {
  const seen = new Set<string>();
  list.forEach((o, i) => {
    const key = o.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [field, i], message: `repeats "${o}"` });
    seen.add(key);
  });
}

function optionExists(index: number, count: number, path: (string | number)[], ctx: Ctx): void {
  if (index >= count)
    ctx.addIssue({
      code: 'custom',
      path,
      message: `points at option ${index + 1} but there are only ${count} options (it counts from 0)`,
    });
}

export const ChoiceQuestionSchema = z
  .object({
    kind: z.literal('choice'),
    ...common,
    options: optionList(MAX_OPTIONS),
    /** Index into `options` of the one correct option. */
    correct: z.number().int('must be a whole number').min(0, 'must be 0 or more'),
    optionImages,
    shuffle,
  })
  .superRefine((q, ctx) => {
    optionExists(q.correct, q.options.length, ['correct'], ctx);
    noRepeats(q.options, 'options', ctx);
    imagesMatchOptions(q, ctx);
  });

export const TrueFalseQuestionSchema = z.object({
  kind: z.literal('true_false'),
  ...common,
  /** Whether the statement in the prompt is true. */
  correct: z.boolean({ error: 'must be true or false' }),
});

export const MultiSelectQuestionSchema = z
  .object({
    kind: z.literal('multi_select'),
    ...common,
    options: optionList(MAX_MULTI_OPTIONS),
    /** Indexes of every correct option (at least one), counting from 0. */
    correct: z
      .array(z.number().int('must be a whole number').min(0, 'must be 0 or more'))
      .min(1, 'needs at least one correct option'),
    optionImages,
    shuffle,
  })
  .superRefine((q, ctx) => {
    q.correct.forEach((c, i) => optionExists(c, q.options.length, ['correct', i], ctx));
    if (new Set(q.correct).size !== q.correct.length)
      ctx.addIssue({ code: 'custom', path: ['correct'], message: 'names an option twice' });
    noRepeats(q.options, 'options', ctx);
    imagesMatchOptions(q, ctx);
  });

export const TypedQuestionSchema = z
  .object({
    kind: z.literal('typed'),
    ...common,
    /** Every answer that counts as right; compared ignoring case, accents, spacing and punctuation. */
    accepted: z
      .array(text(MAX_TYPED_ANSWER))
      .min(1, 'needs at least one accepted answer')
      .max(MAX_ACCEPTED_ANSWERS, `has more than ${MAX_ACCEPTED_ANSWERS} accepted answers`),
    /** Also accept an answer one letter off (two for answers of 8 letters or more). */
    typos: z.boolean().default(false),
  })
  .superRefine((q, ctx) => {
    q.accepted.forEach((a, i) => {
      if (!/[\p{L}\p{N}]/u.test(a))
        ctx.addIssue({ code: 'custom', path: ['accepted', i], message: 'needs a letter or a digit' });
    });
  });

export const NumberQuestionSchema = z
  .object({
    kind: z.literal('number'),
    ...common,
    min: z.number().finite(),
    max: z.number().finite(),
    /** The slider's step; answers must be min + a whole number of steps. */
    step: z.number().finite().positive('must be more than 0').default(1),
    correct: z.number().finite(),
    /**
     * How far off an answer may be and still score: full credit on the right value, falling in a
     * straight line to none at this distance. Default: a tenth of the range.
     */
    tolerance: z.number().finite().min(0, 'must be 0 or more').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.max <= q.min) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be more than min' });
    else if ((q.max - q.min) / q.step > 10_000)
      ctx.addIssue({
        code: 'custom',
        path: ['step'],
        message: 'makes more than 10000 steps; use a larger step',
      });
    if (q.correct < q.min || q.correct > q.max)
      ctx.addIssue({
        code: 'custom',
        path: ['correct'],
        message: `must be between min and max (${q.min}–${q.max})`,
      });
  });

export const OrderingQuestionSchema = z
  .object({
    kind: z.literal('ordering'),
    ...common,
    /** The items in their right order; players see them shuffled. */
    items: z
      .array(text(80))
      .min(MIN_ORDER_ITEMS, `needs at least ${MIN_ORDER_ITEMS} items`)
      .max(MAX_ORDER_ITEMS, `has more than ${MAX_ORDER_ITEMS} items`),
  })
  .superRefine((q, ctx) => noRepeats(q.items, 'items', ctx));

export const PollQuestionSchema = z
  .object({
    kind: z.literal('poll'),
    ...common,
    options: optionList(MAX_MULTI_OPTIONS),
    /** A poll has no right answer and scores nothing. */
    points: z.literal(0, { error: 'must be 0: a poll scores nothing' }).default(0),
    optionImages,
    shuffle,
  })
  .superRefine((q, ctx) => {
    noRepeats(q.options, 'options', ctx);
    imagesMatchOptions(q, ctx);
  });

export const SlideQuestionSchema = z.object({
  kind: z.literal('slide'),
  ...common,
  /** Text under the title (the prompt); a slide takes no answers and scores nothing. */
  text: z.string().trim().max(1000, 'must be at most 1000 characters').optional(),
  points: z.literal(0, { error: 'must be 0: a slide scores nothing' }).default(0),
});

export const QuestionSchema = z.discriminatedUnion('kind', [
  ChoiceQuestionSchema,
  TrueFalseQuestionSchema,
  MultiSelectQuestionSchema,
  TypedQuestionSchema,
  NumberQuestionSchema,
  OrderingQuestionSchema,
  PollQuestionSchema,
  SlideQuestionSchema,
]);

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
export type TrueFalseQuestion = z.infer<typeof TrueFalseQuestionSchema>;
export type MultiSelectQuestion = z.infer<typeof MultiSelectQuestionSchema>;
export type TypedQuestion = z.infer<typeof TypedQuestionSchema>;
export type NumberQuestion = z.infer<typeof NumberQuestionSchema>;
export type OrderingQuestion = z.infer<typeof OrderingQuestionSchema>;
export type PollQuestion = z.infer<typeof PollQuestionSchema>;
export type SlideQuestion = z.infer<typeof SlideQuestionSchema>;
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionOf<K extends QuestionKind> = Extract<Question, { kind: K }>;
export type Quiz = z.infer<typeof QuizSchema>;
/** A quiz as written in a file, before defaults are filled in. */
export type QuizInput = z.input<typeof QuizSchema>;

/** The labels a true/false question shows, in answer order (option 0 is "True"). */
export const TRUE_FALSE_OPTIONS = ['True', 'False'] as const;
