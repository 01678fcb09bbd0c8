import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/renderer/i18n/catalog';
import { LOCALES, directionOf, pickLocale } from '../../src/renderer/i18n/locales';

describe('interface languages', () => {
  it('picks the first browser language we have, else English', () => {
    expect(pickLocale(['fr-FR', 'es-MX', 'en'])).toBe('es');
    expect(pickLocale(['de_AT'])).toBe('de');
    expect(pickLocale(['ja'])).toBe('en');
    expect(pickLocale([])).toBe('en');
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('de')).toBe('ltr');
  });

  it('has every message in every language, each one valid ICU', () => {
    const ids = Object.keys(messagesFor('en')).sort();
    expect(ids.length).toBeGreaterThan(0);
    for (const locale of LOCALES) {
      const table = messagesFor(locale);
      expect(Object.keys(table).sort()).toEqual(ids);
      for (const id of ids) {
        const text = table[id]!;
        expect(text.trim(), `${locale} ${id}`).not.toBe('');
        expect(() => new IntlMessageFormat(text, locale), `${locale} ${id}`).not.toThrow();
      }
    }
  });

  it('uses each language’s plural forms', () => {
    const say = (locale: 'en' | 'ar', n: number) =>
      new IntlMessageFormat(messagesFor(locale)['lobby.othersJoined']!, locale).format({ others: n });
    expect(say('en', 0)).toBe('You are the first one here.');
    expect(say('en', 1)).toBe('1 other player has joined.');
    expect(say('en', 12)).toBe('12 other players have joined.');
    expect(say('ar', 2)).toBe('انضم لاعبان آخران.');
    expect(say('ar', 3)).toContain('لاعبين');
  });
});
