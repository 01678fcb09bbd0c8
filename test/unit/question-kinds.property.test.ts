/**
 * Fair play for every kind of question, under any input: whatever players send (answers of any
 * shape to any question, at any time, as often as they like), an answer is taken only once per
 * player, only for the open question, only in time and only when it fits the question's kind;
 * nobody scores more than an honest perfect player could; a player who sends many answers earns
 * exactly what the first valid one earns; and nothing that gives an answer away (the right option,
 * accepted texts, the right order, the explanation) leaves the host before its question closes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_GRACE_MS, streakBonus, type GameState, type Input } from '../../src/main/game';
import { gradeResponse, shownOrder } from '../../src/main/game/grading';
import { responseOf, type AnswerFields } from '../../src/shared/protocol';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { correctOptionLeaks, EngineHarness, messagesIn } from '../support/engine-harness';

const SEED = 20_261_203;
const RUNS = 150;

type KindSpec =
  | { kind: 'choice'; options: number; correct: number }
  | { kind: 'true_false'; correct: boolean }
  | { kind: 'multi_select'; options: number; correct: number[] }
  | { kind: 'typed'; typos: boolean }
  | { kind: 'number'; correct: number }
  | { kind: 'ordering'; items: number }
  | { kind: 'poll'; options: number }
  | { kind: 'slide' };

const kindSpec: fc.Arbitrary<KindSpec> = fc.oneof(
  fc
    .record({
      kind: fc.constant('choice' as const),
      options: fc.integer({ min: 2, max: 4 }),
      correct: fc.nat(3),
    })
    .map((s) => ({ ...s, correct: s.correct % s.options })),
  fc.record({ kind: fc.constant('true_false' as const), correct: fc.boolean() }),
  fc
    .record({
      kind: fc.constant('multi_select' as const),
      options: fc.integer({ min: 2, max: 6 }),
      picks: fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
    })
    .map(({ picks, ...s }) => ({ ...s, correct: [...new Set(picks.map((p) => p % s.options))] })),
  fc.record({ kind: fc.constant('typed' as const), typos: fc.boolean() }),
  fc.record({
    kind: fc.constant('number' as const),
    correct: fc.integer({ min: 0, max: 20 }).map((n) => n * 5),
  }),
  fc.record({ kind: fc.constant('ordering' as const), items: fc.integer({ min: 3, max: 6 }) }),
  fc.record({ kind: fc.constant('poll' as const), options: fc.integer({ min: 2, max: 6 }) }),
  fc.constant({ kind: 'slide' as const }),
);

const pointsArb = fc.constantFrom(0, 100, 1000, 1000, 1500, 2000);

/** Every secret (accepted answer, explanation) carries a token no other text has: SECRET-<question>. */
function kindsQuiz(specs: { spec: KindSpec; points: number; readingTime: number; shuffle: boolean }[]): Quiz {
  return parseQuiz({
    title: 'Kinds',
    questions: specs.map(({ spec, points, readingTime, shuffle }, i) => {
      const prompt = `Question ${i + 1}?`;
      const explanation = `Because SECRET-${i}-why`;
      const opts = (n: number) => Array.from({ length: n }, (_, o) => `Q${i + 1} option ${o + 1}`);
      const scored = { prompt, explanation, points, readingTime };
      switch (spec.kind) {
        case 'choice':
          return { ...scored, kind: 'choice', options: opts(spec.options), correct: spec.correct, shuffle };
        case 'true_false':
          return { ...scored, kind: 'true_false', correct: spec.correct };
        case 'multi_select':
          return { ...scored, kind: 'multi_select', options: opts(spec.options), correct: spec.correct };
        case 'typed':
          return {
            ...scored,
            kind: 'typed',
            accepted: [`SECRET-${i}-alpha`, `SECRET-${i}-beta`],
            typos: spec.typos,
          };
        case 'number':
          return {
            ...scored,
            kind: 'number',
            min: 0,
            max: 100,
            step: 5,
            correct: spec.correct,
            tolerance: 20,
          };
        case 'ordering':
          return { ...scored, kind: 'ordering', items: opts(spec.items) };
        case 'poll':
          return { prompt, explanation, kind: 'poll', options: opts(spec.options) };
        case 'slide':
          return { prompt, explanation, kind: 'slide', text: 'Next round' };
      }
    }),
  });
}

const quizArb = fc
  .array(
    fc.record({
      spec: kindSpec,
      points: pointsArb,
      readingTime: fc.constantFrom(0, 0, 1, 3),
      shuffle: fc.boolean(),
    }),
    { minLength: 1, maxLength: 5 },
  )
  .map(kindsQuiz);

