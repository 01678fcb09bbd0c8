/** Secrets: resume and host tokens are 144 random bits from crypto.randomBytes, in base64url. */
import { randomBytes } from 'node:crypto';

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** A 6-digit room PIN. */
export function newPin(): string {
  return String(randomBytes(4).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}
