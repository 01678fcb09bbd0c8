/** The pure competition engine: state, inputs, effects, step and snapshots. */
export { step } from './engine';
export type { Audience, ConnId, Effect, Input, StepResult } from './io';
export { snapshotFor, type Viewer } from './snapshot';
export { gameRecord, type GameRecord, type PlayerRecord } from './game-record';
export {
  createGame,
  type AnswerRecord,
  type EngineOptions,
  type GameState,
  type PlayedQuestion,
  type Player,
  type Round,
} from './state';
export {
  answerPoints,
  scoreAnswer,
  streakBonus,
  type AnswerScore,
  type AnswerToScore,
  type ScoringRules,
} from './scoring';
export { quizIndexAt, shuffledOrder } from './question-order';
export {
  RestoreError,
  restoreGame,
  serializeGame,
  type SerializedGame,
  type SerializedRound,
} from './serialized-game';
export { MAX_GRACE_MS } from './round';
export { LOBBY_GRACE_MS, seatOf } from './lobby';
export { deadlineFor, EXTRA_TIME_FACTORS, limitFor } from './extra-time';
export { rankTeams } from './teams';
