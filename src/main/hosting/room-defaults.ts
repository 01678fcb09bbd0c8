/**
 * The defaults every hosted room shares, whichever app opens it (the desktop app or the headless
 * host): written here once.
 */
export { DEFAULT_PORT } from '../../shared/protocol/endpoints';

/**
 * Sockets one network address may hold at once. A phone has one; a laptop with a few browser
 * tabs, each reconnecting now and then, a handful. 64 leaves room for a classroom behind one NAT
 * address while one machine cannot open thousands.
 */
export const MAX_CONNECTIONS_PER_ADDRESS = 64;
