/**
 * Reading a quiz file: JSON syntax errors name the line and column, schema errors name the
 * question number and field, so a person can fix the file without guessing.
 */
import type { z } from 'zod';
import { findJsonSyntaxError, lineAndColumn } from './json-syntax';
import { QuizSchema, type Quiz } from './quiz-schema';

export class QuizError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'QuizError';
  }
}

/** "question 3, options[2]" from a zod path such as ['questions', 2, 'options', 2]. */
export function describePath(path: readonly PropertyKey[], root = 'the quiz'): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === 'questions' && typeof path[i + 1] === 'number') {
      parts.push(`question ${(path[i + 1] as number) + 1}`);
      i++;
    } else if (typeof key === 'number') {
      const last = parts.pop() ?? '';
      parts.push(`${last}[${key}]`);
    } else {
      parts.push(String(key));
    }
  }
  return parts.length > 0 ? parts.join(', ') : root;
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], root?: string): string[] {
  return issues.map((issue) => `${describePath(issue.path, root)}: ${issue.message}`);
}

/** Validates a parsed value as a quiz; throws QuizError listing every problem. */
export function parseQuiz(value: unknown, source = 'quiz'): Quiz {
  const result = QuizSchema.safeParse(value);
  if (result.success) return result.data;
  const problems = formatIssues(result.error.issues);
  throw new QuizError(`${source} is not a valid quiz:\n  ${problems.join('\n  ')}`, problems);
}

/** Parses quiz JSON text; `source` (a file name) is used in error messages. */
export function loadQuizText(text: string, source = 'quiz'): Quiz {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const found = findJsonSyntaxError(text);
    if (found)
      throw new QuizError(
        `${source} is not valid JSON at ${lineAndColumn(text, found.offset)}: ${found.reason}.`,
      );
    throw new QuizError(`${source} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  return parseQuiz(value, source);
}
