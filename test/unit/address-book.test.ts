import { describe, expect, it } from 'vitest';
import { AddressBook } from '../../src/main/server/address-book';

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
