/**
 * The default game settings: the original rules. Kept apart from the zod schemas so that the web
 * player, which needs only these values, does not bundle zod.
 */
import type { GameSettings } from './settings';

export const DEFAULT_SETTINGS: GameSettings = {
  minPlayers: 2,
  countdownSeconds: 3,
  questionSeconds: 10,
  revealSeconds: 5,
  leaderboardSeconds: 5,
  autoAdvance: true,
  maxPlayers: 5000,
  lateJoin: false,
};
