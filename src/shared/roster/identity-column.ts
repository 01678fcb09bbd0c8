/**
 * What the identity column of the results and reports is called (settings `identity`): the label
 * of the typed identifier, or "Name on the class list"; none when no identity was asked for.
 */
import type { GameSettings } from '../protocol';

export const ROSTER_COLUMN = 'Name on the class list';
/** The class list's own id of the person, next to their name. */
export const ROSTER_ID_COLUMN = 'ID on the class list';

export function identityColumn(
  settings: Pick<GameSettings, 'identity' | 'identityLabel'> | undefined,
): string | null {
  if (!settings || settings.identity === 'none') return null;
  return settings.identity === 'roster' ? ROSTER_COLUMN : settings.identityLabel;
}
