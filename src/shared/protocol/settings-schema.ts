/**
 * Game settings a host can change, as zod schemas (host code imports this file directly; the
 * protocol index carries only the types). Defaults are the original rules, in default-settings.ts:
 * start by itself when two players are connected, after a 3-second countdown; 10 s per question.
 */
import { z } from 'zod';

export const GameSettingsSchema = z.object({
  /** Connected players needed to start by itself; 0 means the host starts by hand. */
  minPlayers: z.number().int().min(0).max(10_000),
  /** Seconds of countdown before the first question. */
  countdownSeconds: z.number().int().min(0).max(30),
  /** Seconds per question, for questions that do not set their own time limit. */
  questionSeconds: z.number().int().min(5).max(240),
  /** Seconds the correct answer stays on screen before the leaderboard. */
  revealSeconds: z.number().int().min(1).max(120),
  /** Seconds the leaderboard stays on screen before the next question. */
  leaderboardSeconds: z.number().int().min(1).max(120),
  /** Move on from reveal and leaderboard by itself; when off the host presses Next. */
  autoAdvance: z.boolean(),
  /** Players allowed in the room. */
  maxPlayers: z.number().int().min(1).max(10_000),
  /** Whether a new player may join after the game has started. */
  lateJoin: z.boolean(),
  /**
   * Players (and latecomers waiting for the next game) who may join from one network address,
   * so that one device cannot fill the room.
   */
  maxPlayersPerAddress: z.number().int().min(1).max(10_000),
});
export type GameSettings = z.infer<typeof GameSettingsSchema>;

export const SettingsPatchSchema = GameSettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