/** Answers of every shape, many of them fitting some question, some fitting none. */
const responseArb = (question: number): fc.Arbitrary<AnswerFields> =>
  fc.oneof(
    fc.record({ option: fc.integer({ min: -1, max: 6 }) }),
    fc.record({ options: fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 6 }) }),
    fc.record({
      text: fc.constantFrom(
        `SECRET-${question}-alpha`,
        ` secret ${question} BETA! `,
        `SECRET-${question}-alpah`,
        'nope',
        '',
      ),
    }),
    fc.record({
      value: fc.oneof(
        fc.integer({ min: -2, max: 22 }).map((n) => n * 5),
        fc.constantFrom(2.5, 101),
      ),
    }),
    fc.record({
      order: fc.oneof(fc.shuffledSubarray([0, 1, 2, 3, 4, 5]), fc.array(fc.nat(6), { maxLength: 6 })),
    }),
  );

const OTHERS = 3;

interface Move {
  who: number;
  dt: number;
  question: 'open' | number;
  response: AnswerFields;
  graceMs: number;
}

interface Burst {
  dt: number;
  gaps: number[];
  responses: AnswerFields[];
}

interface Script {
  quiz: Quiz;
  moves: Move[][];
  bursts: Burst[];
}

const scriptArb: fc.Arbitrary<Script> = quizArb.chain((quiz) => {
  const n = quiz.questions.length;
  const perQuestion = <T>(f: (q: number) => fc.Arbitrary<T>) =>
    fc.tuple(...Array.from({ length: n }, (_, q) => f(q)));
  return fc.record({
    quiz: fc.constant(quiz),
    moves: perQuestion((q) =>
      fc.array(
        fc.record({
          who: fc.nat(OTHERS - 1),
          dt: fc.nat(14_000),
          question: fc.oneof(
            { weight: 4, arbitrary: fc.constant('open' as const) },
            { weight: 1, arbitrary: fc.integer({ min: -1, max: 6 }) },
          ),
          response: responseArb(q),
          graceMs: fc.integer({ min: -100, max: 1000 }),
        }),
        { maxLength: 8 },
      ),
    ),
    bursts: perQuestion((q) =>
      fc.record({
        dt: fc.nat(13_000),
        gaps: fc.array(fc.nat(300), { minLength: 5, maxLength: 5 }),
        responses: fc.array(responseArb(q), { minLength: 1, maxLength: 6 }),
      }),
    ),
  });
});

function honestMaximum(quiz: Quiz): number {
  let streak = 0;
  let total = 0;
  for (const q of quiz.questions) {
    if (q.kind === 'poll' || q.kind === 'slide' || q.points === 0) continue;
    streak++;
    total += q.points + streakBonus(streak);
  }
  return total;
}

/** `spam`: the spammer sends its whole burst; otherwise only the first answer that fits the question. */
function play(script: Script, spam: boolean): EngineHarness {
  const h = new EngineHarness(script.quiz, {
    minPlayers: 0,
    countdownSeconds: 1,
    questionSeconds: 10,
    revealSeconds: 2,
    leaderboardSeconds: 2,
  });
  const spammer = h.join('Spammer');
  const others = Array.from({ length: OTHERS }, (_, i) => h.join(`Player ${i + 1}`));
  h.host({ type: 'start' });
  script.quiz.questions.forEach((question, q) => {
    h.toQuestion(q);
    const opened = h.openedAt;
    const conn = (id: string) => h.connOf.get(id)!;
    const timed: { t: number; input: (s: GameState) => Input }[] = [];
    for (const m of script.moves[q]!) {
      const id = others[m.who]!;
      timed.push({
        t: opened + m.dt,
        input: (s) => ({
          kind: 'answer',
          conn: conn(id),
          playerId: id,
          question: m.question === 'open' ? (s.round?.index ?? q) : m.question,
          ...m.response,
          graceMs: m.graceMs,
        }),
      });
    }
    const burst = script.bursts[q]!;
    const firstFit = burst.responses.findIndex((r) => gradeResponse(question, q, r).ok);
    let t = opened + burst.dt;
    burst.responses.forEach((response, i) => {
      if (i > 0) t += burst.gaps[i - 1] ?? 0;
      if (spam || i === firstFit)
        timed.push({
          t,
          input: () => ({ kind: 'answer', conn: conn(spammer), playerId: spammer, question: q, ...response }),
        });
    });
    timed.sort((x, y) => x.t - y.t);
    for (const ev of timed) {
      while (h.state.phase === 'question' && h.timerAt !== null && h.timerAt <= ev.t) h.fireTimer();
      h.at(Math.max(h.now, ev.t));
      h.send(ev.input(h.state));
    }
    if (h.state.phase === 'question') h.closeQuestion();
  });
  h.fireUntil((s) => s.phase === 'finished');
  return h;
}

