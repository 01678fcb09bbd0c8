/**
 * The competition engine: `step(state, input, now)` applies one input and returns the state with
 * the effects the server must carry out. It is the referee: it never reads a clock, a socket or a
 * file, so every rule can be tested with a fake clock and no network.
 *
 * Phases: lobby -> countdown -> question -> reveal -> leaderboard -> question ... -> finished.
 * The host may pause an open question's timer (pause.ts).
 */
import type { HostCommand } from '../../shared/protocol';
import type { Effect, Input, StepResult } from './io';
import { FINAL_TOP_ROWS, rankPlayers, TOP_ROWS, topRows } from './leaderboard';
import {
  disconnectEveryone,
  dropAbsent,
  enterLobby,
  join,
  kick,
  leave,
  leaveLobby,
  removeDisconnected,
  seatOf,
  seatWaiting,
  setConnected,
  shouldAutoStart,
  summary,
} from './lobby';
import { gameRecord } from './game-record';
import { orderForGame } from './question-order';
import { error, namedSeat } from './messages';
import { answer, closeRound, everyoneAnswered, MAX_GRACE_MS, openRound, standings } from './round';
import { announceMedia, heldQuestionReady, holdForMedia, mediaReady } from './media-gate';
import { clearPause, isPaused, refusePausedAnswer, setPaused, shiftPause } from './pause';
import { grantExtraTime, lastDeadline, nextCheck, updateFinishing } from './extra-time';
import { resetPlayers, type GameState } from './state';
import { teamsField } from './teams';
import { afterTeamSettings, evenTeams, pickTeam, setTeam, teamSettingsAllowed } from './team-commands';
import { addGameToSession, sessionPlaces, sessionRows } from './session-totals';
import { announceSettings } from './identity';
import {
  afterIdentitySettings,
  giveIdentity,
  identitySettingsAllowed,
  releaseIdentity,
} from './identity-commands';

export function step(state: GameState, input: Input, now: number): StepResult<GameState> {
  const out: Effect[] = [];
  switch (input.kind) {
    case 'join':
      if (join(state, out, input.conn, input.name, input.address, input.identity))
        afterPresenceChange(state, out, now);
      break;
    case 'identity':
      giveIdentity(state, out, input.conn, input.playerId, input.identity);
      break;
    case 'leave':
      leave(state, out, input.conn, input.playerId);
      afterRoundChange(state, out, now);
      break;
    case 'connected':
    case 'disconnected': {
      const player = seatOf(state, input.playerId);
      if (player && setConnected(state, out, player, input.kind === 'connected', now)) {
        if (input.kind === 'connected') {
          // A returning player never closes a question early: after a Wi-Fi drop (or a host
          // restart) the first players back must not end the question for the rest.
          if (shouldAutoStart(state)) startCountdown(state, out, now);
        } else {
          afterPresenceChange(state, out, now);
        }
      }
      break;
    }
    case 'answer': {
      const player = state.players.get(input.playerId);
      if (!player) {
        const next = state.waiting.has(input.playerId);
        out.push({
          kind: 'reply',
          conn: input.conn,
          msg: next
            ? error('not_open', 'You play from the next game on: this one began before you joined.', 'answer')
            : error('unknown_player', 'You are not in this game.', 'answer'),
        });
        break;
      }
      if (isPaused(state) && state.round?.index === input.question) {
        refusePausedAnswer(out, input.conn);
        break;
      }
      if (answer(state, out, input.conn, player, input.question, input, input.graceMs ?? 0, now)) {
        afterRoundChange(state, out, now);
      }
      break;
    }
    case 'host':
      hostCommand(state, out, input.conn, input.command, now);
      break;
    case 'media_ready':
      mediaReady(state, out, input.playerId, input.question);
      break;
    case 'team':
      pickTeam(state, out, input.conn, input.playerId, input.team);
      break;
    case 'timer':
      onTimer(state, out, now);
      break;
    case 'resumed':
      resumeAfterDowntime(state, out, input.pausedMs, now);
      break;
  }
  // A question held for slow phones opens as soon as the last connected one is ready (or gone).
  const held = heldQuestionReady(state);
  if (held !== null) {
    state.mediaGate = null;
    openRound(state, out, held, now);
  }
  return { state, effects: out };
}

/**
 * After the host was down for `pausedMs`, the running phase goes on with the time it had left:
 * its end moves by the downtime, and so does the open question's start, so that an answer's time
 * does not count the minutes nobody could answer. Nobody is connected yet; players get the
 * question with its new deadline in the snapshot they receive when they come back.
 */
function resumeAfterDowntime(state: GameState, out: Effect[], pausedMs: number, now: number): void {
  disconnectEveryone(state, out, now);
  const shift = Number.isFinite(pausedMs) ? Math.max(0, Math.round(pausedMs)) : 0;
  shiftPause(state, shift);
  if (state.endsAt === null) return;
  state.endsAt += shift;
  const round = state.round;
  if (state.phase === 'question' && round && !round.closed) {
    round.openedAt += shift;
    round.deadline += shift;
  }
  out.push({ kind: 'timer', at: timerAt(state) });
}

