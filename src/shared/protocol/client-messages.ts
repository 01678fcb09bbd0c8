/**
 * Messages a client sends to the host: their types (inferred from the zod schemas in
 * client-message-schemas.ts, which only the host loads) and the lists and checks that clients and
 * host share. Nothing here loads zod.
 */
import type { ClientMessage } from './client-message-schemas';

export type { ClientMessage } from './client-message-schemas';

const MESSAGE_TYPES = [
  'hello',
  'join',
  'answer',
  'media_ready',
  'team',
  'identity',
  'leave',
  'ping',
  'start',
  'cancel_start',
  'pause',
  'next',
  'skip',
  'end',
  'kick',
  'extra_time',
  'set_team',
  'balance_teams',
  'release_identity',
  'remove_disconnected',
  'settings',
  'new_game',
  'remote_pass',
  'revoke_remote',
] as const satisfies readonly ClientMessage['type'][];

// Every type the schema accepts is listed above (and, by `satisfies`, nothing else is).
type Unlisted = Exclude<ClientMessage['type'], (typeof MESSAGE_TYPES)[number]>;
const everyTypeListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyTypeListed;

/** Every client message type, in the order `docs/protocol.md` lists them. */
export const CLIENT_MESSAGE_TYPES: readonly string[] = MESSAGE_TYPES;

export const HOST_COMMAND_TYPES = [
  'start',
  'cancel_start',
  'pause',
  'next',
  'skip',
  'end',
  'kick',
  'extra_time',
  'set_team',
  'balance_teams',
  'release_identity',
  'remove_disconnected',
  'settings',
  'new_game',
] as const satisfies readonly ClientMessage['type'][];
export type HostCommandType = (typeof HOST_COMMAND_TYPES)[number];
export type HostCommand = Extract<ClientMessage, { type: HostCommandType }>;

export function isHostCommand(m: ClientMessage): m is HostCommand {
  return (HOST_COMMAND_TYPES as readonly string[]).includes(m.type);
}

/**
 * What a phone that took the host's controls (a remote control) may send beyond hello and ping:
 * the host bar's steps. Everything else a host may do (kick, extra time, teams, settings such as
 * the PIN, a new game, passes and revoking) stays with the host's own screen.
 */
export const REMOTE_COMMAND_TYPES = [
  'start',
  'cancel_start',
  'pause',
  'next',
  'skip',
  'end',
] as const satisfies readonly HostCommandType[];
