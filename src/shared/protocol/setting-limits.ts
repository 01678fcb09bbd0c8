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
  /** Teams in a room with teams (src/main/game/teams.ts). */
  teamCount: { min: 2, max: 8 },
  /** Seconds a team talks before each question's answers open. */
  teamTalkSeconds: { min: 0, max: 30 },
} as const;

/**
 * How answers score (src/main/game/scoring.ts): `speed`, faster right answers score more;
 * `accuracy`, a right answer scores the question's points however long it took; `survey`,
 * nothing is scored.
 */
export const SCORING_MODES = ['speed', 'accuracy', 'survey'] as const;
export type ScoringMode = (typeof SCORING_MODES)[number];

/**
 * Teams (src/main/game/teams.ts): `off`; `teams`, everyone plays on their own device in one of
 * `teamCount` teams; `shared`, one device per team (its name is the team's).
 */
export const TEAM_MODES = ['off', 'teams', 'shared'] as const;
export type TeamMode = (typeof TEAM_MODES)[number];

/**
 * The teams' colours, in order: team 0 is red. A team is named by its colour, in each language
 * (the reports write the English word).
 */
export const TEAM_COLORS = ['red', 'blue', 'green', 'yellow', 'purple', 'orange', 'pink', 'teal'] as const;
export type TeamColor = (typeof TEAM_COLORS)[number];

/**
 * Who a player is, beyond their nickname (src/main/game/identity.ts): `none`; `field`, every
 * player types an identifier (what it is called is `identityLabel`, e.g. a student number);
 * `roster`, every player picks their name from the class list the host loaded (`roster`).
 */
export const IDENTITY_MODES = ['none', 'field', 'roster'] as const;
export type IdentityMode = (typeof IDENTITY_MODES)[number];

/** Bounds of the class list and of identities, in characters (entries for `maxEntries`). */
export const ROSTER_LIMITS = {
  /** Entries on a class list. */
  maxEntries: 1000,
  /** A name on the class list. */
  nameMax: 60,
  /** An id on the class list, and a typed identifier (`identity: 'field'`). */
  idMax: 40,
  /** What the identifier is called (`identityLabel`). */
  labelMax: 40,
  /** The `identity` a phone sends with `join` (a roster name or a typed identifier). */
  joinMax: 60,
} as const;

/** Longest room name, in characters. */
export const ROOM_NAME_MAX = 60;
