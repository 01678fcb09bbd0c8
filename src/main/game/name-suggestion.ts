/**
 * A free nickname like one that is taken, for the `name_taken` refusal: "Zoë" becomes "Zoë 2"
 * (or 3, …), shortened to fit the length limit. Free means that it passes the nickname rules and
 * looks like nobody in the room now; the phone offers it, and the host checks it again when it is
 * sent (someone may have taken it in between): the host stays the referee.
 */
import { checkNickname, MAX_NAME_LENGTH } from '../../shared/nickname';
import { nameKeys } from './name-keys';
import type { GameState } from './state';

/** Numbers tried after the name; past them there is no suggestion (the person picks one). */
const LAST_NUMBER = 99;

export function freeNameLike(state: GameState, name: string): string | null {
  // "Player 7" suggests "Player 8" rather than "Player 7 2".
  const numbered = /^(.*\S) (\d{1,3})$/u.exec(name);
  const base = numbered ? numbered[1]! : name;
  const first = numbered ? Number(numbered[2]) + 1 : 2;
  for (let n = first; n <= LAST_NUMBER; n++) {
    const suffix = ` ${n}`;
    const room = MAX_NAME_LENGTH - suffix.length;
    const stem = [...base].slice(0, room).join('').trimEnd();
    const checked = checkNickname(`${stem}${suffix}`);
    if (!checked.ok) continue;
    if (nameKeys(checked.name).every((key) => !state.names.has(key))) return checked.name;
  }
  return null;
}
