/**
 * What one viewer should see right now: the full picture a client gets when it says hello,
 * joins or reconnects. Players see their own answer and result; hosts also see every player.
 */
import type { RoomView, Snapshot, YouView } from '../../shared/protocol';
import { statusOf } from '../../shared/protocol';
import { FINAL_TOP_ROWS, TOP_ROWS, topRows } from './leaderboard';
import { questionView, revealView, standings } from './round';
import type { GameState } from './state';
import { seatOf, summary } from './lobby';
import { pausedRemainingMs } from './pause';
import { stillLoading } from './media-gate';
import { deadlineFor, factorOf, ownQuestion } from './extra-time';
import { teamsField, teamsOn, teamSizes } from './teams';
import { sessionRows, showsSession } from './session-totals';
import type { SessionRow } from '../../shared/protocol';
import { phoneSettings, rosterFields } from './identity';

function ownSessionLine(rows: readonly SessionRow[], id: string): Pick<YouView, 'session'> {
  const row = rows.find((r) => r.id === id);
  return row ? { session: { total: row.total, rank: row.rank, games: row.games } } : {};
}

export type Viewer = { role: 'guest' } | { role: 'player'; playerId: string } | { role: 'host' };

export function snapshotFor(state: GameState, viewer: Viewer, room: RoomView, now: number): Snapshot {
  const round = state.round;
  const phase = state.phase;
  const showRound = round && phase !== 'lobby' && phase !== 'countdown';
  const revealed = round?.closed && (phase === 'reveal' || phase === 'leaderboard' || phase === 'finished');
  const top =
    phase === 'finished'
      ? topRows(state, FINAL_TOP_ROWS)
      : phase === 'reveal' || phase === 'leaderboard'
        ? topRows(state, TOP_ROWS)
        : [];
  const session = showsSession(state) ? sessionRows(state) : null;
  let you: YouView | null = null;
  let waiting: Snapshot['waiting'] = null;
  if (viewer.role === 'player') {
    const latecomer = state.waiting.get(viewer.playerId);
    if (latecomer) waiting = { id: latecomer.id, name: latecomer.name };
    const p = state.players.get(viewer.playerId);
    if (p) {
      const pending = round && !round.closed ? p.pending : null;
      you = {
        id: p.id,
        name: p.name,
        ...(p.identity !== undefined ? { identity: p.identity } : {}),
        ...(p.team !== undefined ? { team: p.team } : {}),
        ...(session ? ownSessionLine(session, p.id) : {}),
        score: p.score,
        streak: p.streak,
        rank: p.rank,
        answer:
          pending && round
            ? { question: round.index, option: pending.option, elapsedMs: pending.elapsedMs }
            : null,
        result: revealed ? p.lastResult : null,
      };
    }
  }
  const snapshot: Snapshot = {
    type: 'snapshot',
    serverTime: now,
    room,
    status: statusOf(phase),
    phase,
    endsAt: state.endsAt,
    // The class list (with its ids) goes to hosts only; phones get its names (rosterFields).
    settings: viewer.role === 'host' ? state.settings : phoneSettings(state.settings),
    quiz: { title: state.quiz.title, questionCount: state.quiz.questions.length },
    playerCount: state.players.size,
    connectedCount: state.connectedCount,
    question: showRound ? questionView(state, round) : null,
    reveal: revealed && round ? revealView(round) : null,
    top,
    ...(top.length > 0 ? teamsField(state) : {}),
    ...(teamsOn(state) ? { teamSizes: teamSizes(state) } : {}),
    // The class list's names, to those who may pick one (a player who has one needs no list).
    ...(viewer.role !== 'player' || seatOf(state, viewer.playerId)?.identity === undefined
      ? rosterFields(state)
      : {}),
    ...(session ? { session: viewer.role === 'host' ? session : session.slice(0, FINAL_TOP_ROWS) } : {}),
    you,
    waiting,
    waitingCount: state.waiting.size,
  };
  const own = viewer.role === 'player' && you ? you.id : undefined;
  const pausedMs = pausedRemainingMs(state, own);
  if (pausedMs !== null) snapshot.paused = { remainingMs: pausedMs };
  const gate = state.mediaGate;
  if (gate) snapshot.media = { question: gate.question, refs: gate.refs };
  const open = round && !round.closed && phase === 'question' ? round : null;
  // A player with extra time sees the question with their own time.
  if (own !== undefined && open && snapshot.question && factorOf(open, own) !== 1) {
    snapshot.question = ownQuestion(open, own, snapshot.question);
    snapshot.endsAt = deadlineFor(open, own);
  }
  if (open?.finishing) snapshot.finishing = { waiting: open.finishingWaiting ?? 0 };
  if (viewer.role === 'host') {
    if (gate && gate.until !== null)
      snapshot.mediaWait = { question: gate.question, until: gate.until, loading: stillLoading(state, gate) };
    snapshot.players = [...state.players.values()].map(summary);
    snapshot.answered = round && !round.closed ? round.answered : 0;
    snapshot.answeredIds = open ? [...state.players.values()].filter((p) => p.pending).map((p) => p.id) : [];
    if (phase === 'finished') snapshot.standings = standings(state);
  }
  return snapshot;
}