/**
 * Messages that carry a secret of a question (its SECRET token) or show an ordering question in
 * its right order, sent before that question closed. A player's own answer coming back to them
 * (which may hold a secret they typed) is theirs, not a leak.
 */
function secretLeaks(h: EngineHarness, quiz: Quiz): string[] {
  const leaks: string[] = [];
  h.log.forEach((record, i) => {
    const after = record.roundAfter;
    for (const msg of messagesIn(record.effects)) {
      if (msg.type === 'answer_ack') continue;
      const shown = msg.type === 'snapshot' ? { ...msg, you: null } : msg;
      const json = JSON.stringify(shown);
      for (const [q, question] of quiz.questions.entries()) {
        const closed = after !== null && (q < after.index || (q === after.index && after.closed));
        if (!closed && json.includes(`SECRET-${q}-`))
          leaks.push(`step ${i}: question ${q + 1}'s secret in ${json}`);
        if (question.kind === 'ordering' && json.includes(JSON.stringify(question.items)))
          leaks.push(`step ${i}: question ${q + 1} shown in its right order`);
      }
    }
  });
  return leaks;
}

describe('fair play for every kind of question (property)', () => {
  it('takes one answer per player, only for the open question, in time and fitting its kind', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const h = play(script, true);
        h.log.forEach((record) => {
          const input = record.input;
          if (input.kind !== 'answer') return;
          const acked = record.effects.some((e) => e.kind === 'send' && e.msg.type === 'answer_ack');
          if (!acked) return;
          expect(record.roundBefore).toEqual({ index: input.question, closed: false });
          const question = script.quiz.questions[input.question]!;
          expect(gradeResponse(question, input.question, responseOf(input)!).ok).toBe(true);
        });
        for (const p of h.state.players.values()) {
          const acks = h.log.filter(
            (r) =>
              r.input.kind === 'answer' &&
              r.input.playerId === p.id &&
              r.effects.some((e) => e.kind === 'send' && e.msg.type === 'answer_ack'),
          );
          const perQuestion = new Map<number, number>();
          for (const r of acks)
            if (r.input.kind === 'answer')
              perQuestion.set(r.input.question, (perQuestion.get(r.input.question) ?? 0) + 1);
          for (const n of perQuestion.values()) expect(n).toBe(1);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('refuses answers after the deadline and its grace', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const h = play(script, true);
        let deadline = 0;
        h.log.forEach((record) => {
          if (record.effects.some((e) => e.kind === 'broadcast' && e.msg.type === 'question'))
            for (const e of record.effects)
              if (e.kind === 'broadcast' && e.msg.type === 'question') deadline = e.msg.question.deadline;
          const input = record.input;
          if (input.kind !== 'answer') return;
          if (record.effects.some((e) => e.kind === 'send' && e.msg.type === 'answer_ack'))
            expect(record.now).toBeLessThanOrEqual(
              deadline + Math.min(Math.max(input.graceMs ?? 0, 0), MAX_GRACE_MS),
            );
        });
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps every score within the honest maximum, every credit within 0 and 1, and polls and slides at 0', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const h = play(script, true);
        const max = honestMaximum(script.quiz);
        for (const p of h.state.players.values()) {
          expect(p.score).toBeLessThanOrEqual(max);
          expect(p.score).toBe(p.answers.reduce((sum, a) => sum + (a?.points ?? 0), 0));
          p.answers.forEach((a, q) => {
            if (!a) return;
            const question = script.quiz.questions[q]!;
            expect(a.credit).toBeGreaterThanOrEqual(0);
            expect(a.credit).toBeLessThanOrEqual(1);
            const cap =
              question.kind === 'poll' || question.kind === 'slide' || question.points === 0
                ? 0
                : question.points + 500;
            expect(a.points).toBeLessThanOrEqual(cap);
          });
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('a player who sends many answers earns exactly what the first that fits earns', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const scores = (h: EngineHarness) =>
          [...h.state.players.values()].map((p) => [p.id, p.score, p.correctCount, p.answers]);
        expect(scores(play(script, true))).toEqual(scores(play(script, false)));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('never sends an answer, accepted text, right order or explanation before its question closes', () => {
    fc.assert(
      fc.property(scriptArb, (script) => {
        const h = play(script, true);
        expect(correctOptionLeaks(h.log)).toEqual([]);
        expect(secretLeaks(h, script.quiz)).toEqual([]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('shows ordering items in a shuffle that is the same for everyone and never the right order', () => {
    for (let seed = 0; seed < 50; seed++) expect(shownOrder(3, seed)).not.toEqual([0, 1, 2]);
  });
});
