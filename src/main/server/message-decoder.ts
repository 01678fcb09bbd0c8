/**
 * One frame from a client, as the server reads it: a validated ClientMessage, or the error the
 * client is told (a binary frame, text that is not JSON, a type the protocol does not have, or
 * fields that do not fit the type's schema, each said with what to send instead). A host command
 * from a connection that is not the host's is refused as soon as its type is read, before its
 * fields are validated (a guest cannot make the host validate a 16 KB quiz). Pure: no socket, no
 * state, no clock; the rate limit and the other rules of who may send what come after.
 */
import type { RawData } from 'ws';
import {
  CLIENT_MESSAGE_TYPES,
  HOST_COMMAND_TYPES,
  REMOTE_COMMAND_TYPES,
  type ClientMessage,
  type ErrorCode,
} from '../../shared/protocol';
import { ClientMessageSchema } from '../../shared/protocol/client-message-schemas';
import { formatIssues } from '../../shared/quiz/load-quiz';

/** What the client is told about a frame it sent; `ref` names the message type when it was known. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  ref?: string;
}

export type Decoded = { ok: true; message: ClientMessage } | { ok: false; refusal: Refusal };

/**
 * Who sent the frame, as far as host commands go: the host; a phone that holds the host's controls
 * (only the game's steps); someone who said hello as a guest or player; or a connection that has
 * not said hello yet.
 */
export type Sender = 'host' | 'remote' | 'other' | 'before_hello';

/** The text a remote control gets for a host command beyond the game's steps. */
export const REMOTE_FORBIDDEN =
  "The phone's controls cover the game's steps only; do this on the host's own screen.";

export function decodeClientMessage(data: RawData, isBinary: boolean, sender: Sender): Decoded {
  if (isBinary) return refuse('binary_frame', 'Send JSON text frames; binary frames are not understood.');
  let value: unknown;
  try {
    value = JSON.parse(rawToString(data));
  } catch {
    return refuse('bad_json', 'The message is not valid JSON.');
  }
  const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !CLIENT_MESSAGE_TYPES.includes(type)) {
    const what = typeof type === 'string' ? `"${type.slice(0, 40)}"` : 'missing';
    return refuse(
      'unknown_type',
      `Message type ${what} is not known; expected one of ${CLIENT_MESSAGE_TYPES.join(', ')}.`,
    );
  }
  if (sender !== 'host' && (HOST_COMMAND_TYPES as readonly string[]).includes(type)) {
    if (sender === 'before_hello') return refuse('hello_required', 'Say hello first.', type);
    if (sender === 'other' || !(REMOTE_COMMAND_TYPES as readonly string[]).includes(type))
      return refuse('forbidden', sender === 'remote' ? REMOTE_FORBIDDEN : 'Only the host can do that.', type);
  }
  const parsed = ClientMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issues = formatIssues(parsed.error.issues, 'the message').join('; ');
  if (type === 'new_game' && parsed.error.issues.some((issue) => issue.path[0] === 'quiz'))
    return refuse('invalid_quiz', `The quiz of "new_game" is not valid: ${issues}`, type);
  return refuse('invalid_message', `Invalid "${type}" message: ${issues}`, type);
}

function refuse(code: ErrorCode, message: string, ref?: string): Decoded {
  return { ok: false, refusal: ref === undefined ? { code, message } : { code, message, ref } };
}

function rawToString(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}
