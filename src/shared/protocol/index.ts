/**
 * The wire protocol between a host and its clients: JSON text frames, each with a `type`. This
 * index holds types, constants and defaults only, so any client may import it; the zod schemas
 * that validate what a host receives are in client-message-schemas.ts and settings-schema.ts, and
 * the one for a host's /health answer in health-schema.ts.
 */
export * from './client-messages';
export * from './default-settings';
export * from './endpoints';
export * from './error-codes';
export * from './health';
export * from './server-messages';
export * from './setting-limits';
export type { GameSettings, RosterEntry, SettingsPatch } from './settings-schema';
export * from './version';
export * from './answer-response';
