/**
 * What players and hosts do with identities (identity.ts has the rules): a joined player gives
 * theirs, the host frees one (a pupil picked the wrong name), and a change of the identity
 * settings, refused once the game has started, fits everyone's to the new ones.
 */
import type { GameSettings } from '../../shared/protocol';
import { announceSettings, changesIdentity, checkIdentity, dropIdentity, refitIdentities } from './identity';
import type { ConnId, Effect } from './io';
import { seatOf, seatsChanged } from './lobby';
import { namedSeat, refuse } from './messages';
import type { GameState } from './state';

/** A joined player without an identity gives it (`identity` message). */
export function giveIdentity(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  playerId: string,
  raw: string,
): void {
  const player = seatOf(state, playerId);
  if (!player) {
    refuse(out, conn, 'identity', 'unknown_player', 'You are not in this room.');
    return;
  }
  if (state.settings.identity === 'none') {
    refuse(out, conn, 'identity', 'identity_invalid', 'This room asks for no name or identifier.');
    return;
  }
  if (player.identity !== undefined) {
    refuse(
      out,
      conn,
      'identity',
      'identity_invalid',
      'You have already given it. If it is wrong, ask the host to free it.',
    );
    return;
  }
  const checked = checkIdentity(state, raw, player);
  if (!checked.ok) {
    refuse(out, conn, 'identity', checked.code, checked.message);
    return;
  }
  if (checked.identity !== undefined) player.identity = checked.identity;
  seatsChanged(state, out, [player]);
}

/** The host frees a player's identity: the player is told and gives it again. */
export function releaseIdentity(state: GameState, out: Effect[], conn: ConnId, playerId: string): void {
  const player = namedSeat(state, out, conn, playerId, 'release_identity');
  if (!player) return;
  if (dropIdentity(state, out, player)) seatsChanged(state, out, [player]);
}

/**
 * Whether the host may change the settings to `next` as far as identity goes: only in the lobby,
 * so that a game's reports name everyone the same way from start to end. False after telling why.
 */
export function identitySettingsAllowed(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  next: GameSettings,
): boolean {
  if (state.phase === 'lobby' || !changesIdentity(state.settings, next)) return true;
  return refuse(
    out,
    conn,
    'settings',
    'wrong_phase',
    'The class list and the identity asked for can only change in the lobby, before the game starts.',
  );
}

/** After a settings change: everyone is told, and identities that no longer fit are taken back. */
export function afterIdentitySettings(state: GameState, out: Effect[], before: GameSettings): void {
  announceSettings(state, out);
  if (!changesIdentity(before, state.settings)) return;
  const changed = refitIdentities(state, out, before);
  // The names taken may have changed even for nobody's seat (a new list): say them again.
  seatsChanged(state, out, changed);
}
