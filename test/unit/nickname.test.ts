/**
 * Nickname rules: trimmed, NFC, 1 to 24 characters a person can see; no control, invisible,
 * private-use, unassigned or blank-looking characters outside emoji sequences, no broken
 * characters, no towers of accents. Each refusal says what is wrong and where.
 */
import { describe, expect, it } from 'vitest';
import { checkNickname, MAX_MARKS_IN_A_ROW, MAX_NAME_LENGTH } from '../../src/shared/nickname';

const reason = (raw: string) => {
  const checked = checkNickname(raw);
  return checked.ok ? null : checked.reason;
};

describe('checking a nickname', () => {
  it('trims spaces and tabs around the name', () => {
    expect(checkNickname('  \tAda Lovelace\t ')).toEqual({ ok: true, name: 'Ada Lovelace' });
    expect(checkNickname('\u00a0Ann\u00a0')).toEqual({ ok: true, name: 'Ann' });
  });

  it('rejects an empty or blank name', () => {
    for (const raw of ['', ' ', '\t \n', '\u3000'])
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

  it('makes every space an ordinary one and a run of spaces one space', () => {
    expect(checkNickname('Ada\u00a0Lovelace')).toEqual({ ok: true, name: 'Ada Lovelace' });
    expect(checkNickname('Ada \u3000 Lovelace')).toEqual({ ok: true, name: 'Ada Lovelace' });
    expect(checkNickname('Ada    Lovelace')).toEqual({ ok: true, name: 'Ada Lovelace' });
  });

  it('keeps letters from any script', () => {
    for (const raw of ['Zoë', 'Łukasz', 'Ωμέγα', '李小龍', 'محمد', 'שָׁלוֹם', 'བསྒྲུབས', 'Nguyễn', 'क्षत्रिय'])
      expect(checkNickname(raw)).toEqual({ ok: true, name: raw.normalize('NFC') });
  });

  it('stores a name in composed form', () => {
    expect(checkNickname('Zoe\u0308')).toEqual({ ok: true, name: 'Zo\u00eb' });
  });
});

describe('characters a name may not hold', () => {
  it.each([
    ['a NUL', 'Bo\u0000b', 3],
    ['a bell', 'Bo\u0007b', 3],
    ['a newline inside', 'Bo\nb', 3],
    ['a tab inside', 'Bo\tb', 3],
    ['DEL', 'Bob\u007f', 4],
    ['a C1 control', 'Bob\u0085', 4],
    ['a line separator inside', 'Bo\u2028b', 3],
  ])('rejects %s, saying where', (_what, raw, position) => {
    expect(reason(raw)).toBe(
      `The nickname contains a control character or line break at position ${position}; remove it.`,
    );
  });

  it.each([
    ['a zero-width space', 'Ada\u200bB', 4],
    ['a zero-width joiner between letters', 'Ad\u200da', 3],
    ['a zero-width non-joiner', 'Ad\u200ca', 3],
    ['a right-to-left override', 'evil\u202egnp.exe', 5],
    ['a right-to-left isolate', 'Ada\u2067x', 4],
    ['a left-to-right mark', '\u200eAda', 1],
    ['a byte order mark inside', 'A\ufeffB', 2],
    ['a word joiner', 'A\u2060B', 2],
    ['a soft hyphen', 'Ada\u00adm', 4],
    ['a combining grapheme joiner', 'Ada\u034fx', 4],
    ['a variation selector on a letter', 'A\ufe0fda', 2],
    ['a Mongolian vowel separator', 'Ada\u180e', 4],
    ['a Hangul filler', 'Ada\u3164', 4],
    ['a halfwidth Hangul filler', '\uffa0Ada', 1],
    ['a Hangul choseong filler', 'A\u115fda', 2],
    ['a tag character outside a flag', 'Ada\u{e0041}', 4],
    ['an invisible operator', 'A\u2062da', 2],
  ])('rejects %s as invisible, saying where', (_what, raw, position) => {
    expect(reason(raw)).toBe(
      `The nickname contains an invisible character at position ${position}; type the name again without it.`,
    );
  });

  it('rejects a name made only of fillers as invisible, not as empty', () => {
    expect(reason('\u3164\u3164')).toBe(
      'The nickname contains an invisible character at position 1; type the name again without it.',
    );
  });

  it('rejects blank-looking characters', () => {
    expect(reason('Ada\u2800')).toBe(
      'The nickname contains a blank-looking character at position 4; remove it.',
    );
    expect(reason('\u2800')).toBe(
      'The nickname contains a blank-looking character at position 1; remove it.',
    );
    expect(reason('A\u{1d159}')).toBe(
      'The nickname contains a blank-looking character at position 2; remove it.',
    );
  });

  it('rejects private-use characters', () => {
    expect(reason('Ada\ue000')).toBe(
      'The nickname contains a private-use character at position 4, which looks different on every device; remove it.',
    );
    expect(reason('\u{f0000}x')).toMatch(/private-use character at position 1/);
  });

  it('rejects characters Unicode does not define', () => {
    expect(reason('Ada\u0378')).toBe(
      'The nickname contains a character at position 4 that Unicode does not define; remove it.',
    );
  });

  it('rejects a broken string (a lone surrogate), saying where', () => {
    expect(reason('Ad\ud83da')).toBe(
      'The nickname contains a broken character at position 3 (half of an emoji or symbol); type it again.',
    );
    expect(reason('\udc00')).toMatch(/broken character at position 1/);
  });

  it(`allows up to ${MAX_MARKS_IN_A_ROW} accents on one letter and refuses a tower`, () => {
    expect(MAX_MARKS_IN_A_ROW).toBe(4);
    expect(checkNickname('Za\u0350\u0351\u0352\u0353').ok).toBe(true);
    expect(reason('Za\u0350\u0351\u0352\u0353\u0354lgo')).toBe(
      'The letter at position 2 carries more than 4 accents; use at most 4 on one letter.',
    );
    // A Zalgo name longer than 24 characters hears about its accents, not its length.
    expect(reason(`Z${'\u0336'.repeat(40)}`)).toMatch(
      /^The letter at position 1 carries more than 4 accents/,
    );
  });

  it('rejects an accent with no letter under it at the start', () => {
    expect(reason('\u0301Ada')).toBe(
      'The nickname starts with an accent that has no letter under it; remove it.',
    );
  });

  it('rejects a name with nothing to see', () => {
    expect(reason('\u0020\u200b')).toMatch(/invisible character at position 1/);
  });
});

describe('emoji in a name', () => {
  it.each([
    ['a ZWJ family', 'Ada 👨‍👩‍👧'],
    ['a ZWJ profession with a skin tone', 'Ada 👩🏽‍🚀'],
    ['a flag', 'Ada 🇫🇷'],
    ['a subdivision flag (tag sequence)', 'Ada 🏴󠁧󠁢󠁳󠁣󠁴󠁿'],
    ['a keycap', 'Ada 1️⃣'],
    ['a skin tone', '👍🏿 Ada'],
    ['an emoji presentation selector', 'Ada ❤️'],
    ['a rainbow flag', '🏳️‍🌈'],
  ])('accepts %s, joiners and selectors included', (_what, raw) => {
    expect(checkNickname(raw)).toEqual({ ok: true, name: raw });
  });

  it('rejects a joiner that makes no emoji', () => {
    expect(reason('😀\u200dA')).toMatch(/invisible character at position 2/);
    expect(reason('A\u200d😀')).toMatch(/invisible character at position 2/);
  });

  it('rejects tag characters after a flag that Unicode does not recommend', () => {
    // A black flag followed by tags spelling "xx": no such subdivision flag.
    expect(reason('Ada 🏴\u{e0078}\u{e0078}\u{e007f}')).toMatch(/invisible character at position 6/);
  });
});
