/**
 * Who is in the room: join with a checked nickname that looks like no one else's, at most
 * `maxPlayersPerAddress` seats per network address, latecomers waiting for the next game,
 * disconnect and reconnect (the seat, name and score stay), leaving, being dropped from the lobby
 * after staying away, and being removed by the host. Also the auto-start rule. A name that looks
 * taken is refused with a free one like it to offer (name-suggestion.ts).
 */
import { isFriendlyName } from '../../shared/friendly-names';
import { checkNickname } from '../../shared/nickname';
import type { ErrorCode, PlayerSummary, ServerMessage } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import { rankPlayers } from './leaderboard';
import { checkIdentity, claimedNames } from './identity';
import { error, refuse } from './messages';
import { isProfaneName } from './name-filter';
import { nameKeys } from './name-keys';
import { freeNameLike } from './name-suggestion';
import { timeLimitMs } from './round';
import type { GameState, Player } from './state';
import { teamForNewcomer, teamsOn, teamSizes } from './teams';

/**
 * How long a disconnected player keeps their seat in the lobby (a phone that locks its screen,
 * a Wi-Fi drop, a reload): after that the seat, name and address slot are free again, so that
 * throw-away joins do not stay. Never during a game: a player who drops mid-game keeps everything.
 */
export const LOBBY_GRACE_MS = 60_000;

export function summary(p: Player): PlayerSummary {
  const row: PlayerSummary = { id: p.id, name: p.name, connected: p.connected, score: p.score };
  if (p.extraTime) row.extraTime = p.extraTime;
  if (p.team !== undefined) row.team = p.team;
  if (p.identity !== undefined) row.identity = p.identity;
  return row;
}

/** The player or waiting latecomer with this id. */
export function seatOf(state: GameState, id: string): Player | undefined {
  return state.players.get(id) ?? state.waiting.get(id);
}

/** A game is being played: a question is open or has been (the countdown is not yet the game). */
export function gameRunning(state: GameState): boolean {
  return state.phase === 'question' || state.phase === 'reveal' || state.phase === 'leaderboard';
}

function countChanged(state: GameState, out: Effect[]): void {
  const msg: ServerMessage = {
    type: 'player_count',
    count: state.players.size,
    connected: state.connectedCount,
    waiting: state.waiting.size,
    ...(teamsOn(state) ? { teams: teamSizes(state) } : {}),
  };
  out.push({ kind: 'broadcast', audience: 'everyone', msg, coalesce: 'player_count' });
  // The names taken go to those who may still pick one: the list of a big class, sent to every
  // phone on every join, would cost far more than the count.
  if (state.settings.identity === 'roster')
    out.push({
      kind: 'broadcast',
      audience: 'guests',
      msg: { ...msg, claimedNames: claimedNames(state) },
      coalesce: 'claimed_names',
    });
}

/** These seats changed (their identity): hosts see them, and everyone the counts and names taken. */
export function seatsChanged(state: GameState, out: Effect[], changed: readonly Player[]): void {
  for (const p of changed)
    if (state.players.has(p.id))
      out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(p) } });
  countChanged(state, out);
}

/** These seats changed team (teams.ts): each is told, hosts see them, and everyone the new sizes. */
export function teamsChanged(state: GameState, out: Effect[], moved: readonly Player[]): void {
  for (const p of moved) {
    if (p.team !== undefined) out.push({ kind: 'send', to: p.id, msg: { type: 'team', team: p.team } });
    if (state.players.has(p.id))
      out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(p) } });
  }
  countChanged(state, out);
}

function refuseJoin(out: Effect[], conn: ConnId, code: ErrorCode, message: string): null {
  refuse(out, conn, 'join', code, message);
  return null;
}

/** Refuses a name that looks like `otherName`, with a free name like it to offer instead. */
function refuseTakenName(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  name: string,
  otherName: string,
): null {
  const suggestion = freeNameLike(state, name);
  const message = `"${quoted(name)}" looks the same as a player already here: ${quoted(otherName)}. ${
    suggestion ? `Pick another name, such as "${quoted(suggestion)}".` : 'Pick another name.'
  }`;
  out.push({
    kind: 'reply',
    conn,
    msg: {
      type: 'error',
      code: 'name_taken',
      message,
      ref: 'join',
      ...(suggestion ? { suggestion } : {}),
    },
  });
  return null;
}

/** A name inside a sentence, isolated so that a right-to-left name cannot reorder the sentence. */
function quoted(name: string): string {
  return `\u2068${name}\u2069`;
}

