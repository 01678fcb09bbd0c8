/**
 * One question's life: it opens with a deadline, takes at most one answer per player (the first
 * counts), and closes at the deadline, when every connected player has answered, or when the host
 * moves on. Closing scores every player once and ranks them.
 */
import type { AnswerFields, LeaderRow, QuestionView, RevealView, ServerMessage } from '../../shared/protocol';
import { MAX_REVEAL_GROUPS, responseOf } from '../../shared/protocol';
import type { Question } from '../../shared/quiz/quiz-schema';
import { MAX_TYPED_ANSWER, TRUE_FALSE_OPTIONS } from '../../shared/quiz/quiz-schema';
import {
  canonicalOrder,
  gradeResponse,
  isScored,
  matchesAccepted,
  normaliseAnswer,
  shownOrder,
} from './grading';
import { numberGrader } from './grading/number-answer';
import type { ConnId, Effect } from './io';
import { hostRow, leaderRow, rankPlayers, TOP_ROWS } from './leaderboard';
import { teamsField } from './teams';
import { refuse } from './messages';
import { questionAt, quizIndexAt } from './question-order';
import { deadlineFor, factorsForRound, limitFor, personalTimes } from './extra-time';
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
  const view: QuestionView = {
    index: round.index,
    count: state.quiz.questions.length,
    kind: q.kind,
    prompt: q.prompt,
    options: shownOptions(q, round.index),
    points: q.points,
    timeLimitMs: round.timeLimitMs,
    openedAt: round.openedAt,
    deadline: round.deadline,
  };
  if (q.kind === 'number') view.range = { min: q.min, max: q.max, step: q.step };
  if (q.kind === 'typed') view.maxLength = MAX_TYPED_ANSWER;
  if (q.kind === 'slide' && q.text) view.text = q.text;
  if ((q.kind === 'choice' || q.kind === 'multi_select' || q.kind === 'poll') && q.shuffle)
    view.shuffle = true;
  // Pictures travel beside what they illustrate (options in the quiz's order, like their texts);
  // their names are hashes of their bytes, so they say no more than the texts do.
  if (q.image) view.image = q.image;
  if ('optionImages' in q && q.optionImages && q.optionImages.some((r) => r !== null))
    view.optionImages = [...q.optionImages];
  if (q.audio) view.audio = q.audio;
  return view;
}

/** What a player picks from, in the order shown (see QuestionView.options). */
export function shownOptions(q: Question, index: number): string[] {
  switch (q.kind) {
    case 'choice':
    case 'multi_select':
    case 'poll':
      return q.options;
    case 'true_false':
      return [...TRUE_FALSE_OPTIONS];
    case 'ordering':
      return shownOrder(q.items.length, index).map((i) => q.items[i]!);
    default:
      return [];
  }
}

export function revealView(round: Round): RevealView {
  const q = round.question;
  const view: RevealView = {
    index: round.index,
    kind: q.kind,
    correct: q.kind === 'choice' ? q.correct : q.kind === 'true_false' ? (q.correct ? 0 : 1) : -1,
    counts: round.counts,
    answered: round.answered,
    voided: round.voided,
  };
  if (q.explanation) view.explanation = q.explanation;
  if (q.kind === 'multi_select') view.correctOptions = [...q.correct].sort((a, b) => a - b);
  if (q.kind === 'typed') {
    view.accepted = q.accepted;
    view.groups = revealGroups(round, (key) => matchesAccepted(key, q.accepted, q.typos), 'count');
  }
  if (q.kind === 'number') {
    view.value = q.correct;
    view.groups = revealGroups(round, (key) => numberGrader.credit(q, { value: Number(key) }) === 1, 'value');
  }
  if (q.kind === 'ordering') {
    const shown = shownOrder(q.items.length, round.index);
    view.rightOrder = q.items.map((_, position) => shown.indexOf(position));
  }
  return view;
}

/** The most common answers (at most MAX_REVEAL_GROUPS), by count or, for numbers, by value. */
function revealGroups(
  round: Round,
  right: (key: string) => boolean,
  orderBy: 'count' | 'value',
): NonNullable<RevealView['groups']> {
  const top = Object.entries(round.groups)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_REVEAL_GROUPS);
  if (orderBy === 'value') top.sort((a, b) => Number(a[0]) - Number(b[0]));
  return top.map(([label, count]) => ({ label, count, right: right(label) }));
}

/** One count per thing a player can pick (or, for ordering, per item placed right). */
function emptyCounts(q: Question, index: number): number[] {
  return shownOptions(q, index).map(() => 0);
}

/** Adds a valid answer to the round's distribution. */
function tally(round: Round, fields: AnswerFields): void {
  const q = round.question;
  const add = (i: number) => (round.counts[i] = (round.counts[i] ?? 0) + 1);
  const group = (key: string) => (round.groups[key] = (round.groups[key] ?? 0) + 1);
  if (fields.option !== undefined) add(fields.option);
  if (fields.options !== undefined) fields.options.forEach(add);
  if (fields.text !== undefined) {
    const key = normaliseAnswer(fields.text);
    if (key) group(key);
  }
  if (fields.value !== undefined) group(String(fields.value));
  if (fields.order !== undefined && q.kind === 'ordering') {
    const placed = canonicalOrder(q, round.index, fields.order);
    fields.order.forEach((shownIndex, position) => {
      if (placed[position] === position) add(shownIndex);
    });
  }
}

