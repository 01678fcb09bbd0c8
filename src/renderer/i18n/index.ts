/** The interface's languages: see i18n-provider.tsx, use-t.ts and messages/. */
export { I18nProvider, useLocale } from './i18n-provider';
export { useT, type Translate } from './use-t';
export { translate } from './translate';
export type { MessageId } from './catalog';
export { LOCALES, LOCALE_NAMES, directionOf, isLocale, type Locale } from './locales';
export { Message, bold, type MessageValue } from './message';
