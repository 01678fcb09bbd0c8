/** Shuffled question order: drawn per game, kept through a journal snapshot, reported in quiz order. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gameRecord, restoreGame, serializeGame, shuffledOrder, RestoreError } from '../../src/main/game';
import { buildGameReport } from '../../src/main/reports/build-game-report';
import { GameReportSchema } from '../../src/main/reports/game-report';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import { EngineHarness, makeQuiz } from '../support/engine-harness';

const QUIZ = makeQuiz(...Array.from({ length: 8 }, (_, i) => ({ correct: i % 4 })));

function shuffledGame(start?: number) {
  const h = new EngineHarness(QUIZ, { minPlayers: 0, shuffleQuestions: true, countdownSeconds: 0 }, start);
  const a = h.join('Alice');
  h.startGame();
  return { h, a };
}

describe('shuffledOrder', () => {
  it('asks every question exactly once, and the same seed draws the same order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.nat(), (count, seed) => {
        const order = shuffledOrder(count, seed);
        expect([...order].sort((x, y) => x - y)).toEqual(Array.from({ length: count }, (_, i) => i));
        expect(shuffledOrder(count, seed)).toEqual(order);
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});

describe('a room that shuffles questions', () => {
  it('asks them in a drawn order; players see positions, answers are kept by quiz question', () => {
    const { h, a } = shuffledGame();
    const order = h.state.order;
    expect(order).not.toEqual([...order].sort((x, y) => x - y));
    for (let pos = 0; pos < order.length; pos++) {
      h.toQuestion(pos);
      const q = h.broadcasts('question', 'everyone').at(-1)!.question;
      expect(q.index).toBe(pos);
      expect(q.prompt).toBe(`Question ${order[pos]! + 1}?`);
      h.answer(a, order[pos]! % 4); // the right option of quiz question order[pos]
      h.closeQuestion();
    }
    const alice = h.player(a);
    expect(alice.correctCount).toBe(order.length);
    expect(alice.answers.map((x, i) => x?.option === i % 4)).toEqual(order.map(() => true));
    // The report lists questions in quiz order with every player's answers beside them.
    const report = GameReportSchema.parse(buildGameReport(gameRecord(h.state, h.now), 'Room'));
    expect(report.questions.map((q) => q.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(report.questions.every((q) => q.status === 'played' && q.right === 1)).toBe(true);
    expect(report.questionOrder).toEqual(order.map((i) => i + 1));
    expect(report.settings?.shuffleQuestions).toBe(true);
  });

  it('draws a new order for each game, and quiz order when the setting is off', () => {
    const first = shuffledGame(1_700_000_000_000).h.state.order;
    const second = shuffledGame(1_700_000_123_457).h.state.order;
    expect(second).not.toEqual(first);
    const h = new EngineHarness(QUIZ, { minPlayers: 0 });
    h.join('Alice');
    h.startGame();
    expect(h.state.order).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('keeps the order through a journal snapshot, so a resumed game asks the same next question', () => {
    const { h } = shuffledGame();
    h.toQuestion(2);
    const line = encodeRecord({ t: 'snapshot', at: h.now, game: serializeGame(h.state), tokens: [] });
    const decoded = decodeRecord(Buffer.from(line.slice(0, -1)));
    if (!decoded.ok || decoded.record.t !== 'snapshot') throw new Error('not a snapshot');
    const back = restoreGame(decoded.record.game);
    expect(back.order).toEqual(h.state.order);
    expect(back.round?.question).toEqual(QUIZ.questions[h.state.order[2]!]);
  });

  it('refuses a snapshot whose order does not ask each question once', () => {
    const { h } = shuffledGame();
    const data = serializeGame(h.state);
    expect(() => restoreGame({ ...data, order: [0, 0, 1, 2, 3, 4, 5, 6] })).toThrow(RestoreError);
    expect(() => restoreGame({ ...data, order: [0, 1] })).toThrow(/does not ask each of the quiz's 8/);
  });
});
