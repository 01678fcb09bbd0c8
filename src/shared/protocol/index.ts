/** The wire protocol between a host and its clients: JSON text frames, each with a `type`. */
export * from './client-messages';
export * from './default-settings';
export * from './error-codes';
export * from './server-messages';
export * from './settings';
export * from './version';
