/**
 * The quiz library as the desktop window sees it: the list (built-in pack first), the quizzes
 * Host setup offers, importing a file, and the editor's open and save with drafts (quiz-drafts.ts).
 * Quitting waits for saves under way (settleSaves), so that no edit is lost.
 */
import type {
  AddMediaResult,
  ImportQuizResult,
  IntentResult,
  LibraryItem,
  NewQuizResult,
  OpenQuizResult,
  QuizChoice,
  SaveQuizResult,
} from '../../shared/api/quiz-api';
import { failure, OK } from '../../shared/api/intent-results';
import { BUILTIN_PREFIX } from '../../shared/quiz/builtin-pack';
import { QuizError } from '../../shared/quiz/load-quiz';
import { NEW_QUIZ, quizProblems, type QuizDraft } from '../../shared/quiz/quiz-draft';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { FORMAT_NAMES } from '../library/importers/import-result';
import { kindsLine } from '../library/importers/import-summary';
import { builtinEntries, LibraryError, QuizLibrary } from '../library/quiz-library';
import { ingestIntoOffThread } from '../media/ingest-off-thread';
import type { MediaStore } from '../media/media-store';
import { fileSlug } from '../library/file-slug';
import { QuizDrafts } from './quiz-drafts';
import type { SaveFile } from './reports-service';
import { SaveLanes } from './save-lanes';
import { failureOf } from './service-failure';

const isBuiltin = (id: string) => id.startsWith(BUILTIN_PREFIX);

export class LibraryService {
  private readonly library: QuizLibrary;
  private readonly drafts: QuizDrafts;
  /** The built-in pack until the folder has been read, so that Host setup has quizzes at once. */
  private listed: LibraryItem[] = builtinEntries();
  private readonly saves = new SaveLanes<QuizDraft, SaveQuizResult>((id, quiz) => this.write(id, quiz));

  constructor(
    folder: string,
    private readonly pickQuizFile: () => Promise<string | null>,
    /** Called whenever the list changes. */
    private readonly changed: () => void,
    private readonly reportError: (e: unknown) => void,
    private readonly saveFile: SaveFile,
  ) {
    this.library = new QuizLibrary(folder);
    this.drafts = new QuizDrafts(this.library);
  }

  /** The pictures and sounds of every library quiz (served to the window as app://quizroom/media/). */
  get media(): MediaStore {
    return this.library.media;
  }

  get items(): LibraryItem[] {
    return this.listed;
  }

  /** What Host setup and the next game offer: the valid quizzes, built-in first. */
  quizzes(): QuizChoice[] {
    return this.listed.flatMap((e) =>
      e.status === 'ok'
        ? [
            {
              id: e.id,
              title: e.title,
              questionCount: e.questionCount,
              ...(e.description ? { description: e.description } : {}),
            },
          ]
        : [],
    );
  }

  /** Reads the folder again; resolves when the list has changed. */
  async refresh(): Promise<void> {
    try {
      this.listed = await this.library.list();
    } catch (e) {
      this.reportError(e);
    }
    this.changed();
  }

  /** The quiz to host; null when there is no such quiz or it is not valid. */
  async find(id: string): Promise<Quiz | null> {
    try {
      return await this.library.read(id);
    } catch (e) {
      if (e instanceof LibraryError || e instanceof QuizError) return null;
      throw e;
    }
  }

  /** Imports a file of any importable format; says what it took and skipped. */
  async importQuiz(): Promise<ImportQuizResult> {
    const file = await this.pickQuizFile();
    if (!file) return failure('cancelled', 'No file chosen.');
    try {
      const { entry, summary } = await this.library.importFile(file);
      await this.refresh();
      return {
        ok: true,
        id: entry.id,
        title: entry.title,
        format: FORMAT_NAMES[summary.format],
        taken: summary.taken,
        kinds: kindsLine(summary.kinds),
        ...(summary.media ? { media: summary.media } : {}),
        skipped: summary.skipped,
        adjusted: summary.adjusted,
      };
    } catch (e) {
      return failureOf(e, 'invalid_quiz');
    }
  }

  /** Checks, scales and cleans a picture or sound (off the main thread) and adds it to the library's media. */
  async addMedia(name: string, bytes: Uint8Array): Promise<AddMediaResult> {
    try {
      const { ref, kind } = await ingestIntoOffThread(this.library.media, bytes, name);
      return { ok: true, ref, kind };
    } catch (e) {
      return failureOf(e, 'invalid_media');
    }
  }

  /** Saves a library quiz as one file where the person chooses (a package when it has media). */
  async exportQuiz(id: string): Promise<IntentResult> {
    try {
      const quiz = await this.library.read(id);
      const { extension, bytes } = await this.library.exportQuiz(id);
      const saved = await this.saveFile(`${fileSlug(quiz.title, 'quiz')}${extension}`, bytes);
      return saved ? OK : failure('cancelled', 'Not exported.');
    } catch (e) {
      return failureOf(e, 'export_failed');
    }
  }

  /** The quiz to edit: its unfinished draft when there is one newer than the saved file. */
  async openQuiz(id: string): Promise<OpenQuizResult> {
    try {
      const readOnly = isBuiltin(id);
      const draft = readOnly ? null : await this.drafts.read(id);
      if (draft) return { ok: true, quiz: draft, readOnly, draft: true };
      return { ok: true, quiz: await this.library.read(id), readOnly, draft: false };
    } catch (e) {
      return failureOf(e, 'invalid_quiz');
    }
  }

  /**
   * Saves an edited quiz, after any save of it under way (save-lanes.ts). A valid one replaces the quiz file (and its draft goes); an invalid one
   * is kept as a draft, so that closing the app mid-edit loses nothing, and its problems returned.
   */
  saveQuiz(id: string, quiz: QuizDraft): Promise<SaveQuizResult> {
    return this.saves.save(id, quiz);
  }

  /** Resolves when no editor save is under way, counting saves that start while it waits. */
  async settleSaves(): Promise<void> {
    await this.saves.settle();
  }

  async createQuiz(): Promise<NewQuizResult> {
    try {
      const entry = await this.library.create(NEW_QUIZ);
      await this.refresh();
      return { ok: true, id: entry.id };
    } catch (e) {
      return failureOf(e, 'save_failed');
    }
  }

  async duplicateQuiz(id: string): Promise<NewQuizResult> {
    try {
      const entry = await this.library.duplicate(id);
      await this.refresh();
      return { ok: true, id: entry.id };
    } catch (e) {
      return failureOf(e, 'invalid_quiz');
    }
  }

  async deleteQuiz(id: string): Promise<IntentResult> {
    try {
      await this.library.delete(id);
      await this.drafts.remove(id);
      await this.refresh();
      return OK;
    } catch (e) {
      return failureOf(e, 'delete_failed');
    }
  }

  private async write(id: string, quiz: QuizDraft): Promise<SaveQuizResult> {
    if (isBuiltin(id)) {
      return failure('read_only', 'Built-in quizzes cannot be changed; duplicate one to edit a copy.');
    }
    try {
      this.library.pathOf(id);
      const problems = quizProblems(quiz);
      if (problems.length > 0) {
        await this.drafts.write(id, quiz);
        const n = problems.length;
        return {
          ...failure(
            'invalid_quiz',
            `Saved as a draft. Fix ${n === 1 ? 'the marked field' : `the ${n} marked fields`} before hosting this quiz.`,
          ),
          problems,
          draftSaved: true,
        };
      }
      await this.library.save(id, quiz);
      await this.drafts.remove(id);
      await this.refresh();
      return OK;
    } catch (e) {
      return failureOf(e, 'save_failed');
    }
  }
}
