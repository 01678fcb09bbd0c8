/**
 * Game settings a host can change, as zod schemas (host code imports this file directly; the
 * protocol index carries only the types). Defaults are the original rules, in default-settings.ts:
 * start by itself when two players are connected, after a 3-second countdown; 10 s per question.
 */
import { z } from 'zod';
import { rosterKey } from '../roster/roster-key';
import { IDENTITY_MODES, ROSTER_LIMITS, SCORING_MODES, SETTING_LIMITS, TEAM_MODES } from './setting-limits';

const within = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

/** No control characters (line breaks, tabs, bidi overrides are not names or ids). */
const printable = (text: string): boolean => !/[\p{Cc}\u202a-\u202e\u2066-\u2069]/u.test(text);

/** One person on the class list: their name (what players pick) and, if given, an id for the reports. */
export const RosterEntrySchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(1, 'the name is empty')
    .max(ROSTER_LIMITS.nameMax, `a name has at most ${ROSTER_LIMITS.nameMax} characters`)
    .refine(printable, 'the name holds a control character'),
  id: z
    .string()
    .trim()
    .min(1, 'the id is empty')
    .max(ROSTER_LIMITS.idMax, `an id has at most ${ROSTER_LIMITS.idMax} characters`)
    .refine(printable, 'the id holds a control character')
    .optional(),
});
export type RosterEntry = z.infer<typeof RosterEntrySchema>;

/** The class list: at most `ROSTER_LIMITS.maxEntries` people, no two names alike (rosterKey). */
export const RosterSchema = z
  .array(RosterEntrySchema)
  .max(ROSTER_LIMITS.maxEntries, `a class list has at most ${ROSTER_LIMITS.maxEntries} names`)
  .superRefine((entries, ctx) => {
    const seen = new Map<string, number>();
    entries.forEach((entry, i) => {
      const key = rosterKey(entry.name);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, 'name'],
          message: `"${entry.name}" is on the class list twice (also entry ${first + 1})`,
        });
    });
  });

export const GameSettingsSchema = z.object({
  /** Connected players needed to start by itself; 0 means the host starts by hand. */
  minPlayers: within(SETTING_LIMITS.minPlayers),
  /** Seconds of countdown before the first question. */
  countdownSeconds: within(SETTING_LIMITS.countdownSeconds),
  /** Seconds per question, for questions that do not set their own time limit. */
  questionSeconds: within(SETTING_LIMITS.questionSeconds),
  /** Seconds the correct answer stays on screen before the leaderboard. */
  revealSeconds: within(SETTING_LIMITS.revealSeconds),
  /** Seconds the leaderboard stays on screen before the next question. */
  leaderboardSeconds: within(SETTING_LIMITS.leaderboardSeconds),
  /** Move on from reveal and leaderboard by itself; when off the host presses Next. */
  autoAdvance: z.boolean(),
  /** Players allowed in the room. */
  maxPlayers: within(SETTING_LIMITS.maxPlayers),
  /** Whether a new player may join after the game has started. */
  lateJoin: z.boolean(),
  /**
   * Players (and latecomers waiting for the next game) who may join from one network address,
   * so that one device cannot fill the room.
   */
  maxPlayersPerAddress: within(SETTING_LIMITS.maxPlayersPerAddress),
  /** Refuse nicknames that hold a swear word (several languages; see src/main/game/name-filter.ts). */
  profanityFilter: z.boolean(),
  /** Players take a generated "Adjective Animal" name (src/shared/friendly-names.ts), never their own. */
  generatedNamesOnly: z.boolean(),
  /** How answers score: by speed, by accuracy alone, or not at all (a survey). */
  scoringMode: z.enum(SCORING_MODES),
  /** Right answers in a row earn a bonus (100 per answer after the first, at most 500). */
  streakBonus: z.boolean(),
  /** Percent of a question's points a wrong answer loses (never below a score of 0); 0 = none. */
  wrongAnswerPenalty: within(SETTING_LIMITS.wrongAnswerPenalty),
  /** Ask the questions in a shuffled order, drawn anew for each game. */
  shuffleQuestions: z.boolean(),
  /** Every game adds to a total per player for the session (src/main/game/session-totals.ts), shown after each game. */
  runningTotals: z.boolean(),
  /** Teams: off, everyone on their own device in a team, or one device per team. */
  teamMode: z.enum(TEAM_MODES),
  /** How many teams, with `teamMode: 'teams'`. */
  teamCount: within(SETTING_LIMITS.teamCount),
  /** Players choose their team in the lobby; when off, each joins the smallest team. */
  teamPick: z.boolean(),
  /** With teams: seconds to talk it over before each question's answers open. */
  teamTalkSeconds: within(SETTING_LIMITS.teamTalkSeconds),
  /** Who each player is: nobody asks, a typed identifier, or a name from the class list. */
  identity: z.enum(IDENTITY_MODES),
  /** What the typed identifier is called, shown to players (`identity: 'field'`). */
  identityLabel: z
    .string()
    .trim()
    .min(1)
    .max(ROSTER_LIMITS.labelMax)
    .refine(printable, 'the label holds a control character'),
  /**
   * The class list (`identity: 'roster'`). Private: only hosts ever receive it; phones get the
   * names alone (`rosterNames`), never the ids.
   */
  roster: RosterSchema,
});
export type GameSettings = z.infer<typeof GameSettingsSchema>;

export const SettingsPatchSchema = GameSettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