export function join(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  rawName: string,
  address: string | undefined,
  rawIdentity?: string,
): Player | null {
  const checked = checkNickname(rawName);
  if (!checked.ok) return refuseJoin(out, conn, 'name_invalid', checked.reason);
  const keys = nameKeys(checked.name);
  const refused = refuseName(state, checked.name, keys);
  if (refused) return refuseJoin(out, conn, refused.code, refused.message);
  for (const key of keys) {
    const other = seatOf(state, state.names.get(key) ?? '');
    if (other) return refuseTakenName(state, out, conn, checked.name, other.name);
  }
  const identity = checkIdentity(state, rawIdentity);
  if (!identity.ok) return refuseJoin(out, conn, identity.code, identity.message);
  const { maxPlayers, maxPlayersPerAddress, lateJoin } = state.settings;
  if (state.players.size + state.waiting.size >= maxPlayers) {
    return refuseJoin(out, conn, 'room_full', `The room is full (${maxPlayers} players).`);
  }
  if (address !== undefined && (state.perAddress.get(address) ?? 0) >= maxPlayersPerAddress) {
    return refuseJoin(
      out,
      conn,
      'address_full',
      `${maxPlayersPerAddress} ${maxPlayersPerAddress === 1 ? 'player has' : 'players have'} already joined from this device's network address (${address}), the most the host allows. Join from your own device, or ask the host to allow more players per address.`,
    );
  }
  // Once a question has opened, a newcomer plays from the next game on, unless late join is on.
  const waits = gameRunning(state) && !lateJoin;
  const seq = state.nextSeq++;
  const player: Player = {
    id: `p${seq}`,
    name: checked.name,
    seq,
    connected: true,
    score: 0,
    streak: 0,
    correctCount: 0,
    totalTimeMs: waits ? 0 : lateJoinTime(state),
    answers: [],
    pending: null,
    lastResult: null,
    rank: null,
    address: address ?? null,
    dropAt: null,
    ...(identity.identity !== undefined ? { identity: identity.identity } : {}),
  };
  teamForNewcomer(state, player);
  for (const key of keys) state.names.set(key, player.id);
  if (address !== undefined) state.perAddress.set(address, (state.perAddress.get(address) ?? 0) + 1);
  out.push({ kind: 'bind', conn, playerId: player.id });
  if (waits) {
    state.waiting.set(player.id, player);
  } else {
    state.players.set(player.id, player);
    state.connectedCount++;
    out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(player) } });
  }
  countChanged(state, out);
  return player;
}

/** Why the room's own rules refuse a name (blocked, generated only, the swear-word filter), or null. */
function refuseName(
  state: GameState,
  name: string,
  keys: readonly string[],
): { code: ErrorCode; message: string } | null {
  for (const key of keys) {
    const blocked = state.blockedNames.get(key);
    if (blocked !== undefined)
      return {
        code: 'name_blocked',
        message: `The host has blocked the name ${quoted(blocked)}${blocked === name ? '' : `, and "${quoted(name)}" looks the same`}. Pick another name.`,
      };
  }
  if (state.settings.generatedNamesOnly && !isFriendlyName(name))
    return {
      code: 'name_not_generated',
      message: 'This room uses generated names only: take one of the names offered, such as "Brave Otter".',
    };
  if (state.settings.profanityFilter && isProfaneName(name))
    return { code: 'name_profane', message: 'That nickname is not allowed in this room. Pick another name.' };
  return null;
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
export function setConnected(
  state: GameState,
  out: Effect[],
  player: Player,
  connected: boolean,
  now: number,
): boolean {
  if (player.connected === connected) return false;
  player.connected = connected;
  // A latecomer is not in this game: nobody counts them yet.
  if (state.waiting.has(player.id)) return true;
  state.connectedCount += connected ? 1 : -1;
  const round = state.round;
  if (round && !round.closed && player.pending) round.answeredConnected += connected ? 1 : -1;
  if (state.phase === 'lobby') {
    if (connected) player.dropAt = null;
    else holdSeat(state, out, player, now);
  }
  out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(player) } });
  countChanged(state, out);
  return true;
}

/**
 * Takes someone out of the room: a player or a waiting latecomer. Their name and their address's
 * slot are free again. `by`: the host (kick: the connection is cut) or not (release: it stays,
 * as a guest). Ranks are not recomputed here: see `rerank`.
 */
export function removePlayer(
  state: GameState,
  out: Effect[],
  player: Player,
  by: 'host' | 'release',
  block = false,
): void {
  const waited = state.waiting.delete(player.id);
  if (!waited) {
    if (player.connected) {
      player.connected = false;
      state.connectedCount--;
      const round = state.round;
      if (round && !round.closed && player.pending) round.answeredConnected--;
      out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(player) } });
    }
    state.players.delete(player.id);
  }
  for (const key of nameKeys(player.name)) {
    if (state.names.get(key) === player.id) state.names.delete(key);
    if (block) state.blockedNames.set(key, player.name);
  }
  // A blocked player's address seat stays taken for the rest of the session.
  if (player.address !== null && !block) {
    const left = (state.perAddress.get(player.address) ?? 1) - 1;
    if (left > 0) state.perAddress.set(player.address, left);
    else state.perAddress.delete(player.address);
  }
  player.dropAt = null;
  out.push(by === 'host' ? { kind: 'kick', playerId: player.id } : { kind: 'release', playerId: player.id });
  if (!waited)
    out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player_removed', id: player.id } });
  countChanged(state, out);
}

