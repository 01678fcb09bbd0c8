/**
 * A finished game's report, as saved in `<library>/reports/*.json`: the quiz's questions with the
 * correct option, each player's final standing and per-question answers, and per-question
 * statistics. The zod schema checks every report read back from disk.
 */
import { z } from 'zod';
import { TEAM_COLORS } from '../../shared/protocol';
import { StoredSettingsSchema } from '../../shared/protocol/stored-settings-schema';
import { QUESTION_KINDS } from '../../shared/quiz/quiz-schema';

export const REPORT_FORMAT = 'quizroom-report-1';

const count = z.number().int().min(0);
const isoTime = z.iso.datetime({ offset: true });

export const ReportAnswerSchema = z.object({
  /** Index of the option the player chose (from 0); absent for kinds without one option. */
  option: count.optional(),
  /** What the player answered, in words (every kind). */
  answer: z.string().optional(),
  correct: z.boolean(),
  /** 0 to 1: partial credit for multi-select, number and ordering questions. */
  credit: z.number().min(0).max(1).optional(),
  /** From the question opening to the answer arriving, measured by the host. */
  elapsedMs: z.number().min(0),
  /** Negative for a wrong answer in a room with a wrong-answer penalty. */
  points: z.number().int(),
});

export const ReportQuestionSchema = z.object({
  /** Position in the quiz, from 1. */
  number: z.number().int().min(1),
  prompt: z.string(),
  /** Reports from before question kinds hold choice questions only. */
  kind: z.enum(QUESTION_KINDS).default('choice'),
  /** The options (items of an ordering); empty for typed, number and slide questions. */
  options: z.array(z.string()),
  /** Index of the correct option (from 0) of a choice or true/false question; -1 for other kinds. */
  correct: z.number().int().min(-1),
  /** The right answer in words (every kind). */
  rightAnswer: z.string().optional(),
  points: count,
  /** Seconds players had (the question's own limit, or the room's setting). */
  timeLimitS: z.number().int().min(1),
  /** `skipped`: the host skipped it and nobody scored; `not_reached`: the game ended before it. */
  status: z.enum(['played', 'skipped', 'not_reached']),
  /** Players who answered, and how many of them were right. */
  answered: count,
  right: count,
  /** Mean answer time of those who answered; null when nobody did. */
  averageTimeMs: z.number().min(0).nullable(),
  /** How many players chose each option. */
  optionCounts: z.array(count),
});

export const ReportPlayerSchema = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.number().int().min(1),
  score: count,
  correctCount: count,
  /** Sum of answer times; an unanswered question counts its whole time limit. */
  totalTimeMs: z.number().min(0),
  /** Connected when the game ended. */
  connected: z.boolean(),
  /** Extra time the host granted: 1.5 or 2 times each question's time (absent: none, or an older report). */
  extraTime: z.number().min(1).max(2).optional(),
  /** The player's team (an index into TEAM_COLORS), in a game played in teams. */
  team: z
    .number()
    .int()
    .min(0)
    .max(TEAM_COLORS.length - 1)
    .optional(),
  /** With running totals: the player's total over the session's games, this one included. */
  sessionTotal: z.number().int().optional(),
  /** Who the player is (settings `identity`): their class-list name or typed identifier. */
  identity: z.string().max(60).optional(),
  /** The class list's id of that name, when the list gives one. */
  rosterId: z.string().max(40).optional(),
  /** One entry per quiz question; null where the player gave no answer. */
  answers: z.array(ReportAnswerSchema.nullable()),
});

export const GameReportSchema = z
  .object({
    format: z.literal(REPORT_FORMAT),
    roomName: z.string(),
    /** Counts the games played in the room; 1 for the first. */
    gameNo: z.number().int().min(1),
    startedAt: isoTime,
    finishedAt: isoTime,
    quiz: z.object({ title: z.string(), description: z.string().optional() }),
    /** The room's settings when the game ended (scoring, names, order); absent in older reports. */
    settings: StoredSettingsSchema.optional(),
    /** Question numbers (from 1) in the order they were asked; absent in older reports. */
    questionOrder: z.array(z.number().int().min(1)).optional(),
    /** In the quiz's order, whatever order they were asked in. */
    questions: z.array(ReportQuestionSchema),
    /** Best first. */
    players: z.array(ReportPlayerSchema),
    /** A game played in teams: the teams' table, best first (score: the average of members' scores). */
    teams: z
      .array(
        z.object({
          rank: z.number().int().min(1),
          team: z
            .number()
            .int()
            .min(0)
            .max(TEAM_COLORS.length - 1),
          score: count,
          members: z.number().int().min(1),
        }),
      )
      .optional(),
  })
  .superRefine((report, ctx) => {
    report.players.forEach((p, i) => {
      if (p.answers.length !== report.questions.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['players', i, 'answers'],
          message: `has ${p.answers.length} entries but the quiz has ${report.questions.length} questions`,
        });
      }
    });
  });

export type ReportAnswer = z.infer<typeof ReportAnswerSchema>;
export type ReportQuestion = z.infer<typeof ReportQuestionSchema>;
export type ReportPlayer = z.infer<typeof ReportPlayerSchema>;
export type GameReport = z.infer<typeof GameReportSchema>;
