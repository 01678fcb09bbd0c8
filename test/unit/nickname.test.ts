/** Nickname rules: trimmed, 1 to 24 characters, no control or invisible characters, unique ignoring case. */
import { describe, expect, it } from 'vitest';
import { checkNickname, MAX_NAME_LENGTH, nameKey } from '../../src/shared/nickname';

describe('checking a nickname', () => {
  it('trims spaces and tabs around the name', () => {
    expect(checkNickname('  \tAda Lovelace\t ')).toEqual({ ok: true, name: 'Ada Lovelace' });
    expect(checkNickname('\u00a0Ann\u00a0')).toEqual({ ok: true, name: 'Ann' });
  });

  it('rejects an empty or blank name', () => {
    for (const raw of ['', ' ', '\t \n'])
      expect(checkNickname(raw)).toEqual({ ok: false, reason: 'Enter a nickname.' });
  });

  it('accepts 1 to 24 characters and rejects 25', () => {
    expect(MAX_NAME_LENGTH).toBe(24);
    expect(checkNickname('x').ok).toBe(true);
    expect(checkNickname('x'.repeat(24)).ok).toBe(true);
    expect(checkNickname('x'.repeat(25))).toEqual({
      ok: false,
      reason: 'A nickname can be at most 24 characters.',
    });
  });

  it('counts characters, not UTF-16 code units', () => {
    expect(checkNickname('😀'.repeat(24)).ok).toBe(true);
    expect(checkNickname('😀'.repeat(25)).ok).toBe(false);
  });

  it('counts spaces around the name only after trimming them', () => {
    expect(checkNickname(`  ${'x'.repeat(24)}  `)).toEqual({ ok: true, name: 'x'.repeat(24) });
  });

  it.each([
    ['a NUL', 'Bo\u0000b'],
    ['a bell', 'Bo\u0007b'],
    ['a newline inside', 'Bo\nb'],
    ['a tab inside', 'Bo\tb'],
    ['DEL', 'Bob\u007f'],
    ['a C1 control', 'Bob\u0085'],
    ['a zero-width space', 'A\u200bB'],
    ['a right-to-left override', 'evil\u202egnp.exe'],
    ['a byte order mark inside', 'A\ufeffB'],
    ['a word joiner', 'A\u2060B'],
  ])('rejects %s', (_what, raw) => {
    expect(checkNickname(raw)).toEqual({
      ok: false,
      reason: 'A nickname cannot contain control or invisible characters.',
    });
  });

  it('keeps letters from any script', () => {
    for (const raw of ['Zoë', 'Łukasz', 'Ωμέγα', '李小龍', 'محمد'])
      expect(checkNickname(raw)).toEqual({ ok: true, name: raw });
  });

  it('stores a name in composed form', () => {
    expect(checkNickname('Zoe\u0308')).toEqual({ ok: true, name: 'Zo\u00eb' });
  });
});

describe('names in a room', () => {
  it('are the same name in any letter case', () => {
    expect(nameKey('ALICE')).toBe(nameKey('alice'));
    expect(nameKey('ÉMILE')).toBe(nameKey('émile'));
  });

  it('are the same name composed or decomposed', () => {
    expect(nameKey('E\u0301mile')).toBe(nameKey('\u00e9mile'));
  });

  it('differ when the letters differ', () => {
    expect(nameKey('Alice')).not.toBe(nameKey('Alicia'));
  });
});
