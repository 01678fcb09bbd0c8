/**
 * The JSON Schema of quiz files, generated from the zod quiz schema (`z.toJSONSchema`) so that
 * the two cannot drift apart; docs/quiz.schema.json is this, checked by a test. Rules zod checks
 * in code (the correct option exists, options do not repeat) are stated in the descriptions.
 */
import { z } from 'zod';
import { MAX_OPTIONS, MIN_OPTIONS, QUIZ_SCHEMA_ID, QuizSchema } from './quiz-schema';

type JsonObject = { [key: string]: unknown };

const DESCRIPTIONS: Record<string, string> = {
  '': 'A Quizroom quiz: a title and its questions. See docs/quiz-format.md.',
  $schema: `The schema this file follows: "${QUIZ_SCHEMA_ID}".`,
  title: "The quiz's name, shown in the library and to players.",
  description: 'Shown in the quiz library.',
  questions: 'Asked in this order.',
  'questions.kind': 'The kind of question; "choice" (pick one option) is the only kind so far.',
  'questions.prompt': 'The question as players read it.',
  'questions.options': `${MIN_OPTIONS} to ${MAX_OPTIONS} options; no two may be the same (ignoring case).`,
  'questions.correct':
    'Index of the one correct option, counting from 0; it must point at an existing option.',
  'questions.timeLimit':
    'Seconds to answer (5 to 240); when absent the room\'s "seconds per question" setting applies.',
  'questions.points':
    'Points for a right answer given at once (half of them at the deadline): 0, 1000 (default) or 2000.',
};

function describe(node: JsonObject, path: string): void {
  const text = DESCRIPTIONS[path];
  if (text) node.description = text;
  const properties = node.properties as Record<string, JsonObject> | undefined;
  for (const [key, child] of Object.entries(properties ?? {})) describe(child, path ? `${path}.${key}` : key);
  const items = node.items as JsonObject | undefined;
  const variants = (items?.oneOf ?? items?.anyOf) as JsonObject[] | undefined;
  for (const variant of variants ?? []) describe(variant, path);
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
    const correct = (variant.properties as Record<string, JsonObject>).correct!;
    correct.maximum = MAX_OPTIONS - 1;
  }
  return schema;
}

/** The text of docs/quiz.schema.json. */
export function quizJsonSchemaText(): string {
  return `${JSON.stringify(quizJsonSchema(), null, 2)}\n`;
}