export function openRound(state: GameState, out: Effect[], index: number, now: number): void {
  const question = questionAt(state, index);
  if (!question) throw new Error(`no question ${index}`);
  const limit = timeLimitMs(state, index);
  // With a reading time the prompt is shown first; the answers (and the clock) open after it.
  // Teams talk it over first too (`teamTalkSeconds`).
  const talk = state.settings.teamMode === 'off' ? 0 : state.settings.teamTalkSeconds;
  const openedAt = now + ((question.readingTime ?? 0) + talk) * 1000;
  const round: Round = {
    index,
    question,
    openedAt,
    deadline: openedAt + limit,
    timeLimitMs: limit,
    counts: emptyCounts(question, index),
    groups: {},
    answered: 0,
    answeredConnected: 0,
    closed: false,
    voided: false,
  };
  const extraTime = factorsForRound(state);
  if (extraTime) round.extraTime = extraTime;
  for (const p of state.players.values()) p.pending = null;
  state.questionIndex = index;
  state.round = round;
  state.phase = 'question';
  state.endsAt = round.deadline;
  const view = questionView(state, round);
  const personal = personalTimes(round, (limitMs, deadline) => ({
    type: 'question',
    question: { ...view, timeLimitMs: limitMs, deadline },
    endsAt: deadline,
  }));
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: { type: 'question', question: view, endsAt: round.deadline },
    ...(personal ? { personal } : {}),
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
  given: AnswerFields,
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
  if (now < round.openedAt)
    return refuse(out, conn, 'answer', 'not_open', 'Answers open when the reading time is over.');
  if (player.pending)
    return refuse(
      out,
      conn,
      'answer',
      'already_answered',
      'You already answered this question; the first answer counts.',
    );
  // The wire schema already bounds every field; the referee checks the answer against the
  // question itself (a field of another kind, an option that does not exist, a value off the slider).
  const fields = responseOf(given);
  const graded = fields ? gradeResponse(round.question, round.index, fields) : null;
  if (!fields || !graded || !graded.ok)
    return refuse(
      out,
      conn,
      'answer',
      'invalid_option',
      graded && !graded.ok ? graded.reason : 'The answer is empty.',
    );
  const grace = Math.min(Math.max(graceMs, 0), MAX_GRACE_MS);
  if (now > deadlineFor(round, player.id) + grace)
    return refuse(out, conn, 'answer', 'too_late', 'Time is up for this question.');
  const elapsedMs = Math.min(Math.max(now - round.openedAt, 0), limitFor(round, player.id));
  player.pending = { ...fields, elapsedMs, credit: graded.credit };
  tally(round, fields);
  round.answered++;
  if (player.connected) round.answeredConnected++;
  out.push({
    kind: 'send',
    to: player.id,
    msg: { type: 'answer_ack', answer: { question, ...fields, elapsedMs } },
  });
  out.push({
    kind: 'broadcast',
    audience: 'hosts',
    msg: { type: 'answer_count', question, answered: round.answered, connected: state.connectedCount },
    coalesce: 'answer_count',
  });
  out.push({
    kind: 'broadcast',
    audience: 'hosts',
    msg: { type: 'answered', question, ids: [player.id] },
    coalesce: 'answered',
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
  // Polls and slides have no right answer: they neither score nor break a streak.
  const scored = isScored(q) && q.points > 0;
  for (const p of state.players.values()) {
    const pending = p.pending;
    p.pending = null;
    let points = 0;
    const credit = pending ? pending.credit : 0;
    let correct = pending !== null && isScored(q) && pending.credit === 1;
    const limit = limitFor(round, p.id);
    // A skipped question counts for nothing, not even in the answer-time tie-break.
    if (!voided) {
      if (scored) {
        // Partial credit earns its share of the points; only a right answer keeps a streak.
        const score = scoreAnswer(
          {
            credit: pending ? pending.credit : null,
            elapsedMs: pending ? pending.elapsedMs : limit,
            timeLimitMs: limit,
            points: q.points,
            streak: p.streak,
            score: p.score,
          },
          rules,
        );
        points = score.points;
        p.streak = score.streak;
        correct = score.correct;
      }
      if (correct && rules.scoringMode !== 'survey') p.correctCount++;
      p.totalTimeMs += pending ? pending.elapsedMs : limit;
    }
    if (pending) {
      const { elapsedMs, credit: _credit, ...fields } = pending;
      p.answers[quizIndex] = { ...fields, correct, credit, elapsedMs, points };
    } else {
      p.answers[quizIndex] = null;
    }
    p.score += points;
    p.lastResult = {
      question: round.index,
      option: pending?.option ?? null,
      correct,
      credit,
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
    rows[i] = hostRow(p);
  }
  const top = ranked.slice(0, TOP_ROWS).map(leaderRow);
  out.push({
    kind: 'broadcast',
    audience: 'everyone',
    msg: {
      type: 'reveal',
      reveal: revealView(round),
      top,
      ...teamsField(state),
      endsAt,
    },
    personal,
  });
  out.push({ kind: 'broadcast', audience: 'hosts', msg: { type: 'standings', rows } });
}

export function standings(state: GameState): ReturnType<typeof leaderRow>[] {
  const rows: ReturnType<typeof leaderRow>[] = [];
  for (const id of state.ranking) {
    const p = state.players.get(id);
    if (p) rows.push(hostRow(p));
  }
  return rows;
}
