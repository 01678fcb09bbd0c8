/**
 * The quiz library: a folder with one portable `.json` quiz file per quiz, plus the built-in
 * pack (always listed, read-only). A quiz's id is its file name without `.json` (built-in ones
 * are `builtin:ID`). Listing never fails because of one broken file: it shows an entry with the
 * error instead. Every write is atomic, so a crash leaves the old or the new file.
 *
 * Pictures and sounds of every quiz are kept once, by content, in one media store
 * (`<folder>/media/`); a quiz file names them (`image`, `audio`, `optionImages`). A package
 * (`.quizroom`) brings its media into that store; a quiz with media is exported as a package.
 */
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { BUILTIN_PREFIX, builtinChoices, findBuiltin } from '../../shared/quiz/builtin-pack';
import { loadQuizText, parseQuiz, QuizError } from '../../shared/quiz/load-quiz';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { MediaStore } from '../media/media-store';
import { mediaRefsOf } from '../media/quiz-media-refs';
import { PACKAGE_EXTENSION, writeQuizPackage } from '../media/quiz-package';
import { atomicWrite, isTempFileName } from './atomic-write';
import { fileSlug } from './file-slug';
import type { ImportResult } from './importers/import-result';
import { importQuizFile, MAX_QUIZ_FILE_BYTES } from './importers/import-quiz-file';
import { quizFileText } from './quiz-file-text';
import type { LibraryItem } from '../../shared/api/quiz-api';

export { BUILTIN_PREFIX };
const QUIZ_EXT = '.json';
/** The library's media store, inside its folder. */
export const MEDIA_FOLDER = 'media';

export type LibraryErrorCode = 'not_found' | 'read_only' | 'invalid_id' | 'exists';

/** A library operation that cannot be done; `code` lets a UI pick its message or icon. */
export class LibraryError extends Error {
  constructor(
    readonly code: LibraryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LibraryError';
  }
}

/** A quiz in the library as the app lists it (the wire type the window sees, owned by QuizApi). */
export type LibraryEntry = LibraryItem;

