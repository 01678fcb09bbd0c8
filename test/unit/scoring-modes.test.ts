/** Scoring modes as room settings, played through the engine: accuracy, streaks, penalty, survey. */
import { describe, expect, it } from 'vitest';
import { scoreAnswer } from '../../src/main/game';
import type { GameSettings } from '../../src/shared/protocol';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol';
import { plainQuiz, playAlice } from '../support/engine-harness';

/** Alice's points per question in a room with `settings`, her record, and the table. */
function play(settings: Partial<GameSettings>, plan: (number | null)[], ms = 0) {
  const { points, alice, h } = playAlice(plainQuiz(plan.length), plan, ms, settings);
  return { points, player: h.player(alice), h };
}

describe('scoring modes', () => {
  it('accuracy: a right answer scores the full points however long it took', () => {
    expect(play({ scoringMode: 'accuracy' }, [0, 0], 9_000).points).toEqual([1000, 1100]);
  });

  it('streak bonus off: right answers in a row score no more than alone', () => {
    expect(play({ streakBonus: false }, [0, 0, 0]).points).toEqual([1000, 1000, 1000]);
  });

  it('wrong-answer penalty: a wrong answer loses that share of the points, a missing one nothing', () => {
    const { points, player } = play({ wrongAnswerPenalty: 25 }, [0, 1, null, 2]);
    expect(points).toEqual([1000, -250, 0, -250]);
    expect(player.score).toBe(500);
    expect(player.answers.map((a) => a?.points ?? null)).toEqual([1000, -250, null, -250]);
  });

  it('a penalty never takes a score below 0', () => {
    const { points, player } = play({ wrongAnswerPenalty: 100 }, [1, 0, 1, 1]);
    expect(points).toEqual([0, 1000, -1000, 0]);
    expect(player.score).toBe(0);
  });

  it('survey: nothing is scored, nobody is right, and everyone ranks by join order', () => {
    const { points, player, h } = play({ scoringMode: 'survey' }, [0, 1, 0]);
    expect(points).toEqual([0, 0, 0]);
    expect(player.score).toBe(0);
    expect(player.correctCount).toBe(0);
    expect(player.streak).toBe(0);
    expect(h.state.ranking.map((id) => h.player(id).name)).toEqual(['Alice', 'Bob']);
  });

  it('the engine and a question kind that grades to partial credit use the same function', () => {
    const rules = DEFAULT_SETTINGS;
    const half = scoreAnswer(
      { credit: 0.5, elapsedMs: 0, timeLimitMs: 10_000, points: 1000, streak: 3, score: 0 },
      rules,
    );
    // Half credit: half the points, and the streak is broken, so no bonus.
    expect(half).toEqual({ points: 500, streak: 0, correct: false });
  });
});
