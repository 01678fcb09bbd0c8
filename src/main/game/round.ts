/**
 * One question's life: it opens with a deadline, takes at most one answer per player (the first
 * counts), and closes at the deadline, when every connected player has answered, or when the host
 * moves on. Closing scores every player once and ranks them.
 */
import type { LeaderRow, QuestionView, RevealView, ServerMessage } from '../../shared/protocol';
import type { ConnId, Effect } from './io';
import { leaderRow, rankPlayers, TOP_ROWS } from './leaderboard';
import { refuse } from './messages';
import { questionAt, quizIndexAt } from './question-order';
import { scoreAnswer } from './scoring';
import type { GameState, Player, Round } from './state';

/** The longest an answer may arrive after the deadline, for a player's measured network delay. */
export const MAX_GRACE_MS = 300;

export function timeLimitMs(state: GameState, index: number): number {
  const q = questionAt(state, index);
  return (q?.timeLimit ?? state.settings.questionSeconds) * 1000;
}

export function questionView(state: GameState, round: Round): QuestionView {
  const q = round.question;
  return {
    index: round.index,
    count: state.quiz.questions.length,
    kind: q.kind,
    prompt: q.prompt,
    options: q.options,
    points: q.points,
    timeLimitMs: round.timeLimitMs,
    openedAt: round.openedAt,
    deadline: round.deadline,
  };
}

export function revealView(round: Round): RevealView {
  return {
    index: round.index,
    correct: round.question.correct,
    counts: round.counts,
    answered: round.answered,
    voided: round.voided,
  };
}

export function openRound(state: GameState, out: Effect[], index: number, now: number): void {
  const question = questionAt(state, index);
  if (!question) throw new Error(`no question ${index}`);
  const limit = timeLimitMs(state, index);
  const round: Round = {
    index,
    question,
    openedAt: now,
    deadline: now + limit,
    timeLimitMs: limit,
    counts: question.options.map(() => 0),
    answered: 0,
    answeredConnected: 0,
    closed: false,
    voided: false,
  };
  for (const p of state.players.values()) p.pending = null;
  state.questionIndex = index;
  state.round = round;
  state.phase = 'question';
  state.endsAt = round.deadline;
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: { type: 'question', question: questionView(state, round), endsAt: round.deadline },
  });
  out.push({
    kind: 'broadcast',
    audience: 'hosts',
    msg: { type: 'answer_count', question: index, answered: 0, connected: state.connectedCount },
    coalesce: 'answer_count',
  });
  // The round closes a little after the deadline so that answers sent in time can still arrive.
  out.push({ kind: 'timer', at: round.deadline + MAX_GRACE_MS });
}

/** Takes an answer; returns true when it was accepted. */
export function answer(
  state: GameState,
  out: Effect[],
  conn: ConnId,
  player: Player,
  question: number,
  option: number,
  graceMs: number,
  now: number,
): boolean {
  const round = state.round;
  if (!round) return refuse(out, conn, 'answer', 'not_open', 'No question is open for answers right now.');
  if (question > round.index)
    return refuse(out, conn, 'answer', 'not_open', `Question ${question + 1} is not open yet.`);
  // A closed question is "too late" whether or not the next one has opened yet.
  if (question < round.index || round.closed)
    return refuse(out, conn, 'answer', 'too_late', `Question ${question + 1} is already closed.`);
  if (state.phase !== 'question')
    return refuse(out, conn, 'answer', 'not_open', 'No question is open for answers right now.');
  if (player.pending)
    return refuse(
      out,
      conn,
      'answer',
      'already_answered',
      'You already answered this question; the first answer counts.',
    );
  // The wire schema already demands a whole number >= 0; the referee does not rely on it.
  if (!Number.isInteger(option) || option < 0 || option >= round.question.options.length) {
    return refuse(
      out,
      conn,
      'answer',
      'invalid_option',
      `Option ${option + 1} does not exist; this question has ${round.question.options.length} options.`,
    );
  }
  const grace = Math.min(Math.max(graceMs, 0), MAX_GRACE_MS);
  if (now > round.deadline + grace)
    return refuse(out, conn, 'answer', 'too_late', 'Time is up for this question.');
  const elapsedMs = Math.min(Math.max(now - round.openedAt, 0), round.timeLimitMs);
  player.pending = { option, elapsedMs };
  round.counts[option] = (round.counts[option] ?? 0) + 1;
  round.answered++;
  if (player.connected) round.answeredConnected++;
  out.push({
    kind: 'send',
    to: player.id,
    msg: { type: 'answer_ack', answer: { question, option, elapsedMs } },
  });
  out.push({
    kind: 'broadcast',
    audience: 'hosts',
    msg: { type: 'answer_count', question, answered: round.answered, connected: state.connectedCount },
    coalesce: 'answer_count',
  });
  return true;
}

