/**
 * Media ingest (media-ingest.ts) on an import thread of its own, with the same heap cap and time
 * limit as quiz imports (library/importers/import-quiz-file.ts): decoding and scaling a large
 * picture takes a while and much memory, and must never hold up the window or a room.
 */
import { runImportThread, type ImportOptions } from '../library/importers/import-quiz-file';
import { QuizError } from '../../shared/quiz/load-quiz';
import type { IngestedMedia } from './media-ingest';
import type { MediaStore } from './media-store';
import type { MediaRef } from '../../shared/quiz/quiz-schema';

const ADVICE =
  'Is it really a picture or a sound? Save it again as PNG or JPEG (or MP3), smaller, and add that.';

export async function ingestOffThread(
  bytes: Uint8Array,
  name: string,
  options: ImportOptions = {},
): Promise<IngestedMedia> {
  const answer = await runImportThread({ ingest: { name, bytes } }, name, options, ADVICE);
  if (answer.type !== 'ingested')
    throw new QuizError(`Reading ${name} failed: the import thread answered ${answer.type}.`);
  return answer.media;
}

/** Ingests on the import thread and stores the result; its name and kind. */
export async function ingestIntoOffThread(
  store: MediaStore,
  bytes: Uint8Array,
  name: string,
  options: ImportOptions = {},
): Promise<{ ref: MediaRef; kind: IngestedMedia['kind'] }> {
  const media = await ingestOffThread(bytes, name, options);
  return { ref: await store.put(media.bytes, media.extension), kind: media.kind };
}
