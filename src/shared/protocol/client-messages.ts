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
