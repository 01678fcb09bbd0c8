/**
 * The interface's language as a small select: each language named in itself, the choice
 * remembered on this device (see i18n/locales.ts). Used on the join screen, during play on phones
 * and in the host's settings.
 */
import { LOCALES, LOCALE_NAMES, isLocale, useLocale, useT } from '../i18n';
import './language-switch.css';

interface LanguageSwitchProps {
  id?: string;
  className?: string;
  /** For a phone's top bar: the label only for screen readers, each language by its code. */
  compact?: boolean;
}

export function LanguageSwitch({ id = 'language-switch', className, compact = false }: LanguageSwitchProps) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  return (
    <div className={`language-switch${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={compact ? 'visually-hidden' : 'language-switch__label'}>
        {t('common.languageLabel')}
      </label>
      <select
        id={id}
        className="language-switch__select"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((code) => (
          <option key={code} value={code} lang={code}>
            {compact ? code.toUpperCase() : LOCALE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
