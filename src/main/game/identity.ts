/**
 * Who a player is beyond their nickname (settings `identity`): a name from the host's class list,
 * one person per name, or an identifier the player types. The class list is private to hosts:
 * phones get its names only (`rosterNames`) and which are taken (`claimedNames`), never its ids.
 * An identity is set on join (or later with an `identity` message), freed by the host
 * (`release_identity`) or by a new class list, and kept on the player record (so in the journal).
 */
import type { ErrorCode, GameSettings, ServerMessage } from '../../shared/protocol';
import { ROSTER_LIMITS } from '../../shared/protocol';
import { rosterKey, sortedNames } from '../../shared/roster/roster-key';
import type { Effect } from './io';
import type { GameState, Player } from './state';

export type IdentityCheck = { ok: true; identity?: string } | { ok: false; code: ErrorCode; message: string };

const CONTROL = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

/** Every seat: players and latecomers. */
function seats(state: GameState): Iterable<Player> {
  return [...state.players.values(), ...state.waiting.values()];
}

/** The seat that holds the class-list name with this key, if any. */
function holderOf(state: GameState, key: string): Player | undefined {
  for (const p of seats(state)) if (p.identity !== undefined && rosterKey(p.identity) === key) return p;
  return undefined;
}

/**
 * Whether `raw` may be `self`'s identity under the room's settings; with a class list, the
 * identity is the list's own spelling of the name. `self`: the seat asking (absent on join).
 */
export function checkIdentity(state: GameState, raw: string | undefined, self?: Player): IdentityCheck {
  const { identity, identityLabel, roster } = state.settings;
  if (identity === 'none') return { ok: true };
  const given = (raw ?? '').trim();
  if (identity === 'field') {
    if (given === '')
      return { ok: false, code: 'identity_invalid', message: `This room asks for your ${identityLabel}.` };
    if (given.length > ROSTER_LIMITS.idMax)
      return {
        ok: false,
        code: 'identity_invalid',
        message: `Your ${identityLabel} is too long (at most ${ROSTER_LIMITS.idMax} characters).`,
      };
    if (CONTROL.test(given))
      return {
        ok: false,
        code: 'identity_invalid',
        message: `Your ${identityLabel} holds a character that cannot be typed.`,
      };
    return { ok: true, identity: given };
  }
  if (given === '')
    return { ok: false, code: 'identity_unknown', message: 'Pick your name from the class list.' };
  const key = rosterKey(given);
  const entry = roster.find((e) => rosterKey(e.name) === key);
  if (!entry)
    return {
      ok: false,
      code: 'identity_unknown',
      message: 'That name is not on the class list. Pick your name from the list.',
    };
  const holder = holderOf(state, key);
  if (holder && holder.id !== self?.id)
    return {
      ok: false,
      code: 'identity_taken',
      message: `Someone has already picked "\u2068${entry.name}\u2069". If that is your name, tell the host.`,
    };
  return { ok: true, identity: entry.name };
}

/** With a class list: its names taken by a seat, sorted. */
export function claimedNames(state: GameState): string[] {
  const names: string[] = [];
  for (const p of seats(state)) if (p.identity !== undefined) names.push(p.identity);
  return sortedNames(names);
}

/** What phones get of the class list, with the settings and in the snapshot (none without one). */
export function rosterFields(state: GameState): { rosterNames?: string[]; claimedNames?: string[] } {
  if (state.settings.identity !== 'roster') return {};
  return {
    rosterNames: sortedNames(state.settings.roster.map((e) => e.name)),
    claimedNames: claimedNames(state),
  };
}

/** The settings as a phone gets them: without the class list. */
export function phoneSettings(settings: GameSettings): GameSettings {
  return settings.roster.length === 0 ? settings : { ...settings, roster: [] };
}

/** Tells everyone the settings: phones without the class list, then hosts with it. */
export function announceSettings(state: GameState, out: Effect[]): void {
  const fields = rosterFields(state);
  const settings = state.settings;
  const forPhones: ServerMessage = { type: 'settings', settings: phoneSettings(settings), ...fields };
  out.push({ kind: 'broadcast', audience: 'everyone', msg: forPhones });
  if (settings.roster.length > 0)
    out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'settings', settings, ...fields } });
}

/** Whether a settings change touches identity (allowed in the lobby only). */
export function changesIdentity(before: GameSettings, next: GameSettings): boolean {
  return (
    before.identity !== next.identity ||
    before.identityLabel !== next.identityLabel ||
    JSON.stringify(before.roster) !== JSON.stringify(next.roster)
  );
}

/** Takes `player`'s identity back and tells them; returns whether they had one. */
export function dropIdentity(state: GameState, out: Effect[], player: Player): boolean {
  if (player.identity === undefined) return false;
  delete player.identity;
  out.push({ kind: 'send', to: player.id, msg: { type: 'identity_released', ...rosterFields(state) } });
  return true;
}

/**
 * After the identity settings changed: identities that no longer fit (another mode, a name no
 * longer on the class list) are taken back; a name still on it takes the list's new spelling.
 * Returns the seats that changed.
 */
export function refitIdentities(state: GameState, out: Effect[], before: GameSettings): Player[] {
  const changed: Player[] = [];
  const next = state.settings;
  for (const p of seats(state)) {
    if (p.identity === undefined) continue;
    if (next.identity !== before.identity || next.identity === 'none') {
      if (dropIdentity(state, out, p)) changed.push(p);
      continue;
    }
    if (next.identity !== 'roster') continue;
    const key = rosterKey(p.identity);
    const entry = next.roster.find((e) => rosterKey(e.name) === key);
    if (!entry) {
      if (dropIdentity(state, out, p)) changed.push(p);
    } else if (entry.name !== p.identity) {
      p.identity = entry.name;
      changed.push(p);
    }
  }
  return changed;
}
