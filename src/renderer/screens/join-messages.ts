/**
 * What a person reads when joining fails, by error code: what happened and what to do. The field
 * says where the message belongs (next to the nickname, next to the PIN, or for the whole form).
 */
import { DEFAULT_PORT } from '../../shared/protocol/endpoints';

export type JoinField = 'nickname' | 'pin' | 'form';

export interface JoinMessage {
  field: JoinField;
  text: string;
}

const MESSAGES: Record<string, JoinMessage> = {
  pin_required: {
    field: 'pin',
    text: 'This room needs a PIN. Ask the host for the 6-digit PIN on their screen.',
  },
  pin_wrong: { field: 'pin', text: 'That PIN is not right. Check it on the host’s screen and try again.' },
  room_full: { field: 'form', text: 'This room is full. Ask the host to make room, or join another room.' },
  // Older hosts; this one lets a latecomer wait for the next game instead.
  game_started: { field: 'form', text: 'This game has already started. Wait for the next game, then join.' },
  unreachable: {
    field: 'form',
    text: 'Could not reach that room. Check that you are on the same network as the host and that the room is still open.',
  },
  unknown_token: {
    field: 'form',
    text: 'Your earlier place in this room has ended (you were away from the lobby for a while, or the room restarted). Join again.',
  },
};

/**
 * The message for `code`; `fallback` (the host's own words) for codes without one here. A refused
 * name keeps the host's words: they say what is wrong and where, or which player it looks like.
 */
export function joinMessage(code: string, fallback: string): JoinMessage {
  if (code.startsWith('name_')) return { field: 'nickname', text: fallback };
  return MESSAGES[code] ?? { field: 'form', text: fallback };
}

/** Reads "192.168.1.20", "192.168.1.20:7420" or "http://quiz.local:7420/" as address and port. */
export function parseAddress(
  input: string,
  defaultPort = DEFAULT_PORT,
): { address: string; port: number } | null {
  let text = input.trim().replace(/^[a-z]+:\/\//i, '');
  text = text.split(/[/?#]/)[0] ?? '';
  if (!text) return null;
  let address = text;
  let port = defaultPort;
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) {
    address = v6[1] ?? '';
    if (v6[2]) port = Number(v6[2]);
  } else if ((text.match(/:/g) ?? []).length === 1) {
    const [host, p] = text.split(':');
    address = host ?? '';
    if (!/^\d+$/.test(p ?? '')) return null;
    port = Number(p);
  }
  if (!address || !/^[\w.:-]+$/.test(address) || port < 1 || port > 65535) return null;
  return { address, port };
}
