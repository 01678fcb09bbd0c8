/** The shape of a message file: English (the source) and every other language with the same keys. */
import type { Locale } from './locales';

export type Messages<En extends Record<string, string>> = { en: En } & Record<
  Exclude<Locale, 'en'>,
  Record<keyof En, string>
>;
