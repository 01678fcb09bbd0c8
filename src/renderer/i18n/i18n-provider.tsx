/**
 * The interface's language: react-intl's provider over our catalog, the page's `lang` and `dir`
 * kept in step (Arabic mirrors the layout), and a hook to change the language from a switch.
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { messagesFor } from './catalog';
import { DEFAULT_LOCALE, directionOf, initialLocale, storeLocale, type Locale } from './locales';

interface LocaleChoice {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleChoice>({ locale: DEFAULT_LOCALE, setLocale: () => {} });

export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setState] = useState<Locale>(() => fixed ?? initialLocale());
  const setLocale = useCallback((next: Locale) => {
    storeLocale(next);
    setState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  return (
    <LocaleContext.Provider value={{ locale, setLocale }}>
      <IntlProvider locale={locale} defaultLocale={DEFAULT_LOCALE} messages={messagesFor(locale)}>
        {children}
      </IntlProvider>
    </LocaleContext.Provider>
  );
}

export function useLocale(): LocaleChoice {
  return useContext(LocaleContext);
}
