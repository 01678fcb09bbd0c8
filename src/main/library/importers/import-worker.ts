/**
 * The import thread's script (see import-quiz-file.ts): imports the file named in `workerData`
 * (or ingests the picture or sound it holds) and posts the result, the refusal or the failure, once. The thread that started it ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { ingestMedia } from '../../media/media-ingest';
import { importQuizFileHere } from './import-quiz-bytes';
import { UNMETERED } from './work-meter';
import type { FromImportThread, ImportJob } from './import-thread-protocol';

const post = (message: FromImportThread) => parentPort!.postMessage(message);

const job = workerData as ImportJob;
const work: Promise<FromImportThread> =
  'ingest' in job
    ? ingestMedia(job.ingest.bytes, job.ingest.name).then((media) => ({ type: 'ingested', media }))
    : importQuizFileHere(job.path, UNMETERED, job.mediaDir).then((result) => ({ type: 'imported', result }));
work.then(
  (message) => post(message),
  (e: unknown) =>
    post(
      e instanceof QuizError
        ? { type: 'refused', message: e.message, problems: e.problems }
        : { type: 'failed', message: e instanceof Error ? e.message : String(e) },
    ),
);
