/**
 * The JSON Schema of quiz files, generated from the zod quiz schema (`z.toJSONSchema`) so that
 * the two cannot drift apart; docs/quiz.schema.json is this, checked by a test. Rules zod checks
 * in code (the correct option exists, options do not repeat, the rules of each kind) are stated
 * in the descriptions.
 */
import { z } from 'zod';
import {
  MAX_MULTI_OPTIONS,
  MAX_OPTIONS,
  MAX_ORDER_ITEMS,
  MIN_OPTIONS,
  MIN_ORDER_ITEMS,
  QUIZ_SCHEMA_ID,
  QuizSchema,
} from './quiz-schema';

type JsonObject = { [key: string]: unknown };

const DESCRIPTIONS: Record<string, string> = {
  '': 'A Quizroom quiz: a title and its questions. See docs/quiz-format.md.',
  $schema: `The schema this file follows: "${QUIZ_SCHEMA_ID}".`,
  title: "The quiz's name, shown in the library and to players.",
  description: 'Shown in the quiz library.',
  questions: 'Asked in this order.',
  'questions.kind':
    'The kind of question: choice, true_false, multi_select, typed, number, ordering, poll or slide.',
  'questions.prompt': 'The question as players read it (a slide: its title).',
  'questions.options': `${MIN_OPTIONS} to ${MAX_OPTIONS} options; no two may be the same (ignoring case).`,
  'questions.correct':
    'Index of the one correct option, counting from 0; it must point at an existing option.',
  'questions.timeLimit':
    'Seconds to answer (5 to 240); when absent the room\'s "seconds per question" setting applies.',
  'questions.points':
    'Points for a right answer given at once (half of them at the deadline): 0 to 2000 in steps of 100; 1000 by default.',
  'questions.explanation': 'Shown to everybody at the reveal, never before.',
  'questions.image':
    "A picture shown with the prompt: a file in the package's media/ folder (the library's media/ folder for a quiz in the library), named by the SHA-256 of its bytes (hex) and its type's extension. Stored pictures are checked, at most 1600 pixels on their longest side and carry no metadata (docs/quiz-format.md, Pictures and sounds).",
  'questions.audio':
    "A sound played from the host screen while the question is open: a file in the package's media/ folder, named like a picture.",
  'questions.optionImages':
    "One entry per option: a picture in the package's media/ folder, or null for an option without one. The option's text stays and labels the picture.",
  'questions.true_false.correct': 'Whether the statement in the prompt is true.',
  'questions.multi_select.options': `${MIN_OPTIONS} to ${MAX_MULTI_OPTIONS} options; no two may be the same (ignoring case).`,
  'questions.multi_select.correct':
    'Indexes of every correct option (at least one, none twice), counting from 0. Partial credit: each right option picked earns 1/(right options), each wrong one costs 1/(wrong options), never below 0.',
  'questions.typed.accepted':
    'Every answer that counts as right; compared ignoring case, accents, spacing and punctuation.',
  'questions.typed.typos':
    'Also accept answers one edit off (two for answers of 8 characters or more; under 4 must be exact).',
  'questions.number.min': 'The lowest value on the slider.',
  'questions.number.max': 'The highest value on the slider (more than min).',
  'questions.number.step': 'The slider step (default 1); answers are min plus whole steps.',
  'questions.number.correct': 'The right value, between min and max.',
  'questions.number.tolerance':
    'Full credit on the right value, falling in a straight line to none at this distance (default a tenth of the range).',
  'questions.ordering.items': `${MIN_ORDER_ITEMS} to ${MAX_ORDER_ITEMS} items in their right order; players see them shuffled. Credit: the share of items put in their right place.`,
  'questions.poll.options': `${MIN_OPTIONS} to ${MAX_MULTI_OPTIONS} options; a poll has no right answer.`,
  'questions.poll.points': 'Always 0: a poll scores nothing.',
  'questions.slide.text': 'Text under the title; a slide takes no answers.',
  'questions.slide.points': 'Always 0: a slide scores nothing.',
};

/** `kind`: inside a question variant, whose own descriptions (`questions.<kind>.<field>`) come first. */
function describe(node: JsonObject, path: string, kind?: string): void {
  const own = kind ? DESCRIPTIONS[path.replace(/^questions\./, `questions.${kind}.`)] : undefined;
  const text = own ?? DESCRIPTIONS[path];
  if (text) node.description = text;
  const properties = node.properties as Record<string, JsonObject> | undefined;
  for (const [key, child] of Object.entries(properties ?? {}))
    describe(child, path ? `${path}.${key}` : key, kind);
  const items = node.items as JsonObject | undefined;
  const variants = (items?.oneOf ?? items?.anyOf) as JsonObject[] | undefined;
  for (const variant of variants ?? []) {
    const kindOf = (variant.properties as Record<string, JsonObject> | undefined)?.kind?.const;
    describe(variant, path, typeof kindOf === 'string' ? kindOf : kind);
  }
}

export function quizJsonSchema(): JsonObject {
  const generated = z.toJSONSchema(QuizSchema, { io: 'input' }) as JsonObject;
  const { $schema, ...rest } = generated;
  const schema: JsonObject = { $schema, $id: QUIZ_SCHEMA_ID, title: 'Quizroom quiz', ...rest };
  describe(schema, '');
  // zod says "any safe integer"; the real bound is the last option.
  const question = ((schema.properties as Record<string, JsonObject>).questions!.items as JsonObject)
    .oneOf as JsonObject[];
  for (const variant of question) {
    const properties = variant.properties as Record<string, JsonObject>;
    if (properties.kind?.const === 'choice') properties.correct!.maximum = MAX_OPTIONS - 1;
    if (properties.kind?.const === 'multi_select')
      (properties.correct!.items as JsonObject).maximum = MAX_MULTI_OPTIONS - 1;
  }
  return schema;
}

/** The text of docs/quiz.schema.json. */
export function quizJsonSchemaText(): string {
  return `${JSON.stringify(quizJsonSchema(), null, 2)}\n`;
}
