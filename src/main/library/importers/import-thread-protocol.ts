/**
 * What the import thread (import-worker.ts) tells the thread that started it: the import's
 * result, a refusal (a QuizError's message and problems), or an unexpected failure. The answer
 * is validated when it arrives, like anything else that crosses into the host.
 */
import { z } from 'zod';
import {
  AUDIO_EXTENSIONS,
  IMAGE_EXTENSIONS,
  QUESTION_KINDS,
  QuizSchema,
} from '../../../shared/quiz/quiz-schema';
import type { IngestedMedia } from '../../media/media-ingest';
import type { ImportResult } from './import-result';

/**
 * What the thread is given: the file to import (and the media store a package's media go to),
 * or one picture or sound to ingest (media/media-ingest.ts).
 */
export type ImportJob = { path: string; mediaDir?: string } | { ingest: { name: string; bytes: Uint8Array } };

const Note = z.object({ where: z.string(), reason: z.string() });

export const FromImportThreadSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('imported'),
    result: z.object({
      quiz: QuizSchema,
      format: z.enum(['json', 'quizroom-package', 'kahoot-csv', 'kahoot-xlsx', 'gift', 'aiken']),
      media: z.number().int().min(0).optional(),
      taken: z.number().int().min(0),
      kinds: z.partialRecord(z.enum(QUESTION_KINDS), z.number().int().min(0)),
      skipped: z.array(Note),
      adjusted: z.array(Note),
      unlistedSkipped: z.number().int().min(0).optional(),
    }),
  }),
  z.object({
    type: z.literal('ingested'),
    media: z.object({
      kind: z.enum(['image', 'audio']),
      extension: z.enum([...IMAGE_EXTENSIONS, ...AUDIO_EXTENSIONS]),
      bytes: z.instanceof(Uint8Array),
    }),
  }),
  z.object({ type: z.literal('refused'), message: z.string(), problems: z.array(z.string()) }),
  z.object({ type: z.literal('failed'), message: z.string() }),
]);

export type FromImportThread =
  | { type: 'imported'; result: ImportResult }
  | { type: 'ingested'; media: IngestedMedia }
  | { type: 'refused'; message: string; problems: string[] }
  | { type: 'failed'; message: string };
