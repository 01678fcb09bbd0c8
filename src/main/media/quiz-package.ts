/**
 * The quiz package (`.quizroom`): one self-contained file for a quiz with pictures or sounds. It
 * is a zip holding `quiz.json` (the quiz as a Quizroom JSON file) and `media/<ref>` for every
 * media name the quiz uses (docs/quiz-format.md, Packages).
 *
 * Reading trusts nothing: the zip is read with the checked reader (sizes checked before anything
 * is inflated, entry count, a lying directory stopped), every entry name must be `quiz.json` or
 * `media/<sha256>.<ext>` (anything else, a path trick included, refuses the whole file), every
 * media name the quiz uses must be there, and each such file must be what ingest stores (its
 * hash matching its name, its sniffed type its extension, within the budget, no metadata).
 * Media files the quiz does not use are ignored (not stored). Only when all of it holds are the
 * media put in the store.
 */
import yazl from 'yazl';
import { loadQuizText, QuizError } from '../../shared/quiz/load-quiz';
import { MediaRefSchema, type MediaRef, type Quiz } from '../../shared/quiz/quiz-schema';
import { readCheckedZip, type ZipWording } from '../library/importers/checked-zip';
import { MAX_QUIZ_FILE_BYTES } from '../library/importers/import-limits';
import { UNMETERED, type WorkMeter } from '../library/importers/work-meter';
import { quizFileText } from '../library/quiz-file-text';
import { checkStoredMedia } from './media-ingest';
import { PACKAGE_ZIP_LIMITS } from './media-limits';
import type { MediaStore } from './media-store';
import { mediaRefsOf } from './quiz-media-refs';

export const PACKAGE_EXTENSION = '.quizroom';
export const PACKAGE_QUIZ_ENTRY = 'quiz.json';
export const PACKAGE_MEDIA_FOLDER = 'media/';

const PACKAGE: ZipWording = {
  title: 'Quizroom package (.quizroom)',
  noun: 'package',
  usualEntries: `a package holds its quiz.json and one file per picture or sound`,
  advice: 'Export the quiz from Quizroom again and import that file.',
};

/** Entries get this time, so that the same quiz and media always make the same bytes. */
const FIXED_TIME = new Date('2020-01-01T00:00:00Z');

/** The package of `quiz`, its media read from `store`; refuses when one of them is missing. */
export async function writeQuizPackage(quiz: Quiz, store: MediaStore): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(quizFileText(quiz), 'utf8'), PACKAGE_QUIZ_ENTRY, { mtime: FIXED_TIME });
  for (const ref of mediaRefsOf(quiz)) {
    const bytes = await store.get(ref);
    if (!bytes) {
      throw new QuizError(
        `"${quiz.title}" uses the media file ${ref}, which is not in ${store.dir}; add that picture or sound again.`,
      );
    }
    // Pictures and sounds are compressed already: stored as they are.
    zip.addBuffer(bytes, `${PACKAGE_MEDIA_FOLDER}${ref}`, { mtime: FIXED_TIME, compress: false });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export interface ReadPackage {
  quiz: Quiz;
  /** The media names the quiz uses, all now in the store. */
  media: MediaRef[];
}

/** Which entries are inflated; throws on a name that has no place in a package. */
function entryFilter(source: string): (name: string) => boolean {
  const seen = new Set<string>();
  return (name) => {
    if (seen.has(name))
      throw new QuizError(`${source} holds "${name}" twice, so it was not opened. ${PACKAGE.advice}`);
    seen.add(name);
    if (name === PACKAGE_QUIZ_ENTRY) return true;
    const ref = name.startsWith(PACKAGE_MEDIA_FOLDER) ? name.slice(PACKAGE_MEDIA_FOLDER.length) : null;
    if (ref !== null && MediaRefSchema.safeParse(ref).success) return true;
    throw new QuizError(
      `${source} holds "${name.slice(0, 120)}", which has no place in a Quizroom package (only ${PACKAGE_QUIZ_ENTRY} ` +
        `and ${PACKAGE_MEDIA_FOLDER}<sha256>.<type>), so it was not opened. ${PACKAGE.advice}`,
    );
  };
}

/**
 * Reads a package: the quiz, with every media file it uses checked and then put in `store`.
 * A QuizError names the file, the entry and what is wrong; nothing is stored then.
 */
export async function readQuizPackage(
  bytes: Uint8Array,
  source: string,
  store: MediaStore | null,
  meter: WorkMeter = UNMETERED,
): Promise<ReadPackage> {
  const parts = await readCheckedZip(bytes, source, entryFilter(source), meter, PACKAGE_ZIP_LIMITS, PACKAGE);
  const json = parts.get(PACKAGE_QUIZ_ENTRY);
  if (!json)
    throw new QuizError(
      `${source} has no ${PACKAGE_QUIZ_ENTRY}, so it is not a Quizroom package. ${PACKAGE.advice}`,
    );
  if (json.length > MAX_QUIZ_FILE_BYTES) {
    throw new QuizError(
      `${source}: ${PACKAGE_QUIZ_ENTRY} is larger than ${MAX_QUIZ_FILE_BYTES / 1024 / 1024} MB; is it a quiz?`,
    );
  }
  const { $schema: _schema, ...quiz } = loadQuizText(
    json.toString('utf8'),
    `${source}: ${PACKAGE_QUIZ_ENTRY}`,
  );
  const refs = mediaRefsOf(quiz);
  const missing = refs.filter((ref) => !parts.has(`${PACKAGE_MEDIA_FOLDER}${ref}`));
  if (missing.length > 0) {
    throw new QuizError(
      `${source}: ${PACKAGE_QUIZ_ENTRY} uses ${missing.length === 1 ? 'a media file' : `${missing.length} media files`} ` +
        `the package does not hold (${missing
          .slice(0, 3)
          .map((r) => `${PACKAGE_MEDIA_FOLDER}${r}`)
          .join(', ')}` +
        `${missing.length > 3 ? ', …' : ''}). ${PACKAGE.advice}`,
    );
  }
  for (const ref of refs) {
    await checkStoredMedia(
      parts.get(`${PACKAGE_MEDIA_FOLDER}${ref}`)!,
      ref,
      `${source}: ${PACKAGE_MEDIA_FOLDER}${ref}`,
    );
  }
  if (refs.length > 0) {
    if (!store)
      throw new QuizError(
        `${source} holds pictures or sounds, and there is no media folder to keep them in here.`,
      );
    for (const ref of refs) {
      const ext = ref.slice(ref.lastIndexOf('.') + 1);
      await store.put(parts.get(`${PACKAGE_MEDIA_FOLDER}${ref}`)!, ext);
    }
  }
  return { quiz, media: refs };
}
