/**
 * When two names look the same: they share a key (a Unicode TS #39 confusable skeleton of the
 * name as written, or of its case-folded form).
 */
import { describe, expect, it } from 'vitest';
import { nameKeys, skeleton } from '../../src/main/game/name-keys';

const lookAlike = (a: string, b: string) => nameKeys(a).some((k) => nameKeys(b).includes(k));

describe('the confusable skeleton', () => {
  it('maps letters of other scripts to the Latin letters they look like', () => {
    expect(skeleton('\u0410d\u0430')).toBe('Ada'); // Cyrillic А and а
    expect(skeleton('\u0391da')).toBe('Ada'); // Greek Alpha
    expect(skeleton('\ua4eeda')).toBe('Ada'); // Lisu A
  });

  it('maps digits and letters that look alike to one prototype', () => {
    expect(skeleton('I')).toBe(skeleton('l'));
    expect(skeleton('1')).toBe(skeleton('l'));
    expect(skeleton('0')).toBe(skeleton('O'));
    expect(skeleton('m')).toBe(skeleton('rn'));
  });

  it('keeps accents: José is not Jose', () => {
    expect(skeleton('José')).not.toBe(skeleton('Jose'));
  });
});

describe('names that look the same', () => {
  it.each([
    ['the same name in other letter case', 'Ada', 'aDA'],
    ['composed and decomposed', '\u00c9mile', 'E\u0301mile'],
    ['a Cyrillic A', 'Ada', '\u0410da'],
    ['a Greek A in capitals', 'ADA', '\u0391DA'],
    ['a Lisu A (a capital with no small form)', 'ada', '\ua4eeda'],
    ['full-width letters', 'Dave', '\uff24\uff41\uff56\uff45'],
    ['mathematical bold letters', 'Ada', '\u{1d400}da'],
    ['a capital I and a small L', 'AdaI', 'Adal'],
    ['a digit one and a small L', 'Player1', 'Playerl'],
    ['rn and m', 'Sam', 'Sarn'],
    ['sharp s and ss', 'Straße', 'STRASSE'],
    ['final and middle sigma', 'ΟΔΥΣΣΕΥΣ', 'οδυσσευς'],
    ['an emoji with and without its presentation selector', 'Ada ❤️', 'Ada ❤'],
  ])('are one name: %s', (_what, a, b) => {
    expect(lookAlike(a, b)).toBe(true);
  });

  it.each([
    ['different letters', 'Alice', 'Alicia'],
    ['an accent', 'José', 'Jose'],
    ['different scripts that look different', '李小龍', 'Bruce'],
    ['different skin tones', '👍🏻', '👍🏿'],
    ['a space', 'Ada Lovelace', 'AdaLovelace'],
  ])('are different names: %s', (_what, a, b) => {
    expect(lookAlike(a, b)).toBe(false);
  });
});