/** A file-name id: no folders, no dot files, nothing a file system refuses. */
export const LibraryIdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'is too long')
  .refine(
    (id) => !/[/\\:*?"<>|]/.test(id) && ![...id].some((c) => c.charCodeAt(0) < 0x20),
    'must not contain / \\ : * ? " < > | or control characters',
  )
  .refine((id) => !id.startsWith('.') && id.trim() === id, 'must not start with a dot or space');

export interface ImportedEntry {
  entry: LibraryEntry & { status: 'ok' };
  /** What the import took, skipped and adjusted. */
  summary: ImportResult;
}

/** The built-in pack as library entries (read-only, listed first). */
export function builtinEntries(): LibraryEntry[] {
  return builtinChoices().map((choice) => ({
    status: 'ok',
    ...choice,
    modifiedAt: null,
    readOnly: true,
    builtin: true,
  }));
}

export class QuizLibrary {
  /** The media of every quiz in the library. */
  readonly media: MediaStore;

  constructor(readonly folder: string) {
    this.media = new MediaStore(join(folder, MEDIA_FOLDER));
  }

  /** Built-in quizzes first, then the folder's quizzes by title; broken files last. */
  async list(): Promise<LibraryEntry[]> {
    const builtins = builtinEntries();
    await this.ensureFolder();
    const names = (await readdir(this.folder)).filter(
      (n) => n.endsWith(QUIZ_EXT) && !n.startsWith('.') && !isTempFileName(n),
    );
    const entries = await Promise.all(names.map((n) => this.entryFor(n)));
    const ok = entries.filter((e) => e.status === 'ok').sort((a, b) => compareTitles(a, b));
    const broken = entries.filter((e) => e.status === 'broken').sort((a, b) => a.id.localeCompare(b.id));
    return [...builtins, ...ok, ...broken];
  }

  /** The quiz with this id; a QuizError names the file and the problem when it is broken. */
  async read(id: string): Promise<Quiz> {
    if (id.startsWith(BUILTIN_PREFIX)) return this.builtin(id);
    const path = this.pathOf(id);
    const text = await this.readText(id, path);
    const { $schema: _schema, ...quiz } = loadQuizText(text, path);
    return quiz;
  }

  /** Writes `quiz` (validated) under `id`, replacing what was there. */
  async save(id: string, quiz: unknown): Promise<LibraryEntry & { status: 'ok' }> {
    if (id.startsWith(BUILTIN_PREFIX)) {
      throw new LibraryError(
        'read_only',
        `"${id}" is a built-in quiz and cannot be changed; duplicate it to edit a copy.`,
      );
    }
    const path = this.pathOf(id);
    const valid = parseQuiz(quiz, `quiz "${id}"`);
    await this.ensureFolder();
    await atomicWrite(path, quizFileText(valid));
    return this.okEntry(id, valid, path);
  }

  /** Adds a new quiz with an id made from its title; returns its entry. */
  async create(quiz: unknown): Promise<LibraryEntry & { status: 'ok' }> {
    const valid = parseQuiz(quiz, 'the new quiz');
    await this.ensureFolder();
    const base = fileSlug(valid.title, 'quiz');
    for (let n = 1; n < 10_000; n++) {
      const id = n === 1 ? base : `${base}-${n}`;
      const path = this.pathOf(id);
      try {
        await atomicWrite(path, quizFileText(valid), { exclusive: true });
        return this.okEntry(id, valid, path);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
    }
    throw new LibraryError('exists', `There are too many quizzes named like "${base}" in ${this.folder}.`);
  }

  /** A copy of a quiz (built-in ones too) titled "... (copy)". */
  async duplicate(id: string): Promise<LibraryEntry & { status: 'ok' }> {
    const quiz = await this.read(id);
    const title = `${quiz.title.slice(0, 113)} (copy)`;
    return this.create({ ...quiz, title });
  }

  async delete(id: string): Promise<void> {
    if (id.startsWith(BUILTIN_PREFIX)) {
      throw new LibraryError('read_only', `"${id}" is a built-in quiz and cannot be deleted.`);
    }
    try {
      await unlink(this.pathOf(id));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new LibraryError('not_found', `There is no quiz "${id}" in ${this.folder}.`);
      }
      throw e;
    }
  }

  /** Imports a file of any importable format and adds it to the library as a `.json` quiz. */
  async importFile(path: string): Promise<ImportedEntry> {
    const summary = await importQuizFile(path, { mediaDir: this.media.dir });
    const entry = await this.create(summary.quiz);
    return { entry, summary };
  }

  /**
   * A quiz as one file to share: a package (`.quizroom`) holding its media when it has any,
   * otherwise its JSON file as it is stored.
   */
  async exportQuiz(id: string): Promise<{ extension: '.quizroom' | '.json'; bytes: Buffer }> {
    const quiz = await this.read(id);
    if (mediaRefsOf(quiz).length > 0) {
      return { extension: PACKAGE_EXTENSION, bytes: await writeQuizPackage(quiz, this.media) };
    }
    return { extension: QUIZ_EXT, bytes: Buffer.from(quizFileText(quiz), 'utf8') };
  }

  /** The file a library quiz lives in (for "show in folder" and exports). */
  pathOf(id: string): string {
    const checked = LibraryIdSchema.safeParse(id);
    if (!checked.success) {
      throw new LibraryError(
        'invalid_id',
        `"${id}" is not a valid quiz id: it ${checked.error.issues[0]?.message}.`,
      );
    }
    return join(this.folder, `${id}${QUIZ_EXT}`);
  }

  private builtin(id: string): Quiz {
    const found = findBuiltin(id);
    if (!found) throw new LibraryError('not_found', `There is no built-in quiz "${id}".`);
    return found;
  }

  private async ensureFolder(): Promise<void> {
    await mkdir(this.folder, { recursive: true });
  }

  private async readText(id: string, path: string): Promise<string> {
    try {
      const info = await stat(path);
      if (info.size > MAX_QUIZ_FILE_BYTES) {
        throw new QuizError(`${path} is larger than ${MAX_QUIZ_FILE_BYTES / 1024 / 1024} MB; is it a quiz?`);
      }
      return await readFile(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new LibraryError('not_found', `There is no quiz "${id}" in ${this.folder}.`);
      }
      throw e;
    }
  }

  private async okEntry(id: string, quiz: Quiz, path: string): Promise<LibraryEntry & { status: 'ok' }> {
    const info = await stat(path);
    return {
      status: 'ok',
      id,
      title: quiz.title,
      ...(quiz.description ? { description: quiz.description } : {}),
      questionCount: quiz.questions.length,
      modifiedAt: info.mtime.toISOString(),
      readOnly: false,
      builtin: false,
    };
  }

  private async entryFor(fileName: string): Promise<LibraryEntry> {
    const id = fileName.slice(0, -QUIZ_EXT.length);
    const path = join(this.folder, fileName);
    let modifiedAt: string | null = null;
    try {
      modifiedAt = (await stat(path)).mtime.toISOString();
      const quiz = await this.read(id);
      return {
        status: 'ok',
        id,
        title: quiz.title,
        ...(quiz.description ? { description: quiz.description } : {}),
        questionCount: quiz.questions.length,
        modifiedAt,
        readOnly: false,
        builtin: false,
      };
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const problems = e instanceof QuizError ? e.problems : [error];
      return { status: 'broken', id, fileName, modifiedAt, error, problems };
    }
  }
}

function compareTitles(a: LibraryEntry, b: LibraryEntry): number {
  const ta = a.status === 'ok' ? a.title : a.id;
  const tb = b.status === 'ok' ? b.title : b.id;
  return ta.localeCompare(tb, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
}
