/**
 * Opening any quiz file a host may have (Quizroom JSON, Kahoot! CSV or XLSX, Moodle GIFT,
 * Aiken), for the desktop app and the headless host alike: `importQuizFile` is the one entry.
 * The file is read on a thread of its own (import-worker.ts) with a capped heap and a time limit,
 * so a hostile or broken file can make that thread fail, never the host's main thread: the
 * window, the room and the CLI keep running, and the file is refused with a message saying why.
 */
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { QuizError } from '../../../shared/quiz/load-quiz';
import { IMPORT_RESOURCE_LIMITS, IMPORT_TIME_LIMIT_MS } from './import-limits';
import type { ImportResult } from './import-result';
import { FromImportThreadSchema, type FromImportThread, type ImportJob } from './import-thread-protocol';

export { IMPORTABLE_EXTENSIONS } from './format-detection';
export { MAX_QUIZ_FILE_BYTES } from './import-limits';

/** The script an import thread runs, and the Node options it needs. */
export interface ImportWorkerScript {
  script: string;
  execArgv?: string[];
}

export interface ImportOptions {
  /** Default: the built import-worker.js (or its source, when run from sources). */
  worker?: ImportWorkerScript;
  timeLimitMs?: number;
  resourceLimits?: ResourceLimits;
}

/**
 * Built, this code sits in a bundle in out/main beside import-worker.js. Run from TypeScript
 * sources (tests, tsx), the thread runs the worker's source, compiled as it loads by tsx.
 */
function defaultWorker(): ImportWorkerScript {
  if (!__filename.endsWith('.ts')) return { script: join(__dirname, 'import-worker.js') };
  return { script: join(__dirname, 'import-worker.ts'), execArgv: ['--import', 'tsx'] };
}

const WHAT_TO_DO =
  'Is it really a quiz? Save the questions again as .xlsx, CSV, GIFT or Aiken (or split a very long file) and import that.';

export interface QuizImportOptions extends ImportOptions {
  /**
   * The media store a package's pictures and sounds go to (checked first); a package with
   * media is refused when there is none.
   */
  mediaDir?: string;
}

/** Reads and imports a quiz file of any importable format, on its own thread. */
export async function importQuizFile(path: string, options: QuizImportOptions = {}): Promise<ImportResult> {
  const job: ImportJob = { path, ...(options.mediaDir ? { mediaDir: options.mediaDir } : {}) };
  const answer = await runImportThread(job, path, options);
  if (answer.type !== 'imported')
    throw new QuizError(`Reading ${path} failed: the import thread answered ${answer.type}.`);
  return answer.result;
}

/**
 * Runs one job on an import thread of its own (capped heap, time limit); resolves with the
 * thread's answer, rejects with a QuizError naming `source` when it refuses, fails, runs too long
 * or runs out of memory. Media ingest (media/ingest-off-thread.ts) runs here too.
 */
export function runImportThread(
  job: ImportJob,
  path: string,
  options: ImportOptions = {},
  advice: string = WHAT_TO_DO,
): Promise<Exclude<FromImportThread, { type: 'refused' | 'failed' }>> {
  const { script, execArgv } = options.worker ?? defaultWorker();
  const limits = options.resourceLimits ?? IMPORT_RESOURCE_LIMITS;
  const timeLimitMs = options.timeLimitMs ?? IMPORT_TIME_LIMIT_MS;
  const worker = new Worker(script, {
    workerData: job,
    resourceLimits: limits,
    ...(execArgv ? { execArgv } : {}),
  });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const refuse = (message: string, problems?: string[]) =>
      settle(() => reject(new QuizError(message, problems)));
    const timer = setTimeout(
      () =>
        refuse(
          `${path} took too long to read (more than ${timeLimitMs / 1000} s), so reading it was stopped. ${advice}`,
        ),
      timeLimitMs,
    );
    worker.on('message', (raw: unknown) => {
      const message = FromImportThreadSchema.safeParse(raw);
      if (!message.success)
        return refuse(`Reading ${path} failed: the import thread sent an unreadable answer.`);
      const m = message.data;
      if (m.type === 'refused') refuse(m.message, m.problems);
      else if (m.type === 'failed') refuse(`Quizroom could not read ${path}: ${m.message}. ${advice}`);
      else settle(() => resolve(m));
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        const mb = (limits.maxOldGenerationSizeMb ?? 0) + (limits.maxYoungGenerationSizeMb ?? 0);
        refuse(`${path} needed more than ${mb} MB of memory to read, so reading it was stopped. ${advice}`);
      } else refuse(`Quizroom could not read ${path}: ${e.message}. ${advice}`);
    });
    worker.on('exit', (code) =>
      refuse(`Reading ${path} stopped unexpectedly (the import thread exited with ${code}).`),
    );
  });
}
