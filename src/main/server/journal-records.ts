/**
 * What a game journal line holds and how it is written: one record per line, as
 * `<CRC-32 of the JSON, 8 hex digits> <JSON>\n`. The checksum is what tells a record that was
 * written whole from one that was torn by a crash or damaged on disk; the schemas below are what
 * tell a record from anything else (the file is read back at the edge, like any file).
 */
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { isHostCommand, type GameSettings, type HostCommand, type Phase } from '../../shared/protocol';
import {
  ANSWER_FIELD_SCHEMAS,
  ClientMessageSchema,
  exactlyOneAnswerField,
} from '../../shared/protocol/client-message-schemas';
import { StoredSettingsSchema } from '../../shared/protocol/stored-settings-schema';
import { formatIssues } from '../../shared/quiz/load-quiz';
import { QuizSchema, type Quiz } from '../../shared/quiz/quiz-schema';
import type { Input, SerializedGame } from '../game';

/** 2: checksummed lines, snapshots, `alive` records and the `resumed` input. */
export const JOURNAL_VERSION = 2;

export interface RoomConfig {
  roomName: string;
  pin: string | null;
  hostToken: string;
  port: number;
  quiz: Quiz;
  settings: GameSettings;
}

export type JournalRecord =
  /** The first record of every journal: the room as it was opened. */
  | { t: 'open'; v: number; at: number; config: RoomConfig }
  /** The whole game at `at` (compaction): what came before it is no longer in the file. */
  | { t: 'snapshot'; at: number; game: SerializedGame; tokens: [string, string][] }
  /** An engine input, with the host-clock time it was applied at. */
  | { t: 'in'; at: number; input: Input }
  /** A player's resume token. */
  | { t: 'token'; playerId: string; token: string }
  /** The host was still up at `at` (written while a phase runs on a timer, when nothing else is). */
  | { t: 'alive'; at: number }
  /** The room was closed on purpose: nothing to resume. */
  | { t: 'closed'; at: number };

const int = z.number().int();
const time = z.number().finite();

const RoomConfigSchema = z.object({
  roomName: z.string(),
  pin: z.string().nullable(),
  hostToken: z.string(),
  port: int,
  quiz: QuizSchema,
  settings: StoredSettingsSchema,
}) satisfies z.ZodType<RoomConfig>;

const PhaseSchema = z.enum([
  'lobby',
  'countdown',
  'question',
  'reveal',
  'leaderboard',
  'finished',
]) satisfies z.ZodType<Phase>;

const PlayerSchema = z.object({
  id: z.string(),
  name: z.string(),
  seq: int,
  connected: z.boolean(),
  score: z.number(),
  streak: int,
  correctCount: int,
  totalTimeMs: z.number(),
  answers: z.array(
    z
      .object({
        ...ANSWER_FIELD_SCHEMAS,
        correct: z.boolean(),
        // Journals from before question kinds had right or wrong only.
        credit: z.number().min(0).max(1).optional(),
        elapsedMs: z.number(),
        points: z.number(),
      })
      .transform(({ credit, ...a }) => ({ ...a, credit: credit ?? (a.correct ? 1 : 0) }))
      .nullable(),
  ),
  // A pending answer from before question kinds was a choice, graded when the question closed.
  // restoreGame grades it again from the round's question either way.
  pending: z
    .object({ ...ANSWER_FIELD_SCHEMAS, elapsedMs: z.number(), credit: z.number().min(0).max(1).optional() })
    .transform(({ credit, ...a }) => ({ ...a, credit: credit ?? 0 }))
    .nullable(),
  lastResult: z
    .object({
      question: int,
      option: int.nullable(),
      correct: z.boolean(),
      credit: z.number().min(0).max(1).optional(),
      points: z.number(),
      score: z.number(),
      streak: int,
      rank: int,
      elapsedMs: z.number().nullable(),
    })
    .nullable(),
  rank: int.nullable(),
  address: z.string().nullable(),
  dropAt: time.nullable(),
  /** Extra time the host granted (absent in journals written before extra time existed). */
  extraTime: z.union([z.literal(1.5), z.literal(2)]).optional(),
  /** The player's team (absent without teams, and in journals written before teams). */
  team: int.optional(),
  /** Session totals (absent before the first game finished, and in journals written before them). */
  sessionScore: int.optional(),
  sessionGames: int.optional(),
  /** The player's class-list name or identifier (absent: none, and in journals written before it). */
  identity: z.string().optional(),
});

