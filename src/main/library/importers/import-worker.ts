/**
 * The import thread's script (see import-quiz-file.ts): imports the file named in `workerData`
 * and posts the result, the refusal or the failure, once. The thread that started it ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { importQuizFileHere } from './import-quiz-bytes';
import type { FromImportThread, ImportJob } from './import-thread-protocol';

const post = (message: FromImportThread) => parentPort!.postMessage(message);

const { path } = workerData as ImportJob;
importQuizFileHere(path).then(
  (result) => post({ type: 'imported', result }),
  (e: unknown) =>
    post(
      e instanceof QuizError
        ? { type: 'refused', message: e.message, problems: e.problems }
        : { type: 'failed', message: e instanceof Error ? e.message : String(e) },
    ),
);
