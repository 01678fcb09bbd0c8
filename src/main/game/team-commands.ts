/**
 * What players and hosts do with teams (teams.ts has the rules): a player picks a team where the
 * host lets them, the host moves a player or evens the teams out, and a change of the team
 * settings, refused during a game, fits everyone to the new teams.
 */
import type { GameSettings } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import { teamsChanged } from './lobby';
import { namedSeat, refuse } from './messages';
import type { GameState } from './state';
import { balanceTeams, checkTeamChange, fitTeams, TEAMS_LOCKED, teamsUnlocked } from './teams';

/** A player picks their own team, where the host lets players pick. */
export function pickTeam(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  playerId: string,
  team: number,
): void {
  const player = state.players.get(playerId) ?? state.waiting.get(playerId);
  if (!player) {
    refuse(out, conn, 'team', 'unknown_player', 'You are not in this room.');
    return;
  }
  if (!checkTeamChange(state, out, conn, 'team', team)) return;
  if (!state.settings.teamPick) {
    refuse(out, conn, 'team', 'forbidden', 'In this room the host puts players in teams.');
    return;
  }
  if (player.team === team) return;
  player.team = team;
  teamsChanged(state, out, [player]);
}

/** The host puts a player (or a latecomer) in a team. */
export function setTeam(state: GameState, out: Effect[], conn: ConnId, playerId: string, team: number): void {
  const player = namedSeat(state, out, conn, playerId, 'set_team');
  if (!player || !checkTeamChange(state, out, conn, 'set_team', team) || player.team === team) return;
  player.team = team;
  teamsChanged(state, out, [player]);
}

/** The host evens the teams out. */
export function evenTeams(state: GameState, out: Effect[], conn: ConnId): void {
  if (checkTeamChange(state, out, conn, 'balance_teams')) teamsChanged(state, out, balanceTeams(state));
}

function teamsDiffer(a: GameSettings, b: GameSettings): boolean {
  return a.teamMode !== b.teamMode || a.teamCount !== b.teamCount;
}

/** Refuses (returns false) settings that would change the teams during a game. */
export function teamSettingsAllowed(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  next: GameSettings,
): boolean {
  if (!teamsDiffer(state.settings, next) || teamsUnlocked(state)) return true;
  return refuse(out, conn, 'settings', 'wrong_phase', TEAMS_LOCKED);
}

/** After new settings: when the teams changed, everyone is fitted to them. */
export function afterTeamSettings(state: GameState, out: Effect[], before: GameSettings): void {
  if (teamsDiffer(before, state.settings)) teamsChanged(state, out, fitTeams(state));
}