const SerializedGameSchema = z.object({
  settings: StoredSettingsSchema,
  quiz: QuizSchema,
  phase: PhaseSchema,
  endsAt: time.nullable(),
  players: z.array(PlayerSchema),
  waiting: z.array(PlayerSchema),
  names: z.array(z.tuple([z.string(), z.string()])),
  perAddress: z.array(z.tuple([z.string(), int])),
  /** Absent in journals written before names could be blocked. */
  blockedNames: z.array(z.tuple([z.string(), z.string()])).default([]),
  dropQueue: z.array(z.object({ id: z.string(), at: time })),
  connectedCount: int,
  nextSeq: int,
  /** Absent in journals written before questions could be shuffled: quiz order. */
  order: z.array(int).default([]),
  questionIndex: int,
  round: z
    .object({
      index: int,
      openedAt: time,
      deadline: time,
      timeLimitMs: z.number(),
      counts: z.array(int),
      groups: z.record(z.string(), int).default({}),
      answered: int,
      answeredConnected: int,
      closed: z.boolean(),
      voided: z.boolean(),
      extraTime: z.record(z.string(), z.union([z.literal(1.5), z.literal(2)])).optional(),
      finishing: z.boolean().optional(),
      finishingWaiting: int.optional(),
    })
    .nullable(),
  ranking: z.array(z.string()),
  gameNo: int,
  startedAt: time.nullable(),
  played: z.array(z.object({ index: int, openedAt: time, timeLimitMs: z.number(), voided: z.boolean() })),
  /** The host paused the open question (absent in journals written before pausing existed). */
  pausedAt: time.nullable().optional(),
  /** The next question's pictures and who has them (absent in journals written before media). */
  mediaGate: z
    .object({ question: int, refs: z.array(z.string()), ready: z.array(z.string()), until: time.nullable() })
    .nullable()
    .optional(),
  /** The session's ranking (absent before the first game finished, and in older journals). */
  sessionRanking: z.array(z.string()).optional(),
}) satisfies z.ZodType<SerializedGame>;

/** Host commands as the wire knows them, so that a command added there is journaled too. */
const HostCommandSchema = ClientMessageSchema.refine(isHostCommand, {
  error: 'is not a host command',
}) as unknown as z.ZodType<HostCommand>;

/** One schema per input kind: a kind added to `Input` does not compile until it is listed here. */
const INPUT_SCHEMAS: { [K in Input['kind']]: z.ZodType<Extract<Input, { kind: K }>> } = {
  join: z.object({
    kind: z.literal('join'),
    conn: int,
    name: z.string(),
    address: z.string().optional(),
    identity: z.string().optional(),
  }),
  identity: z.object({ kind: z.literal('identity'), conn: int, playerId: z.string(), identity: z.string() }),
  leave: z.object({ kind: z.literal('leave'), conn: int, playerId: z.string() }),
  connected: z.object({ kind: z.literal('connected'), playerId: z.string() }),
  disconnected: z.object({ kind: z.literal('disconnected'), playerId: z.string() }),
  answer: z
    .object({
      kind: z.literal('answer'),
      conn: int,
      playerId: z.string(),
      question: int,
      ...ANSWER_FIELD_SCHEMAS,
      graceMs: z.number().finite().optional(),
    })
    .superRefine(exactlyOneAnswerField),
  host: z.object({ kind: z.literal('host'), conn: int, command: HostCommandSchema }),
  media_ready: z.object({ kind: z.literal('media_ready'), playerId: z.string(), question: int }),
  team: z.object({ kind: z.literal('team'), conn: int, playerId: z.string(), team: int }),
  timer: z.object({ kind: z.literal('timer') }),
  resumed: z.object({ kind: z.literal('resumed'), pausedMs: time }),
};

const InputSchema = z
  .object({ kind: z.string() })
  .loose()
  .transform((value, ctx): Input => {
    const schema = (INPUT_SCHEMAS as Record<string, z.ZodType<Input> | undefined>)[value.kind];
    if (!schema) {
      ctx.addIssue({ code: 'custom', message: `"${value.kind.slice(0, 40)}" is not an input` });
      return z.NEVER;
    }
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom' });
    return z.NEVER;
  });

const RecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('open'), v: int, at: time, config: RoomConfigSchema }),
  z.object({
    t: z.literal('snapshot'),
    at: time,
    game: SerializedGameSchema,
    tokens: z.array(z.tuple([z.string(), z.string()])),
  }),
  z.object({ t: z.literal('in'), at: time, input: InputSchema }),
  z.object({ t: z.literal('token'), playerId: z.string(), token: z.string() }),
  z.object({ t: z.literal('alive'), at: time }),
  z.object({ t: z.literal('closed'), at: time }),
]) satisfies z.ZodType<JournalRecord>;

/** A record as one journal line (newline included). */
export function encodeRecord(record: JournalRecord): string {
  const json = JSON.stringify(record);
  return `${checksum(json)} ${json}\n`;
}

function checksum(data: string | Uint8Array): string {
  return crc32(data).toString(16).padStart(8, '0');
}

/** Checksum, space, then at least `{}`. */
const MIN_LINE = 8 + 1 + 2;

export type DecodedLine = { ok: true; record: JournalRecord } | { ok: false; reason: string };

/** Reads one line (without its newline): the record it holds, or why it holds none. */
export function decodeRecord(line: Buffer): DecodedLine {
  if (line.length < MIN_LINE || line[8] !== 0x20)
    return { ok: false, reason: 'it is not a checksummed record' };
  const json = line.subarray(9);
  if (checksum(json) !== line.toString('latin1', 0, 8))
    return { ok: false, reason: 'its checksum does not match its content' };
  let value: unknown;
  try {
    value = JSON.parse(json.toString('utf8'));
  } catch {
    return { ok: false, reason: 'its checksum matches but it is not JSON' };
  }
  const parsed = RecordSchema.safeParse(value);
  if (!parsed.success)
    return {
      ok: false,
      reason: `it is not a journal record (${formatIssues(parsed.error.issues, 'the record').slice(0, 3).join('; ')})`,
    };
  return { ok: true, record: parsed.data };
}