/** Every connected player has answered (and someone is connected). */
export function everyoneAnswered(state: GameState): boolean {
  const round = state.round;
  return (
    !!round && !round.closed && state.connectedCount > 0 && round.answeredConnected >= state.connectedCount
  );
}

/** Scores every player once, ranks them, and tells everybody. `voided`: nobody scores. */
export function closeRound(state: GameState, out: Effect[], voided: boolean, endsAt: number | null): void {
  const round = state.round;
  if (!round || round.closed) return;
  round.closed = true;
  round.voided = voided;
  const quizIndex = quizIndexAt(state, round.index);
  state.played = [
    ...state.played,
    { index: quizIndex, openedAt: round.openedAt, timeLimitMs: round.timeLimitMs, voided },
  ];
  const q = round.question;
  const rules = state.settings;
  for (const p of state.players.values()) {
    const pending = p.pending;
    p.pending = null;
    let points = 0;
    let correct = pending !== null && pending.option === q.correct;
    // A skipped question counts for nothing, not even in the answer-time tie-break.
    if (!voided) {
      const scored = scoreAnswer(
        {
          credit: pending ? (correct ? 1 : 0) : null,
          elapsedMs: pending ? pending.elapsedMs : round.timeLimitMs,
          timeLimitMs: round.timeLimitMs,
          points: q.points,
          streak: p.streak,
          score: p.score,
        },
        rules,
      );
      points = scored.points;
      p.streak = scored.streak;
      correct = scored.correct;
      if (correct && rules.scoringMode !== 'survey') p.correctCount++;
      p.totalTimeMs += pending ? pending.elapsedMs : round.timeLimitMs;
    }
    p.answers[quizIndex] = pending
      ? { option: pending.option, correct, elapsedMs: pending.elapsedMs, points }
      : null;
    p.score += points;
    p.lastResult = {
      question: round.index,
      option: pending ? pending.option : null,
      correct,
      points,
      score: p.score,
      streak: p.streak,
      rank: 0,
      elapsedMs: pending ? pending.elapsedMs : null,
    };
  }
  const ranked = rankPlayers(state);
  state.phase = 'reveal';
  state.endsAt = endsAt;
  // Everyone sees the reveal; each player also gets their own result with it. One pass over the
  // ranking makes the results and the hosts' standings (a round close for thousands of players
  // runs once per question, mostly before the JIT has optimized it: every pass counts).
  const personal = new Map<string, ServerMessage>();
  const rows = new Array<LeaderRow>(ranked.length);
  for (let i = 0; i < ranked.length; i++) {
    const p = ranked[i]!;
    const result = p.lastResult!;
    result.rank = i + 1;
    personal.set(p.id, { type: 'result', result });
    rows[i] = leaderRow(p);
  }
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: { type: 'reveal', reveal: revealView(round), top: rows.slice(0, TOP_ROWS), endsAt },
    personal,
  });
  out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'standings', rows } });
}

export function standings(state: GameState): ReturnType<typeof leaderRow>[] {
  const rows: ReturnType<typeof leaderRow>[] = [];
  for (const id of state.ranking) {
    const p = state.players.get(id);
    if (p) rows.push(leaderRow(p));
  }
  return rows;
}
