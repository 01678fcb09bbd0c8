/**
 * A quiz as the text of a portable `.json` quiz file: `$schema` first (so editors can validate
 * it against docs/quiz.schema.json), then the quiz, two-space indented, ending with a newline.
 */
import { QUIZ_SCHEMA_ID, type Quiz } from '../../shared/quiz/quiz-schema';

export function quizFileText(quiz: Quiz): string {
  const { $schema: _old, ...rest } = quiz;
  return `${JSON.stringify({ $schema: QUIZ_SCHEMA_ID, ...rest }, null, 2)}\n`;
}