/** Opens question `index`, unless it must first wait for phones to have its pictures (media-gate.ts). */
function openQuestion(state: GameState, out: Effect[], index: number, now: number): void {
  if (holdForMedia(state, out, index, now)) return;
  openRound(state, out, index, now);
}

/** After a join, reconnect or drop: maybe start by itself, maybe close a round everyone answered. */
function afterPresenceChange(state: GameState, out: Effect[], now: number): void {
  if (shouldAutoStart(state)) startCountdown(state, out, now);
  else afterRoundChange(state, out, now);
}

/**
 * After an answer or someone leaving: the open round closes when every connected player has
 * answered or, with extra time, when the last deadline it waits for has passed; else it may be
 * finishing (extra-time.ts), and its timer moves to the deadline it now waits for.
 */
function afterRoundChange(state: GameState, out: Effect[], now: number): void {
  const round = state.round;
  if (state.phase !== 'question' || !round || round.closed) return;
  if (everyoneAnswered(state)) return finishRound(state, out, false, now);
  if (!round.extraTime || isPaused(state)) return;
  const due = timerDue(state);
  if (due !== null && now >= due) return finishRound(state, out, false, now);
  updateFinishing(state, out, MAX_GRACE_MS, now);
  out.push({ kind: 'timer', at: timerAt(state) });
}

function timed(state: GameState, now: number, seconds: number): number | null {
  return state.settings.autoAdvance ? now + seconds * 1000 : null;
}

function startCountdown(state: GameState, out: Effect[], now: number): void {
  leaveLobby(state);
  state.startedAt = now;
  state.order = orderForGame(state, now);
  announceMedia(state, out, 0);
  const seconds = state.settings.countdownSeconds;
  if (seconds === 0) {
    openQuestion(state, out, 0, now);
    return;
  }
  state.phase = 'countdown';
  state.endsAt = now + seconds * 1000;
  out.push({ kind: 'broadcast', audience: 'everyone', msg: { type: 'countdown', endsAt: state.endsAt } });
  out.push({ kind: 'timer', at: state.endsAt });
}

function finishRound(state: GameState, out: Effect[], voided: boolean, now: number): void {
  clearPause(state);
  const endsAt = timed(state, now, state.settings.revealSeconds);
  closeRound(state, out, voided, endsAt);
  out.push({ kind: 'timer', at: endsAt });
  if (state.questionIndex < state.quiz.questions.length - 1)
    announceMedia(state, out, state.questionIndex + 1);
}

function showLeaderboard(state: GameState, out: Effect[], now: number): void {
  state.phase = 'leaderboard';
  state.endsAt = timed(state, now, state.settings.leaderboardSeconds);
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: { type: 'leaderboard', top: topRows(state, TOP_ROWS), ...teamsField(state), endsAt: state.endsAt },
  });
  out.push({ kind: 'timer', at: state.endsAt });
}

function finishGame(state: GameState, out: Effect[], now: number): void {
  clearPause(state);
  state.mediaGate = null;
  if (state.round && !state.round.closed) closeRound(state, out, false, null);
  if (state.ranking.length !== state.players.size) rankPlayers(state);
  state.phase = 'finished';
  state.endsAt = null;
  addGameToSession(state);
  const session = state.settings.runningTotals ? sessionRows(state) : null;
  out.push({ kind: 'timer', at: null });
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: {
      type: 'finished',
      top: topRows(state, FINAL_TOP_ROWS),
      ...teamsField(state),
      ...(session ? { session: session.slice(0, FINAL_TOP_ROWS) } : {}),
    },
    ...(session ? { personal: sessionPlaces(session) } : {}),
  });
  out.push({
    kind: 'broadcast',
    audience: 'hosts',
    msg: { type: 'standings', rows: standings(state), ...(session ? { session } : {}) },
  });
  out.push({ kind: 'game_over', record: gameRecord(state, now) });
}

/** Moves on from the current phase, as its timer or the host's Next does. */
function advance(state: GameState, out: Effect[], now: number): void {
  switch (state.phase) {
    case 'countdown':
      openQuestion(state, out, 0, now);
      break;
    case 'question':
      finishRound(state, out, false, now);
      break;
    case 'reveal':
      if (state.questionIndex >= state.quiz.questions.length - 1) finishGame(state, out, now);
      else showLeaderboard(state, out, now);
      break;
    case 'leaderboard':
      openQuestion(state, out, state.questionIndex + 1, now);
      break;
    case 'lobby':
    case 'finished':
      break;
  }
}

/** When the running phase's timer is due: a question stays open for late packets' grace too. */
function timerDue(state: GameState): number | null {
  if (state.endsAt === null || isPaused(state)) return null;
  return state.phase === 'question' && state.round
    ? lastDeadline(state, state.round) + MAX_GRACE_MS
    : state.endsAt;
}

/** When to arm the phase timer: an open round is checked first at its own deadline (extra-time.ts). */
function timerAt(state: GameState): number | null {
  const due = timerDue(state);
  const round = state.round;
  if (due === null || state.phase !== 'question' || !round || round.closed) return due;
  return nextCheck(state, round, MAX_GRACE_MS);
}

