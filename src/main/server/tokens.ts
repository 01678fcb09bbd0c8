/**
 * Secrets: resume and host tokens are 144 random bits from crypto.randomBytes, in base64url;
 * room PINs are 6 random digits. Whatever a client offers is compared with them in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function newToken(): string {
  return randomBytes(18).toString('base64url');
}

/** A 6-digit room PIN. */
export function newPin(): string {
  return String(randomBytes(4).readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/**
 * Whether `offered` is `secret`, taking as long whichever characters differ. Both are hashed
 * first: timingSafeEqual needs equal lengths, and comparing lengths first would tell a guesser
 * how long the secret is.
 */
export function sameSecret(offered: string, secret: string): boolean {
  return timingSafeEqual(digest(offered), digest(secret));
}

/**
 * The key a secret is filed under in a Map: its SHA-256. A lookup then compares digests, so how
 * far an offered token matches a real one cannot be timed.
 */
export function secretKey(secret: string): string {
  return digest(secret).toString('base64url');
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
