/**
 * What the identifier field is called on screen: the host's own words, or, while the room keeps
 * the default, the default's text in the reader's language.
 */
import { DEFAULT_SETTINGS, type GameSettings } from '../../shared/protocol';
import type { Translate } from '../i18n';

export function identityLabel(settings: GameSettings, t: Translate): string {
  return settings.identityLabel === DEFAULT_SETTINGS.identityLabel
    ? t('roster.defaultLabel')
    : settings.identityLabel;
}
