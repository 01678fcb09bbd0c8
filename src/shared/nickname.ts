/**
 * Nickname rules, shared so that a client can check a name before sending it: trimmed, 1 to 24
 * characters, no control characters. Uniqueness in a room (ignoring case) is the host's check.
 */
export const MAX_NAME_LENGTH = 24;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

// Control characters (C0, DEL, C1) and invisible format characters such as bidi overrides. The
// zero-width joiner (U+200D) is allowed: emoji such as 👨‍👩‍👧 are made with it.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b\u200c\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u;

export function checkNickname(raw: string): NameCheck {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, reason: 'Enter a nickname.' };
  if (FORBIDDEN.test(name))
    return { ok: false, reason: 'A nickname cannot contain control or invisible characters.' };
  if ([...name].length > MAX_NAME_LENGTH) {
    return { ok: false, reason: `A nickname can be at most ${MAX_NAME_LENGTH} characters.` };
  }
  return { ok: true, name };
}

/** The form two names are compared in: the same name in other letter case is the same name. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US');
}
