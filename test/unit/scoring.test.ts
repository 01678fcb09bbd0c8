/** Scoring as Kahoot! does it: points by answer time, and the answer streak bonus. */
import { describe, expect, it } from 'vitest';
import { answerPoints, streakBonus } from '../../src/main/game';
import { EngineHarness, makeQuiz, plainQuiz, playAlice, type QuestionSpec } from '../support/engine-harness';

describe('points for a correct answer (P = 1000, T = 10 s)', () => {
  it.each([
    [0, 1000],
    [500, 1000],
    [501, 975],
    [1000, 950],
    [5000, 750],
    [10_000, 500],
  ])('answered after %i ms scores %i', (ms, points) => {
    expect(answerPoints(1000, ms, 10_000)).toBe(points);
  });

  it('never falls below half the points, even past the time limit', () => {
    expect(answerPoints(1000, 12_000, 10_000)).toBe(500);
  });

  it('scales with the time limit', () => {
    expect(answerPoints(1000, 5000, 20_000)).toBe(875);
  });
});

describe('points for other point values', () => {
  it.each([
    [0, 2000],
    [500, 2000],
    [5000, 1500],
    [10_000, 1000],
  ])('P = 2000 answered after %i ms scores %i', (ms, points) => {
    expect(answerPoints(2000, ms, 10_000)).toBe(points);
  });

  it.each([0, 500, 5000, 10_000])('P = 0 answered after %i ms scores 0', (ms) => {
    expect(answerPoints(0, ms, 10_000)).toBe(0);
  });
});

describe('streak bonus', () => {
  it.each([
    [1, 0],
    [2, 100],
    [3, 200],
    [5, 400],
    [6, 500],
    [7, 500],
    [50, 500],
  ])('a streak of %i correct answers adds %i', (streak, bonus) => {
    expect(streakBonus(streak)).toBe(bonus);
  });
});

/** Alice's points per question, answering per `plan` after `ms` (see `playAlice`). */
function play(quiz: ReturnType<typeof makeQuiz>, plan: (number | null)[], ms = 0): number[] {
  return playAlice(quiz, plan, ms).points;
}

describe('scoring in a game', () => {
  it('scores a correct answer by the time it took', () => {
    expect(play(plainQuiz(1), [0], 5000)).toEqual([750]);
  });

  it('scores a wrong answer and a missing answer 0', () => {
    expect(play(plainQuiz(2), [1, null])).toEqual([0, 0]);
  });

  it('adds 100 per consecutive correct answer after the first, at most 500', () => {
    expect(play(plainQuiz(8), [0, 0, 0, 0, 0, 0, 0, 0])).toEqual([
      1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500,
    ]);
  });

  it('resets the streak after a wrong answer', () => {
    expect(play(plainQuiz(5), [0, 0, 2, 0, 0])).toEqual([1000, 1100, 0, 1000, 1100]);
  });

  it('resets the streak after a missing answer', () => {
    expect(play(plainQuiz(5), [0, 0, null, 0, 0])).toEqual([1000, 1100, 0, 1000, 1100]);
  });

  it('scores a 2000-point question double, with the same streak bonus', () => {
    const quiz = makeQuiz({}, { points: 2000 });
    expect(play(quiz, [0, 0], 5000)).toEqual([750, 1500 + 100]);
  });

  it('scores a 0-point question nothing, and it neither extends nor breaks a streak', () => {
    const specs: QuestionSpec[] = [{}, { points: 0 }, {}, { points: 0 }, {}];
    expect(play(makeQuiz(...specs), [0, 0, 0, 3, 0])).toEqual([1000, 0, 1100, 0, 1200]);
  });

  it('counts a right answer to a 0-point question as correct', () => {
    const h = new EngineHarness(makeQuiz({ points: 0 }), { minPlayers: 0 });
    const a = h.join('Alice');
    h.startGame();
    h.answer(a, 0);
    expect(h.sentTo(a, 'result')[0]?.result).toMatchObject({ correct: true, points: 0 });
    expect(h.player(a).correctCount).toBe(1);
  });
});
