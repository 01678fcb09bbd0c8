/**
 * The class list's id of a player's identity, for the reports: ids never leave the host.
 */
import type { GameSettings } from '../protocol';
import { rosterKey } from './roster-key';

/** The class-list id of an identity (for reports), when the room has a class list that gives one. */
export function rosterIdOf(
  settings: Pick<GameSettings, 'identity' | 'roster'>,
  identity: string | undefined,
): string | undefined {
  if (identity === undefined || settings.identity !== 'roster') return undefined;
  const key = rosterKey(identity);
  return settings.roster.find((e) => rosterKey(e.name) === key)?.id;
}
