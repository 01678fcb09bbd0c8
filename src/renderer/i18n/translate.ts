/**
 * `translate(id, values)`: a catalog message in the page's language, for code that runs outside
 * React (the API adapters' failures). The page's language is the one the provider last put on
 * `<html lang>`; without a page (tests in Node) it is English.
 */
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { messagesFor, type MessageId } from './catalog';
import { DEFAULT_LOCALE, isLocale, type Locale } from './locales';

const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

/** The language the interface shows now. */
export function pageLocale(): Locale {
  const lang = typeof document === 'undefined' ? undefined : document.documentElement.lang;
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

export function translate(
  id: MessageId,
  values?: Record<string, string | number | Date>,
  locale: Locale = pageLocale(),
): string {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale, defaultLocale: DEFAULT_LOCALE, messages: messagesFor(locale) }, cache);
    intls.set(locale, intl);
  }
  return intl.formatMessage({ id }, values);
}
