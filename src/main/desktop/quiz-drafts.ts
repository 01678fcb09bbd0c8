/**
 * Unfinished edits of library quizzes: a quiz the editor cannot save yet (an empty option, a
 * missing answer) is kept as a draft beside the library, in a dot folder the library does not
 * list, so that closing the app mid-edit loses nothing. A draft counts while it is newer than its
 * quiz file; saving the quiz for real removes it.
 */
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { QuizDraftSchema, type QuizDraft } from '../../shared/quiz/quiz-draft';
import { atomicWrite } from '../library/atomic-write';
import type { QuizLibrary } from '../library/quiz-library';

const DRAFTS_FOLDER = '.drafts';

export class QuizDrafts {
  private readonly folder: string;

  constructor(private readonly library: QuizLibrary) {
    this.folder = join(library.folder, DRAFTS_FOLDER);
  }

  async write(id: string, quiz: QuizDraft): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await atomicWrite(this.pathOf(id), `${JSON.stringify(quiz, null, 2)}\n`);
  }

  async remove(id: string): Promise<void> {
    await rm(this.pathOf(id), { force: true });
  }

  /** The draft when it is newer than its quiz file; null otherwise, when the quiz is gone, or when unreadable. */
  async read(id: string): Promise<QuizDraft | null> {
    const path = this.pathOf(id);
    try {
      const draftTime = (await stat(path)).mtimeMs;
      const quizTime = await stat(this.library.pathOf(id)).then(
        (s) => s.mtimeMs,
        () => null,
      );
      if (quizTime === null || quizTime > draftTime) return null;
      const parsed = QuizDraftSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  private pathOf(id: string): string {
    this.library.pathOf(id); // checks the id
    return join(this.folder, `${id}.json`);
  }
}
