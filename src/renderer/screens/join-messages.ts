/**
 * What a person reads when joining fails, by error code: what happened and what to do. The field
 * says where the message belongs (next to the nickname, the PIN or the identity, or for the whole
 * form).
 */
import { DEFAULT_PORT } from '../../shared/protocol/endpoints';
import type { Locale, MessageId, Translate } from '../i18n';

export type JoinField = 'nickname' | 'pin' | 'identity' | 'form';

/** A message for a field: a catalog text by id, or the host's own words when no id is known. */
export interface JoinMessage {
  field: JoinField;
  /** The catalog's text for this refusal, in the person's language. */
  id?: MessageId;
  /** Values for the text's arguments. */
  values?: Record<string, string>;
  /** The host's own words: shown when there is no id (or the id's text is not wanted). */
  text: string;
}

const MESSAGES: Record<string, { field: JoinField; id: MessageId }> = {
  pin_required: { field: 'pin', id: 'join.pinRequired' },
  pin_wrong: { field: 'pin', id: 'join.pinWrong' },
  room_full: { field: 'form', id: 'join.roomFull' },
  // Older hosts; this one lets a latecomer wait for the next game instead.
  game_started: { field: 'form', id: 'join.gameStarted' },
  unreachable: { field: 'form', id: 'join.unreachable' },
  unknown_token: { field: 'form', id: 'join.unknownToken' },
  // A phone that opened the host's "Control from your phone" code (see remote-controls.ts).
  pass_wrong: { field: 'form', id: 'remote.passWrong' },
  pass_used: { field: 'form', id: 'remote.passUsed' },
  pass_expired: { field: 'form', id: 'remote.passExpired' },
  pass_wait: { field: 'form', id: 'remote.passWait' },
};

/**
 * The message for `code`; `fallback` (the host's own words) for codes without one here. A refused
 * name keeps the host's words in English: they say what is wrong and where, or which player it
 * looks like; in another language a taken name gets the catalog's text (the host writes English).
 */
export function joinMessage(code: string, fallback: string, locale: Locale = 'en'): JoinMessage {
  if (code === 'name_taken' && locale !== 'en')
    return { field: 'nickname', id: 'join.nameTaken', text: fallback };
  if (code.startsWith('name_')) return { field: 'nickname', text: fallback };
  // Who the player is (settings `identity`): the screen words it (src/renderer/roster/).
  if (code.startsWith('identity_')) return { field: 'identity', text: fallback };
  const known = MESSAGES[code];
  return known ? { ...known, text: fallback } : { field: 'form', text: fallback };
}

/** The text to show for a message, in the person's language where the catalog has it. */
export function joinText(message: JoinMessage, t: Translate): string {
  return message.id ? t(message.id, message.values) : message.text;
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
