/**
 * DNS-SD names for a room: the service type, a unique instance name and a unique target host.
 * DNS labels are at most 63 bytes, and bonjour-service (through dns-packet) writes a longer label
 * as a corrupt packet, so every label built here is clamped.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';

/** bonjour-service adds the underscores: this is announced as `_quizroom._tcp.local`. */
export const SERVICE_TYPE = 'quizroom';

const MAX_LABEL_BYTES = 63;

/** Cut `text` to at most `maxBytes` of UTF-8 without splitting a character. */
export function clampUtf8(text: string, maxBytes: number): string {
  let out = '';
  let bytes = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    out += char;
    bytes += size;
  }
  return out;
}

/** Control characters would be cut or misread by bonjour-service's TXT decoder. */
export function printable(text: string): string {
  return text.replace(/\p{Cc}/gu, ' ').trim();
}

/** A fresh random suffix; two hosts with the same room and host name still get distinct names. */
export function randomSuffix(): string {
  return randomBytes(4).toString('hex');
}

/**
 * The instance label, e.g. `Friday quiz - alice-laptop - 9f2c01ab`. Unique on purpose: on a name
 * clash bonjour-service only logs, and a rejected duplicate's goodbye removes the live original.
 * Dots become dashes (bonjour-service would do it; a dot would split the label).
 */
export function instanceName(roomName: string, hostName: string, suffix: string): string {
  const tail = ` - ${suffix}`;
  const clean = (s: string) => printable(s).replace(/[.\\]/g, '-');
  const head = clampUtf8(`${clean(roomName)} - ${clean(hostName)}`, MAX_LABEL_BYTES - tail.length);
  return head + tail;
}

/**
 * The SRV target. bonjour-service defaults to `os.hostname()` without `.local`, which other
 * resolvers cannot look up and which every host on one machine (or in sibling network namespaces)
 * would share with different addresses; a per-announcer name avoids both.
 */
export function targetHost(suffix: string): string {
  const base =
    os
      .hostname()
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '-')
      .replace(/^-+|-+$/g, '') || 'quizroom';
  return `${clampUtf8(base, MAX_LABEL_BYTES - suffix.length - 1)}-${suffix}.local`;
}
