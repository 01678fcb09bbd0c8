/** Secrets: made from crypto.randomBytes, and compared so that a guess's timing tells nothing. */
import { describe, expect, it } from 'vitest';
import { newPin, newToken, sameSecret, secretKey } from '../../src/main/server/tokens';

describe('comparing a secret with what a client offers', () => {
  it('accepts the secret itself and nothing else, whatever the length of the guess', () => {
    const token = newToken();
    expect(sameSecret(token, token)).toBe(true);
    for (const guess of [
      '',
      token.slice(0, -1),
      `${token}x`,
      `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      'x'.repeat(10_000),
    ]) {
      expect(sameSecret(guess, token), JSON.stringify(guess.slice(0, 30))).toBe(false);
    }
  });

  it('compares PINs the same way', () => {
    const pin = newPin();
    expect(pin).toMatch(/^\d{6}$/);
    expect(sameSecret(pin, pin)).toBe(true);
    expect(sameSecret(pin.slice(1), pin)).toBe(false);
    expect(sameSecret(` ${pin}`, pin)).toBe(false);
  });

  it('files a secret under a key that is the same for the same secret and says nothing of it', () => {
    const token = newToken();
    expect(secretKey(token)).toBe(secretKey(`${token}`));
    expect(secretKey(token)).not.toBe(secretKey(`${token}x`));
    expect(secretKey(token)).not.toContain(token);
  });
});
