/**
 * Messages a client sends to the host, as zod schemas: every frame a host receives is checked
 * against `ClientMessageSchema` before anything else looks at it. Host code imports this file
 * directly; the protocol index carries only the types inferred here (erased from bundles), so the
 * web player never loads zod (checked by `npm run lint`).
 */
import { z } from 'zod';
import { MAX_MULTI_OPTIONS, MAX_ORDER_ITEMS, MAX_TYPED_ANSWER, QuizSchema } from '../quiz/quiz-schema';
import { RESPONSE_FIELDS, type AnswerFields } from './answer-response';
import { ROSTER_LIMITS } from './setting-limits';
import { SettingsPatchSchema } from './settings-schema';

/** Any string: a token the host does not know (malformed or not) gets `unknown_token`. */
const TokenSchema = z.string().max(128);

export const HelloSchema = z.strictObject({
  type: z.literal('hello'),
  protocol: z.number().int(),
  /** A player's resume token or the room's host token. */
  token: TokenSchema.optional(),
  /** A one-time pass from the host's "Control from your phone" code (see remote-controls.ts). */
  pass: z.string().max(64).optional(),
  /** A remote control's own token, to come back after a reconnect. */
  remote: TokenSchema.optional(),
});

export const JoinSchema = z.strictObject({
  type: z.literal('join'),
  name: z.string().max(200),
  pin: z.string().max(20).optional(),
  /**
   * With settings `identity: 'roster'`, a name on the class list; with `'field'`, the identifier
   * asked for; ignored with `'none'`. Checked by the host (src/main/game/identity.ts).
   */
  identity: z.string().max(ROSTER_LIMITS.joinMax).optional(),
});

/** A joined player without an identity (freed by the host, or asked for after they joined) gives it. */
export const IdentitySchema = z.strictObject({
  type: z.literal('identity'),
  identity: z.string().max(ROSTER_LIMITS.joinMax),
});

/**
 * The fields of an answer, one per kind of question (see answer-response.ts); exactly one is
 * present. Bounds here are the wire's; whether the value fits the open question is the referee's.
 */
export const ANSWER_FIELD_SCHEMAS = {
  option: z.number().int().min(0).max(63).optional(),
  options: z.array(z.number().int().min(0).max(63)).max(MAX_MULTI_OPTIONS).optional(),
  text: z.string().max(MAX_TYPED_ANSWER).optional(),
  value: z.number().finite().optional(),
  order: z.array(z.number().int().min(0).max(63)).max(MAX_ORDER_ITEMS).optional(),
};

export function exactlyOneAnswerField(answer: AnswerFields, ctx: z.core.$RefinementCtx): void {
  const present = RESPONSE_FIELDS.filter((f) => answer[f] !== undefined);
  if (present.length !== 1)
    ctx.addIssue({
      code: 'custom',
      message:
        present.length === 0
          ? `needs one of ${RESPONSE_FIELDS.join(', ')}`
          : `has ${present.join(' and ')}: give only one`,
    });
}

export const AnswerSchema = z
  .strictObject({
    type: z.literal('answer'),
    /** Index of the question being answered: an answer meant for another question is refused. */
    question: z.number().int().min(0),
    ...ANSWER_FIELD_SCHEMAS,
  })
  .superRefine(exactlyOneAnswerField);

/** The player's phone has the pictures of question `question` (named by a `media` message). */
export const MediaReadySchema = z.strictObject({
  type: z.literal('media_ready'),
  question: z.number().int().min(0),
});

/** A player picks a team (an index into TEAM_COLORS) in the lobby, when the host lets players pick. */
export const TeamSchema = z.strictObject({ type: z.literal('team'), team: z.number().int().min(0).max(63) });

/** A player gives up their seat in the room (a latecomer their place in the next game). */
export const LeaveSchema = z.strictObject({ type: z.literal('leave') });

export const PingSchema = z.strictObject({
  type: z.literal('ping'),
  /** The client's own clock when it sent the ping; echoed back untouched. */
  t: z.number().finite(),
});

