/**
 * Texts shared by many screens. Every message file holds one area's texts in each language, ICU
 * MessageFormat (plurals as `{count, plural, one {…} other {…}}`); English is the source and the
 * type makes every other language complete.
 */
import type { Messages } from '../message-types';

const en = {
  languageLabel: 'Language',
  playerCount: '{count, plural, one {# player} other {# players}}',
} as const;

export const common: Messages<typeof en> = {
  en,
  es: {
    languageLabel: 'Idioma',
    playerCount: '{count, plural, one {# jugador} other {# jugadores}}',
  },
  de: {
    languageLabel: 'Sprache',
    playerCount: '{count, plural, one {# Spieler} other {# Spieler}}',
  },
  ar: {
    languageLabel: 'اللغة',
    playerCount:
      '{count, plural, zero {لا لاعبين} one {لاعب واحد} two {لاعبان} few {# لاعبين} many {# لاعبًا} other {# لاعب}}',
  },
};
