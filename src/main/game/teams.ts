/**
 * Teams (`teamMode: 'teams'`): every player is in one of `teamCount` teams, named by colour.
 * A newcomer joins the smallest team; where the host lets them (`teamPick`) players choose their
 * own in the lobby, and the host may move anyone or even the teams out, but never while a game is
 * being played. A team's score is the average of its members' scores, rounded, so that a bigger
 * team gains nothing by its size; teams rank by that score, then by their members' average number
 * of right answers, then by colour order. (With `teamMode: 'shared'` each device is a team: it
 * needs none of this.) Plain functions on the state: the effects they cause are lobby.ts's.
 */
import type { TeamRow } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import { refuse } from './messages';
import type { GameState, Player } from './state';

export function teamsOn(state: GameState): boolean {
  return state.settings.teamMode === 'teams';
}

/** Everyone who holds a seat: the players and the latecomers waiting for the next game. */
function seats(state: GameState): Player[] {
  return [...state.players.values(), ...state.waiting.values()];
}

/** How many seats each team holds, by team. */
export function teamSizes(state: GameState): number[] {
  const sizes = new Array<number>(state.settings.teamCount).fill(0);
  // Read in place (no copy of the seats): a join storm asks this once per join.
  for (const seatsOf of [state.players, state.waiting])
    for (const p of seatsOf.values()) if (p.team !== undefined && p.team < sizes.length) sizes[p.team]!++;
  return sizes;
}

/** The team with the fewest seats; the first in colour order among equals. */
export function smallestTeam(state: GameState): number {
  const sizes = teamSizes(state);
  return sizes.indexOf(Math.min(...sizes));
}

/** Gives a newcomer the smallest team, in a room with teams (before they are seated). */
export function teamForNewcomer(state: GameState, player: Player): void {
  if (teamsOn(state)) player.team = smallestTeam(state);
}

/** Why teams cannot change now, said to the host or player who asked. */
export const TEAMS_LOCKED = 'Teams can change in the lobby or after a game, not during one.';

/** Whether teams may change now: never while a game is being played. */
export function teamsUnlocked(state: GameState): boolean {
  return state.phase === 'lobby' || state.phase === 'finished';
}

/**
 * Checks that the teams may change now (teams are on, no game is being played) and, when given,
 * that `team` exists. Refuses (and returns false) otherwise.
 */
export function checkTeamChange(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  ref: string,
  team?: number,
): boolean {
  if (!teamsOn(state)) return refuse(out, conn, ref, 'unknown_team', 'This room does not play in teams.');
  if (team !== undefined && team >= state.settings.teamCount)
    return refuse(
      out,
      conn,
      ref,
      'unknown_team',
      `There is no team ${team + 1}: this room has ${state.settings.teamCount} teams.`,
    );
  if (!teamsUnlocked(state)) return refuse(out, conn, ref, 'wrong_phase', TEAMS_LOCKED);
  return true;
}

/**
 * After the team settings changed: with teams on, every seat without a team (or in a team that no
 * longer exists) joins the smallest team, one by one in join order; with teams off nobody has a
 * team. Returns the seats whose team changed.
 */
export function fitTeams(state: GameState): Player[] {
  const moved: Player[] = [];
  const all = seats(state).sort((a, b) => a.seq - b.seq);
  if (!teamsOn(state)) {
    for (const p of all) {
      if (p.team === undefined) continue;
      delete p.team;
      moved.push(p);
    }
    return moved;
  }
  for (const p of all) {
    if (p.team !== undefined && p.team < state.settings.teamCount) continue;
    delete p.team;
    p.team = smallestTeam(state);
    moved.push(p);
  }
  return moved;
}

/**
 * Evens the teams out: while one team has two seats more than another, its latest joiner moves
 * to the smallest team. The fewest moves that leave no team more than one seat bigger than any
 * other. Returns the seats that moved.
 */
export function balanceTeams(state: GameState): Player[] {
  if (!teamsOn(state)) return [];
  const moved = new Set<Player>();
  const count = state.settings.teamCount;
  const members: Player[][] = Array.from({ length: count }, () => []);
  for (const p of seats(state).sort((a, b) => a.seq - b.seq))
    if (p.team !== undefined && p.team < count) members[p.team]!.push(p);
  for (;;) {
    let big = 0;
    let small = 0;
    for (let t = 1; t < count; t++) {
      if (members[t]!.length > members[big]!.length) big = t;
      if (members[t]!.length < members[small]!.length) small = t;
    }
    if (members[big]!.length - members[small]!.length <= 1) break;
    const p = members[big]!.pop()!;
    p.team = small;
    members[small]!.push(p);
    moved.add(p);
  }
  return [...moved];
}

/** The teams' table, best first; empty without teams. Latecomers waiting are in no score yet. */
export function teamRows(state: GameState): TeamRow[] {
  if (!teamsOn(state)) return [];
  return rankTeams(state.players.values(), state.settings.teamCount);
}

/** What ranking a team needs of each member. */
export interface TeamMember {
  team?: number;
  score: number;
  correctCount: number;
}

/** Teams `0..count-1` of these members, ranked as the header says; teams without members are left out. */
export function rankTeams(players: Iterable<TeamMember>, count: number): TeamRow[] {
  const total = new Array<number>(count).fill(0);
  const correct = new Array<number>(count).fill(0);
  const members = new Array<number>(count).fill(0);
  for (const p of players) {
    if (p.team === undefined || p.team >= count) continue;
    total[p.team]! += p.score;
    correct[p.team]! += p.correctCount;
    members[p.team]!++;
  }
  const rows: (TeamRow & { correctAverage: number })[] = [];
  for (let team = 0; team < count; team++) {
    const n = members[team]!;
    if (n === 0) continue;
    rows.push({
      rank: 0,
      team,
      score: Math.round(total[team]! / n),
      members: n,
      correctAverage: correct[team]! / n,
    });
  }
  rows.sort((a, b) => b.score - a.score || b.correctAverage - a.correctAverage || a.team - b.team);
  return rows.map(({ correctAverage: _correct, ...row }, i) => ({ ...row, rank: i + 1 }));
}

/** `{ teams }` for a leaderboard message, or nothing without teams. */
export function teamsField(state: GameState): { teams?: TeamRow[] } {
  return teamsOn(state) ? { teams: teamRows(state) } : {};
}
