/**
 * What every importer returns, and the collector they share: each candidate question is checked
 * against the quiz schema on its own, so one bad row or question is skipped with its place and
 * the reason while the rest are taken. A file that yields no question at all is refused whole.
 */
import { basename, extname } from 'node:path';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { ChoiceQuestionSchema, type Question, type Quiz } from '../../../shared/quiz/quiz-schema';

export type ImportFormat = 'json' | 'kahoot-csv' | 'kahoot-xlsx' | 'gift' | 'aiken';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'Quizroom JSON',
  'kahoot-csv': 'Kahoot! spreadsheet (CSV)',
  'kahoot-xlsx': 'Kahoot! spreadsheet (XLSX)',
  gift: 'Moodle GIFT',
  aiken: 'Aiken',
};

/** A place in the source file ("row 7", "line 12") and what happened there. */
export interface ImportNote {
  where: string;
  reason: string;
}

export interface ImportResult {
  quiz: Quiz;
  format: ImportFormat;
  /** Questions taken into the quiz. */
  taken: number;
  /** Questions left out, with where and why. */
  skipped: ImportNote[];
  /** Questions taken with a change (a time limit clamped into range, ...). */
  adjusted: ImportNote[];
}

/** The most questions a quiz holds (the quiz schema's limit). */
export const MAX_QUESTIONS = 500;

/** Names a field of a question as the source format calls it ("Answer 3", "option B"). */
export type FieldNamer = (path: readonly PropertyKey[]) => string;

const defaultNamer: FieldNamer = (path) => path.map(String).join('.');

export class ImportCollector {
  private readonly questions: Question[] = [];
  private readonly skipped: ImportNote[] = [];
  private readonly adjusted: ImportNote[] = [];

  constructor(
    private readonly source: string,
    private readonly format: ImportFormat,
    private readonly nameField: FieldNamer = defaultNamer,
  ) {}

  /** Validates one question; takes it, or records why not. Returns true when taken. */
  take(where: string, candidate: unknown, adjustments: string[] = [], nameField = this.nameField): boolean {
    if (this.questions.length >= MAX_QUESTIONS) {
      return this.skip(where, `the quiz already has ${MAX_QUESTIONS} questions, the most a quiz can hold`);
    }
    const result = ChoiceQuestionSchema.safeParse(candidate);
    if (!result.success) {
      const reasons = result.error.issues.map((i) => `${nameField(i.path)} ${i.message}`);
      return this.skip(where, reasons.join('; '));
    }
    this.questions.push(result.data);
    for (const reason of adjustments) this.adjusted.push({ where, reason });
    return true;
  }

  skip(where: string, reason: string): false {
    this.skipped.push({ where, reason });
    return false;
  }

  /** The quiz of everything taken; refuses a file with nothing to take. */
  finish(title: string): ImportResult {
    if (this.questions.length === 0) {
      const shown = this.skipped.slice(0, 10).map((s) => `${s.where}: ${s.reason}`);
      const more = this.skipped.length > 10 ? [`... and ${this.skipped.length - 10} more`] : [];
      const problems = shown.length > 0 ? [...shown, ...more] : ['no questions found'];
      throw new QuizError(
        `${this.source} has no question Quizroom can use (read as ${FORMAT_NAMES[this.format]}):\n  ${problems.join('\n  ')}`,
        problems,
      );
    }
    return {
      quiz: { title, questions: this.questions },
      format: this.format,
      taken: this.questions.length,
      skipped: this.skipped,
      adjusted: this.adjusted,
    };
  }
}

/** A quiz title from a file name: "science week.gift" -> "science week". */
export function titleFromFileName(source: string): string {
  const stem = basename(source, extname(source)).replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return stem.slice(0, 120).trim() || 'Imported quiz';
}

/** "1, 3 and 4" */
export function listWords(items: readonly (string | number)[]): string {
  const words = items.map(String);
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
