/**
 * The languages of the interface, which one a screen starts in, and which way each one writes.
 * Phones follow the browser's languages (a switch overrides it, remembered on the phone); the host
 * screen keeps its own choice the same way. English is the fallback and the source of every text.
 */
export const LOCALES = ['en', 'es', 'de', 'ar'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language's name in that language, for the switch. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  es: 'Español',
  de: 'Deutsch',
  ar: 'العربية',
};

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar']);

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** The first of the browser's languages we have ("es-MX" → es), else English. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

const STORAGE_KEY = 'quizroom.locale';

/** The language chosen on this device before, if any. */
export function storedLocale(): Locale | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage off: the choice lasts until the page closes.
  }
}

export function initialLocale(): Locale {
  return storedLocale() ?? pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
}
