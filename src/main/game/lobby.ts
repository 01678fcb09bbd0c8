/**
 * Players coming and going: join with a checked, unique nickname, disconnect and reconnect
 * (the slot, name and score stay), and kick (the slot is gone). Also the auto-start rule.
 */
import { checkNickname, nameKey } from '../../shared/nickname';
import type { ErrorCode, PlayerSummary } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import { rankPlayers } from './leaderboard';
import type { GameState, Player } from './state';
import { refuse } from './messages';
import { timeLimitMs } from './round';

export function summary(p: Player): PlayerSummary {
  return { id: p.id, name: p.name, connected: p.connected, score: p.score };
}

function countChanged(state: GameState, out: Effect[]): void {
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: { type: 'player_count', count: state.players.size, connected: state.connectedCount },
    coalesce: 'player_count',
  });
}

function refuseJoin(out: Effect[], conn: ConnId, code: ErrorCode, message: string): null {
  refuse(out, conn, 'join', code, message);
  return null;
}

export function join(state: GameState, out: Effect[], conn: ConnId, rawName: string): Player | null {
  const checked = checkNickname(rawName);
  if (!checked.ok) return refuseJoin(out, conn, 'name_invalid', checked.reason);
  const key = nameKey(checked.name);
  if (state.names.has(key))
    return refuseJoin(
      out,
      conn,
      'name_taken',
      `The name "${checked.name}" is taken in this room; pick another.`,
    );
  if (state.players.size >= state.settings.maxPlayers) {
    return refuseJoin(out, conn, 'room_full', `The room is full (${state.settings.maxPlayers} players).`);
  }
  // Between games (finished) anyone may join for the next one.
  if (state.phase !== 'lobby' && state.phase !== 'finished' && !state.settings.lateJoin) {
    return refuseJoin(out, conn, 'game_started', 'The game has already started; wait for the next one.');
  }
  const seq = state.nextSeq++;
  const player: Player = {
    id: `p${seq}`,
    name: checked.name,
    seq,
    connected: true,
    score: 0,
    streak: 0,
    correctCount: 0,
    totalTimeMs: lateJoinTime(state),
    answers: [],
    pending: null,
    lastResult: null,
    rank: null,
  };
  state.players.set(player.id, player);
  state.names.set(key, player.id);
  state.connectedCount++;
  out.push({ kind: 'bind', conn, playerId: player.id });
  out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(player) } });
  countChanged(state, out);
  return player;
}

/**
 * A late joiner is charged the full time of every question already played, so that missing them
 * does not win the answer-time tie-break.
 */
function lateJoinTime(state: GameState): number {
  if (state.phase === 'lobby' || state.phase === 'finished') return 0;
  const played = state.round?.closed ? state.questionIndex + 1 : state.questionIndex;
  let total = 0;
  for (let i = 0; i < played; i++) total += timeLimitMs(state, i);
  return total;
}

/** Marks a player connected or not; returns false when nothing changed. */
export function setConnected(state: GameState, out: Effect[], player: Player, connected: boolean): boolean {
  if (player.connected === connected) return false;
  player.connected = connected;
  state.connectedCount += connected ? 1 : -1;
  const round = state.round;
  if (round && !round.closed && player.pending) round.answeredConnected += connected ? 1 : -1;
  out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(player) } });
  countChanged(state, out);
  return true;
}

/**
 * Marks every player disconnected at once (a restarted host has no connections). At once, so
 * that no order of single disconnects can close the open question early on the way.
 */
export function disconnectEveryone(state: GameState, out: Effect[]): void {
  if (state.connectedCount === 0) return;
  for (const p of state.players.values()) p.connected = false;
  state.connectedCount = 0;
  if (state.round) state.round.answeredConnected = 0;
  countChanged(state, out);
}

export function kick(state: GameState, out: Effect[], player: Player): void {
  setConnected(state, out, player, false);
  state.players.delete(player.id);
  state.names.delete(nameKey(player.name));
  if (state.ranking.length > 0) rankPlayers(state);
  out.push({ kind: 'kick', playerId: player.id });
  out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player_removed', id: player.id } });
  countChanged(state, out);
}

/** The original rule: in the lobby, enough connected players start the countdown. */
export function shouldAutoStart(state: GameState): boolean {
  const min = state.settings.minPlayers;
  return state.phase === 'lobby' && min > 0 && state.connectedCount >= min;
}
