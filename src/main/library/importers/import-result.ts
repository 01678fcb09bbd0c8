/**
 * What every importer returns, and the collector they share: each candidate question is checked
 * against the quiz schema on its own, so one bad row or question is skipped with its place and
 * the reason while the rest are taken. A file that yields no question at all is refused whole.
 */
import { basename, extname } from 'node:path';
import { QuizError } from '../../../shared/quiz/load-quiz';
import {
  QuestionSchema,
  type Question,
  type QuestionKind,
  type Quiz,
} from '../../../shared/quiz/quiz-schema';
import { MAX_LISTED_NOTES, MAX_QUOTED_CHARS } from './import-limits';

export type ImportFormat = 'json' | 'quizroom-package' | 'kahoot-csv' | 'kahoot-xlsx' | 'gift' | 'aiken';

export const FORMAT_NAMES: Record<ImportFormat, string> = {
  json: 'Quizroom JSON',
  'quizroom-package': 'Quizroom package',
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
  /** Pictures and sounds taken with the quiz (a package's), now in the media store. */
  media?: number;
  /** How many questions became each kind (kinds with none are left out). */
  kinds: Partial<Record<QuestionKind, number>>;
  /**
   * Questions skipped beyond the first MAX_LISTED_NOTES, which `skipped` sums up in its last note
   * instead of listing (a file of a million broken rows must not become a million messages).
   */
  unlistedSkipped?: number;
}

/** The most questions a quiz holds (the quiz schema's limit). */
export const MAX_QUESTIONS = 500;

/** Names a field of a question as the source format calls it ("Answer 3", "option B"). */
export type FieldNamer = (path: readonly PropertyKey[]) => string;

const defaultNamer: FieldNamer = (path) => path.map(String).join('.');

/** Text from the file as an error message quotes it: at most MAX_QUOTED_CHARS characters. */
export function quoted(text: string): string {
  const cut = text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
  return `"${cut}"`;
}

export class ImportCollector {
  private readonly questions: Question[] = [];
  private readonly skipped: ImportNote[] = [];
  private readonly adjusted: ImportNote[] = [];
  private unlistedSkipped = 0;
  private unlistedAdjusted = 0;

  constructor(
    private readonly source: string,
    private readonly format: ImportFormat,
    private readonly nameField: FieldNamer = defaultNamer,
  ) {}

  /** Whether the quiz holds MAX_QUESTIONS: every further question is skipped, unread. */
  get full(): boolean {
    return this.questions.length >= MAX_QUESTIONS;
  }

  /** Records a question left out because the quiz is full. */
  skipFull(where: string): false {
    return this.skip(where, `the quiz already has ${MAX_QUESTIONS} questions, the most a quiz can hold`);
  }

  /** Validates one question; takes it, or records why not. Returns true when taken. */
  take(where: string, candidate: unknown, adjustments: string[] = [], nameField = this.nameField): boolean {
    if (this.full) return this.skipFull(where);
    const result = QuestionSchema.safeParse(candidate);
    if (!result.success) {
      const reasons = result.error.issues.map((i) => `${nameField(i.path)} ${i.message}`);
      return this.skip(where, reasons.join('; '));
    }
    this.questions.push(result.data);
    for (const reason of adjustments) {
      if (this.adjusted.length < MAX_LISTED_NOTES) this.adjusted.push({ where, reason });
      else this.unlistedAdjusted++;
    }
    return true;
  }

  skip(where: string, reason: string): false {
    if (this.skipped.length < MAX_LISTED_NOTES) this.skipped.push({ where, reason });
    else this.unlistedSkipped++;
    return false;
  }

  /** The notes, with the ones past MAX_LISTED_NOTES summed up in a last note. */
  private listed(notes: ImportNote[], unlisted: number, what: string): ImportNote[] {
    if (unlisted === 0) return notes;
    return [
      ...notes,
      {
        where: `and ${unlisted} more`,
        reason: `questions were ${what} too (only the first ${MAX_LISTED_NOTES} are listed)`,
      },
    ];
  }

  /** The quiz of everything taken; refuses a file with nothing to take. */
  finish(title: string): ImportResult {
    if (this.questions.length === 0) {
      const shown = this.skipped.slice(0, 10).map((s) => `${s.where}: ${s.reason}`);
      const hidden = this.skipped.length - shown.length + this.unlistedSkipped;
      const more = hidden > 0 ? [`... and ${hidden} more`] : [];
      const problems = shown.length > 0 ? [...shown, ...more] : ['no questions found'];
      throw new QuizError(
        `${this.source} has no question Quizroom can use (read as ${FORMAT_NAMES[this.format]}):\n  ${problems.join('\n  ')}`,
        problems,
      );
    }
    const quiz = { title, questions: this.questions };
    return {
      quiz,
      format: this.format,
      taken: this.questions.length,
      kinds: kindsOf(quiz),
      skipped: this.listed(this.skipped, this.unlistedSkipped, 'skipped'),
      adjusted: this.listed(this.adjusted, this.unlistedAdjusted, 'adjusted'),
      ...(this.unlistedSkipped > 0 ? { unlistedSkipped: this.unlistedSkipped } : {}),
    };
  }
}

/** How many questions of each kind a quiz holds (kinds with none left out). */
export function kindsOf(quiz: Quiz): Partial<Record<QuestionKind, number>> {
  const kinds: Partial<Record<QuestionKind, number>> = {};
  for (const q of quiz.questions) kinds[q.kind] = (kinds[q.kind] ?? 0) + 1;
  return kinds;
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