/**
 * Marks every player and latecomer disconnected at once (a restarted host has no connections).
 * At once, so that no order of single disconnects can close the open question early on the way;
 * in the lobby everyone gets a fresh grace to come back.
 */
export function disconnectEveryone(state: GameState, out: Effect[], now: number): void {
  for (const p of state.waiting.values()) p.connected = false;
  for (const p of state.players.values()) p.connected = false;
  state.connectedCount = 0;
  if (state.round) state.round.answeredConnected = 0;
  if (state.phase === 'lobby') enterLobby(state, out, now);
  countChanged(state, out);
}

/** After removals: a ranking already shown stays consistent (players removed since are left out). */
export function rerank(state: GameState): void {
  if (state.ranking.length > 0) rankPlayers(state);
}

/** The host removes a player; `block`: their name and address seat stay barred for the session. */
export function kick(state: GameState, out: Effect[], player: Player, block = false): void {
  removePlayer(state, out, player, 'host', block);
  rerank(state);
}

/** The host's "remove everyone disconnected": not while a game is under way. Returns how many. */
export function removeDisconnected(state: GameState, out: Effect[]): number {
  const gone = [...state.players.values(), ...state.waiting.values()].filter((p) => !p.connected);
  for (const p of gone) removePlayer(state, out, p, 'host');
  rerank(state);
  return gone.length;
}

/** A player's own `leave`. Mid-game a player cannot give up their seat: their score stays. */
export function leave(state: GameState, out: Effect[], conn: ConnId, playerId: string): void {
  const player = seatOf(state, playerId);
  if (!player) {
    out.push({ kind: 'reply', conn, msg: error('unknown_player', 'You are not in this room.', 'leave') });
    return;
  }
  if (state.players.has(playerId) && gameRunning(state)) {
    refuse(
      out,
      conn,
      'leave',
      'wrong_phase',
      'The game is under way: you can leave once it is over. To stop playing, close the page; your score stays.',
    );
    return;
  }
  removePlayer(state, out, player, 'release');
  rerank(state);
}

// --- Lobby grace ---------------------------------------------------------------------------------

function holdSeat(state: GameState, out: Effect[], player: Player, now: number): void {
  player.dropAt = now + LOBBY_GRACE_MS;
  state.dropQueue.push({ id: player.id, at: player.dropAt });
  // Grace ends in the order players left, so the head of the queue is the next one due.
  if (state.dropQueue.length === 1) out.push({ kind: 'timer', at: player.dropAt });
}

/** Entering the lobby (a new game, a cancelled start): everyone disconnected gets a fresh grace. */
export function enterLobby(state: GameState, out: Effect[], now: number): void {
  state.dropQueue = [];
  for (const p of state.players.values()) {
    p.dropAt = null;
    if (!p.connected) holdSeat(state, out, p, now);
  }
  out.push({ kind: 'timer', at: state.dropQueue[0]?.at ?? null });
}

/** Leaving the lobby: nobody is dropped during a game. */
export function leaveLobby(state: GameState): void {
  for (const { id } of state.dropQueue) {
    const p = state.players.get(id);
    if (p) p.dropAt = null;
  }
  state.dropQueue = [];
}

/** The lobby's timer: frees the seats whose grace has ended; re-arms for the next one. */
export function dropAbsent(state: GameState, out: Effect[], now: number): void {
  const queue = state.dropQueue;
  let head = 0;
  for (; head < queue.length; head++) {
    const { id, at } = queue[head]!;
    const p = state.players.get(id);
    const current = p !== undefined && !p.connected && p.dropAt === at;
    if (current && at > now) break;
    if (current) removePlayer(state, out, p, 'release');
  }
  state.dropQueue = head === 0 ? queue : queue.slice(head);
  out.push({ kind: 'timer', at: state.dropQueue[0]?.at ?? null });
}

/** A new game: the latecomers who waited become players. */
export function seatWaiting(state: GameState): void {
  for (const p of state.waiting.values()) {
    state.players.set(p.id, p);
    if (p.connected) state.connectedCount++;
  }
  state.waiting.clear();
}

/** The original rule: in the lobby, enough connected players start the countdown. */
export function shouldAutoStart(state: GameState): boolean {
  const min = state.settings.minPlayers;
  return state.phase === 'lobby' && min > 0 && state.connectedCount >= min;
}
