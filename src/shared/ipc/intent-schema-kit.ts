/**
 * The schemas intents' arguments are built from (see intents.ts): zod, and the pieces several
 * intents share. Only the main process loads this file.
 */
import { z } from 'zod';
import { ROOM_NAME_MAX, ROSTER_LIMITS } from '../protocol/setting-limits';
import { MAX_IMAGE_INPUT_BYTES } from '../quiz/media-input-limit';
import type { AnswerResponse } from '../protocol/answer-response';
import { ANSWER_FIELD_SCHEMAS } from '../protocol/client-message-schemas';
import { GameSettingsSchema, SettingsPatchSchema } from '../protocol/settings-schema';
import { QuizDraftSchema } from '../quiz/quiz-draft';
import type { HostConfig } from '../api/intent-results';

/** One of the answer shapes (see protocol/answer-response.ts). */
const answerResponse = z.union([
  z.strictObject({ option: ANSWER_FIELD_SCHEMAS.option.unwrap() }),
  z.strictObject({ options: ANSWER_FIELD_SCHEMAS.options.unwrap() }),
  z.strictObject({ text: ANSWER_FIELD_SCHEMAS.text.unwrap() }),
  z.strictObject({ value: ANSWER_FIELD_SCHEMAS.value.unwrap() }),
  z.strictObject({ order: ANSWER_FIELD_SCHEMAS.order.unwrap() }),
]) satisfies z.ZodType<AnswerResponse>;

const port = z.number().int().min(1).max(65535);
/** A class-list name or identifier, as `join` carries it. */
const identity = z.string().trim().min(1, 'the name or identifier is empty').max(ROSTER_LIMITS.joinMax);
const quizId = z.string().min(1).max(1000);
/** A library quiz or report id: a file name without folders (the library checks it again). */
const fileId = z
  .string()
  .min(1, 'the id must not be empty')
  .max(200, 'the id is too long')
  .refine((id) => !/[/\\]/.test(id) && !id.startsWith('.'), 'the id must be a file name, not a path');

/** A picture or sound the editor adds: its file name (for messages) and bytes, bounded before ingest. */
const mediaFileName = z
  .string()
  .trim()
  .min(1, 'the file name must not be empty')
  .max(255, 'the file name is too long');
const mediaBytes = z
  .instanceof(Uint8Array, { message: 'the file must be bytes (a Uint8Array)' })
  .refine((b) => b.byteLength > 0, 'the file is empty')
  .refine(
    (b) => b.byteLength <= MAX_IMAGE_INPUT_BYTES,
    `the file is larger than ${MAX_IMAGE_INPUT_BYTES / 1024 / 1024} MB, the most a picture may be`,
  );

const setting = GameSettingsSchema.shape;
const hostConfig = z.strictObject({
  quizId,
  roomName: z
    .string()
    .trim()
    .min(1, 'Give the room a name.')
    .max(ROOM_NAME_MAX, `A room name is at most ${ROOM_NAME_MAX} characters.`),
  minPlayers: setting.minPlayers,
  questionSeconds: setting.questionSeconds,
  maxPlayersPerAddress: setting.maxPlayersPerAddress.optional(),
  pin: z.boolean(),
  playToo: z.boolean(),
  nickname: z.string().max(200).optional(),
  settings: SettingsPatchSchema.optional(),
}) satisfies z.ZodType<HostConfig>;

export const SCHEMA_KIT = {
  z,
  answerResponse,
  port,
  identity,
  quizId,
  fileId,
  hostConfig,
  settingsPatch: SettingsPatchSchema,
  quizDraft: QuizDraftSchema,
  mediaFileName,
  mediaBytes,
};

export type SchemaKit = typeof SCHEMA_KIT;
