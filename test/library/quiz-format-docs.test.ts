/**
 * The quiz format's documentation stays true: docs/quiz.schema.json is what the zod schema
 * generates (regenerate with UPDATE_QUIZ_SCHEMA=1 npx vitest run test/library/quiz-format-docs),
 * and every JSON example in docs/quiz-format.md is a valid quiz.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import { quizJsonSchema, quizJsonSchemaText } from '../../src/shared/quiz/quiz-json-schema';
import { QUIZ_SCHEMA_ID } from '../../src/shared/quiz/quiz-schema';

const SCHEMA_FILE = resolve(__dirname, '../../docs/quiz.schema.json');
const FORMAT_DOC = resolve(__dirname, '../../docs/quiz-format.md');

describe('docs/quiz.schema.json', () => {
  it('is the schema generated from the zod quiz schema', async () => {
    if (process.env.UPDATE_QUIZ_SCHEMA === '1') {
      const options = (await prettier.resolveConfig(SCHEMA_FILE)) ?? {};
      writeFileSync(
        SCHEMA_FILE,
        await prettier.format(quizJsonSchemaText(), { ...options, filepath: SCHEMA_FILE }),
      );
    }
    // Compared as data: the committed file is laid out by prettier like every other file.
    expect(JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))).toEqual(quizJsonSchema());
  });

  it('carries the id quiz files name in $schema, and the rules zod checks in code', () => {
    const schema = quizJsonSchema() as {
      $id: string;
      properties: {
        questions: {
          items: { oneOf: { properties: Record<string, { maximum?: number; description?: string }> }[] };
        };
      };
    };
    expect(schema.$id).toBe(QUIZ_SCHEMA_ID);
    const question = schema.properties.questions.items.oneOf[0]!.properties;
    expect(question.correct!.maximum).toBe(3);
    expect(question.correct!.description).toContain('counting from 0');
    expect(question.options!.description).toContain('no two may be the same');
  });
});

describe('docs/quiz-format.md', () => {
  it('has only valid quizzes in its JSON examples', () => {
    const blocks = [...readFileSync(FORMAT_DOC, 'utf8').matchAll(/```json\n([\s\S]*?)```/g)].map(
      (m) => m[1]!,
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(() => parseQuiz(JSON.parse(block), 'the example')).not.toThrow();
  });
});