export const StartSchema = z.strictObject({ type: z.literal('start') });
/** Stops the countdown before the first question: back to the lobby, started by hand from then on. */
export const CancelStartSchema = z.strictObject({ type: z.literal('cancel_start') });
/** Pauses (true) or resumes (false) the open question's timer. */
export const PauseSchema = z.strictObject({ type: z.literal('pause'), paused: z.boolean() });
export const NextSchema = z.strictObject({ type: z.literal('next') });
export const SkipSchema = z.strictObject({ type: z.literal('skip') });
export const EndSchema = z.strictObject({ type: z.literal('end') });
/** `block`: the name (and anything that looks like it) and the player's address seat stay barred. */
export const KickSchema = z.strictObject({
  type: z.literal('kick'),
  playerId: z.string().max(32),
  block: z.boolean().optional(),
});
/**
 * Gives a player (or a latecomer) extra time on every question from the next one on: 1.5 or 2
 * times each question's time; 1 takes it away. See docs/protocol.md, section 13.
 */
export const ExtraTimeSchema = z.strictObject({
  type: z.literal('extra_time'),
  playerId: z.string().max(32),
  factor: z.union([z.literal(1), z.literal(1.5), z.literal(2)]),
});
/** The host puts a player (or a latecomer) in a team, in the lobby or after a game. */
export const SetTeamSchema = z.strictObject({
  type: z.literal('set_team'),
  playerId: z.string().max(32),
  team: z.number().int().min(0).max(63),
});
/** The host evens out the teams (in the lobby or after a game), moving as few players as it can. */
export const BalanceTeamsSchema = z.strictObject({ type: z.literal('balance_teams') });
/** Frees the player's class-list name or identifier: they are told (`identity_released`) and give it again. */
export const ReleaseIdentitySchema = z.strictObject({
  type: z.literal('release_identity'),
  playerId: z.string().max(32),
});
/** Removes every player who is not connected (in the lobby or after a game). */
export const RemoveDisconnectedSchema = z.strictObject({ type: z.literal('remove_disconnected') });
export const SettingsSchema = z.strictObject({ type: z.literal('settings'), settings: SettingsPatchSchema });
/** The id of a quiz the host offers (`snapshot.quizzes`), e.g. "builtin:science". */
export const QuizIdSchema = z.string().min(1).max(200);

/**
 * Start a new game after the last one: with the same quiz, a quiz the host offers by id (what a
 * browser dashboard sends: it never holds a quiz), or a whole quiz (the desktop app's own host
 * connection, which reads the library on its own computer). Not both.
 */
export const NewGameSchema = z.strictObject({
  type: z.literal('new_game'),
  quizId: QuizIdSchema.optional(),
  quiz: QuizSchema.optional(),
});

/** Host (its own screen only): a one-time pass that lets a phone take the host's controls. */
export const RemotePassSchema = z.strictObject({ type: z.literal('remote_pass') });
/** Host (its own screen only): takes the controls back from the remote control `id`. */
export const RevokeRemoteSchema = z.strictObject({
  type: z.literal('revoke_remote'),
  id: z.string().min(1).max(32),
});

export const ClientMessageSchema = z.discriminatedUnion('type', [
  HelloSchema,
  JoinSchema,
  IdentitySchema,
  AnswerSchema,
  MediaReadySchema,
  TeamSchema,
  LeaveSchema,
  PingSchema,
  StartSchema,
  CancelStartSchema,
  PauseSchema,
  NextSchema,
  SkipSchema,
  EndSchema,
  KickSchema,
  ExtraTimeSchema,
  SetTeamSchema,
  BalanceTeamsSchema,
  RemoveDisconnectedSchema,
  ReleaseIdentitySchema,
  SettingsSchema,
  NewGameSchema,
  RemotePassSchema,
  RevokeRemoteSchema,
]);

export type ClientMessage = z.infer<typeof ClientMessageSchema>;