function onTimer(state: GameState, out: Effect[], now: number): void {
  if (state.phase === 'lobby') return dropAbsent(state, out, now);
  const due = timerDue(state);
  if (due === null) return;
  if (now < due) {
    // The round's own deadline has passed, but players with extra time are still answering.
    updateFinishing(state, out, MAX_GRACE_MS, now);
    out.push({ kind: 'timer', at: timerAt(state) });
    return;
  }
  advance(state, out, now);
}

function hostCommand(state: GameState, out: Effect[], conn: number, command: HostCommand, now: number): void {
  const wrongPhase = (what: string): void => {
    out.push({
      kind: 'reply',
      conn,
      msg: error('wrong_phase', `${what} (the game is in phase "${state.phase}").`, command.type),
    });
  };
  switch (command.type) {
    case 'start':
      if (state.phase !== 'lobby') return wrongPhase('The game has already started');
      if (state.players.size === 0) {
        out.push({ kind: 'reply', conn, msg: error('wrong_phase', 'Nobody has joined yet.', 'start') });
        return;
      }
      startCountdown(state, out, now);
      return;
    case 'cancel_start':
      if (state.phase !== 'countdown')
        return wrongPhase('Only the countdown before the first question can be cancelled');
      // Back to the lobby, and from now on the host starts by hand: otherwise the next join or
      // reconnect would start the same countdown again.
      state.phase = 'lobby';
      state.endsAt = null;
      state.startedAt = null;
      state.mediaGate = null;
      startByHand(state, out);
      out.push({ kind: 'broadcast', audience: 'everyone', msg: { type: 'lobby' } });
      enterLobby(state, out, now);
      return;
    case 'pause':
      setPaused(state, out, conn, command.paused, now);
      return;
    case 'next':
      if (state.phase === 'lobby' || state.phase === 'finished')
        return wrongPhase('There is nothing to move on to');
      advance(state, out, now);
      return;
    case 'skip':
      if (state.phase !== 'question') return wrongPhase('Only an open question can be skipped');
      finishRound(state, out, true, now);
      return;
    case 'end':
      if (state.phase === 'lobby' || state.phase === 'finished') return wrongPhase('No game is running');
      finishGame(state, out, now);
      return;
    case 'kick': {
      const player = namedSeat(state, out, conn, command.playerId, 'kick');
      if (!player) return;
      kick(state, out, player, command.block === true);
      afterRoundChange(state, out, now);
      return;
    }
    case 'extra_time': {
      const player = grantExtraTime(state, out, conn, command.playerId, command.factor);
      if (player)
        out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'player', player: summary(player) } });
      return;
    }
    case 'set_team':
      setTeam(state, out, conn, command.playerId, command.team);
      return;
    case 'balance_teams':
      evenTeams(state, out, conn);
      return;
    case 'release_identity':
      releaseIdentity(state, out, conn, command.playerId);
      return;
    case 'remove_disconnected':
      if (state.phase !== 'lobby' && state.phase !== 'finished')
        return wrongPhase(
          'Disconnected players can be removed in the lobby or after the game, not during it',
        );
      removeDisconnected(state, out);
      return;
    case 'settings': {
      const next = { ...state.settings, ...command.settings };
      if (next.minPlayers > next.maxPlayers) {
        out.push({
          kind: 'reply',
          conn,
          msg: error(
            'invalid_message',
            'Players needed to start cannot be more than the most players allowed.',
            'settings',
          ),
        });
        return;
      }
      if (!teamSettingsAllowed(state, out, conn, next)) return;
      if (!identitySettingsAllowed(state, out, conn, next)) return;
      const before = state.settings;
      state.settings = next;
      afterIdentitySettings(state, out, before);
      afterTeamSettings(state, out, before);
      if (shouldAutoStart(state)) startCountdown(state, out, now);
      return;
    }
    case 'new_game':
      if (state.phase !== 'lobby' && state.phase !== 'finished') {
        return wrongPhase('A new game can start once this one has finished');
      }
      if (command.quiz) state.quiz = command.quiz;
      seatWaiting(state);
      resetPlayers(state);
      state.phase = 'lobby';
      state.endsAt = null;
      state.questionIndex = -1;
      state.order = [];
      state.round = null;
      state.ranking = [];
      state.gameNo++;
      state.startedAt = null;
      state.played = [];
      state.mediaGate = null;
      // Play again waits in the lobby (the QR code for newcomers, the settings) until the host
      // presses Start: everyone is already here, so the automatic start would leave no lobby at all.
      startByHand(state, out);
      out.push({ kind: 'timer', at: null });
      out.push({ kind: 'resync' });
      enterLobby(state, out, now);
      return;
  }
}

/**
 * From now on the host starts the game (players needed: 0), and every client is told. The host
 * may set a number again in the settings: if that many are already here, the countdown starts,
 * and it can be cancelled.
 */
function startByHand(state: GameState, out: Effect[]): void {
  if (state.settings.minPlayers === 0) return;
  state.settings = { ...state.settings, minPlayers: 0 };
  announceSettings(state, out);
}
