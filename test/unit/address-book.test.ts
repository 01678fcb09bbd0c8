import { describe, expect, it } from 'vitest';
import { AddressBook, DEFAULT_ADDRESS_LIMITS } from '../../src/main/server/address-book';

describe('the address book', () => {
  it('counts the open sockets of an address, shared by all of them', () => {
    const book = new AddressBook();
    book.opened('192.168.1.20');
    book.opened('192.168.1.20');
    book.opened('192.168.1.21');
    expect(book.connections('192.168.1.20')).toBe(2);
    expect(book.connections('192.168.1.21')).toBe(1);
    expect(book.connections('192.168.1.22')).toBe(0);
  });

  it('gives a place back when a socket closes, and forgets the address with its last socket', () => {
    const book = new AddressBook();
    book.opened('10.0.0.5');
    book.opened('10.0.0.5');
    book.closed('10.0.0.5');
    expect(book.connections('10.0.0.5')).toBe(1);
    book.closed('10.0.0.5');
    expect(book.connections('10.0.0.5')).toBe(0);
    // A close it never saw opened does not go below zero or leave a trace.
    book.closed('10.0.0.5');
    book.opened('10.0.0.5');
    expect(book.connections('10.0.0.5')).toBe(1);
  });
});

describe('wrong PINs per address', () => {
  /** How many PINs one address can try in `ms`, trying each as soon as the host looks at it. */
  function guessesIn(ms: number): number {
    const book = new AddressBook(DEFAULT_ADDRESS_LIMITS);
    let now = 0;
    let guesses = 0;
    while (now < ms) {
      const allowed = book.pinAllowed('10.0.0.9', now);
      if (!allowed.ok) {
        now += allowed.retryInMs;
        continue;
      }
      book.pinFailed('10.0.0.9', now);
      guesses++;
    }
    return guesses;
  }

  it('lets one address try about one PIN a minute once past the first few', () => {
    const day = 24 * 3600_000;
    const perDay = guessesIn(day);
    // 3 free, then 2, 4, 8, 16, 32 s, then one a minute.
    expect(perDay).toBeLessThanOrEqual(1450);
    // The whole 6-digit space: at least a day from one address, from a few dozen, and from a whole /24.
    const space = 1_000_000;
    for (const addresses of [1, 36, 254]) expect((space / (perDay * addresses)) * 24).toBeGreaterThan(24);
  });

  it('forgets wrong PINs after a quiet while, and shares them across sockets', () => {
    const book = new AddressBook(DEFAULT_ADDRESS_LIMITS);
    for (let i = 0; i < 4; i++) book.pinFailed('10.0.0.8', 0);
    expect(book.pinAllowed('10.0.0.8', 1).ok).toBe(false);
    expect(book.pinAllowed('10.0.0.7', 1).ok).toBe(true);
    expect(book.pinAllowed('10.0.0.8', DEFAULT_ADDRESS_LIMITS.pinForgetMs).ok).toBe(true);
    expect(book.pinFailed('10.0.0.8', DEFAULT_ADDRESS_LIMITS.pinForgetMs).failures).toBe(1);
  });

  it('forgets an address once it holds no socket and its budgets have refilled', () => {
    const book = new AddressBook(DEFAULT_ADDRESS_LIMITS);
    expect(book.socketOpening('10.0.0.6', 0).ok).toBe(true);
    book.socketClosed('10.0.0.6', 0);
    expect(book.size).toBe(1);
    expect(book.socketOpening('10.0.0.6', 60_000).ok).toBe(true);
    book.socketClosed('10.0.0.6', 60_000);
    // Budget refilled by then? One token spent at 60 s is back by 60.5 s.
    expect(book.socketOpening('10.0.0.5', 61_000).ok).toBe(true);
    book.socketClosed('10.0.0.5', 200_000);
    expect(book.size).toBeLessThanOrEqual(1);
  });
});
