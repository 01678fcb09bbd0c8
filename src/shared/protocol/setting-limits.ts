/**
 * The bounds of every number a host can set, and of a room's name: one list that the settings'
 * schema, the IPC checks, the headless host's options and the desktop's forms all read. Plain
 * constants (no zod), so that any client may import them.
 */
export const SETTING_LIMITS = {
  minPlayers: { min: 0, max: 10_000 },
  countdownSeconds: { min: 0, max: 30 },
  questionSeconds: { min: 5, max: 240 },
  revealSeconds: { min: 1, max: 120 },
  leaderboardSeconds: { min: 1, max: 120 },
  maxPlayers: { min: 1, max: 10_000 },
  maxPlayersPerAddress: { min: 1, max: 10_000 },
  /** Percent of a question's points a wrong answer loses. */
  wrongAnswerPenalty: { min: 0, max: 100 },
} as const;

/**
 * How answers score (src/main/game/scoring.ts): `speed`, faster right answers score more;
 * `accuracy`, a right answer scores the question's points however long it took; `survey`,
 * nothing is scored.
 */
export const SCORING_MODES = ['speed', 'accuracy', 'survey'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

/** Longest room name, in characters. */
export const ROOM_NAME_MAX = 60;
