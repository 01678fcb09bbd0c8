/**
 * The argument schemas of every intent the window may send to the main process. Main validates
 * each call against these before anything else sees it. Channel names live in channels.ts.
 */
import { z } from 'zod';
import { SettingsPatchSchema } from '../protocol/settings-schema';
import { QuizDraftSchema } from '../quiz/quiz-draft';
import type { IntentName } from './channels';

const Port = z.number().int().min(1).max(65535);
const QuizId = z.string().min(1).max(1000);
/** A library quiz or report id: a file name without folders (the library checks it again). */
const FileId = z
  .string()
  .min(1, 'the id must not be empty')
  .max(200, 'the id is too long')
  .refine((id) => !/[/\\]/.test(id) && !id.startsWith('.'), 'the id must be a file name, not a path');

export const HostConfigSchema = z.strictObject({
  quizId: QuizId,
  roomName: z
    .string()
    .trim()
    .min(1, 'Give the room a name.')
    .max(60, 'A room name is at most 60 characters.'),
  minPlayers: z.number().int().min(0).max(10_000),
  questionSeconds: z.number().int().min(5).max(240),
  maxPlayersPerAddress: z.number().int().min(1).max(10_000).optional(),
  pin: z.boolean(),
  playToo: z.boolean(),
  nickname: z.string().max(200).optional(),
});

export const INTENT_ARGS = {
  join: z.tuple([z.string().max(200), z.string().max(20).optional()]),
  answer: z.tuple([z.number().int().min(0).max(16)]),
  start: z.tuple([]),
  cancelStart: z.tuple([]),
  next: z.tuple([]),
  skip: z.tuple([]),
  end: z.tuple([]),
  kick: z.tuple([z.string().min(1).max(32)]),
  removeDisconnected: z.tuple([]),
  updateSettings: z.tuple([SettingsPatchSchema]),
  newGame: z.tuple([QuizId.optional()]),
  exportCsv: z.tuple([]),
  hostRoom: z.tuple([HostConfigSchema]),
  stopHosting: z.tuple([]),
  importQuiz: z.tuple([]),
  resumeHosting: z.tuple([]),
  connect: z.tuple([z.string().trim().min(1).max(255), Port]),
  leave: z.tuple([]),
  refreshRooms: z.tuple([]),
  openQuiz: z.tuple([QuizId]),
  saveQuiz: z.tuple([FileId, QuizDraftSchema]),
  createQuiz: z.tuple([]),
  duplicateQuiz: z.tuple([QuizId]),
  deleteQuiz: z.tuple([FileId]),
  openReport: z.tuple([FileId]),
  exportReport: z.tuple([FileId, z.enum(['csv', 'xlsx'])]),
  deleteReport: z.tuple([FileId]),
} satisfies Record<IntentName, z.ZodTuple>;
