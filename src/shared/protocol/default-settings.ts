/**
 * The default game settings: the original rules. Kept apart from the zod schemas so that the web
 * player, which needs only these values, does not bundle zod.
 */
import type { GameSettings } from './settings-schema';

export const DEFAULT_SETTINGS: GameSettings = {
  minPlayers: 2,
  countdownSeconds: 3,
  questionSeconds: 10,
  revealSeconds: 5,
  leaderboardSeconds: 5,
  autoAdvance: true,
  maxPlayers: 5000,
  lateJoin: false,
  // Every phone has an address of its own. Four leaves room for the few that share one: the
  // desktop host's own "play too" player and a browser tab on the host computer (both come from
  // 127.0.0.1), or two people on one laptop; and keeps one address to four seats of the room.
  maxPlayersPerAddress: 4,
  profanityFilter: true,
  generatedNamesOnly: false,
  scoringMode: 'speed',
  streakBonus: true,
  wrongAnswerPenalty: 0,
  shuffleQuestions: false,
  runningTotals: false,
  teamMode: 'off',
  teamCount: 2,
  teamPick: false,
  teamTalkSeconds: 0,
  identity: 'none',
  identityLabel: 'Student number',
  roster: [],
};
