/**
 * The scoring rules as properties (docs/protocol.md, section 11): for any credit, time, points,
 * streak, score and room settings, an answer's points stay within their bounds, more credit never
 * scores less, accuracy ignores time, a survey scores nothing, a penalty never takes a score below
 * 0; and the ranking breaks ties as documented.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scoreAnswer, type AnswerToScore, type ScoringRules } from '../../src/main/game';
import { comparePlayers } from '../../src/main/game/leaderboard';
import { STREAK_CAP } from '../../src/main/game/scoring';
import type { Player } from '../../src/main/game';
import { SCORING_MODES } from '../../src/shared/protocol/setting-limits';

const SEED = 20_261_203;
const RUNS = 500;

const rulesArb: fc.Arbitrary<ScoringRules> = fc.record({
  scoringMode: fc.constantFrom(...SCORING_MODES),
  streakBonus: fc.boolean(),
  wrongAnswerPenalty: fc.integer({ min: 0, max: 100 }),
});

const answerArb: fc.Arbitrary<AnswerToScore> = fc
  .record({
    credit: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    timeLimitMs: fc.integer({ min: 5_000, max: 240_000 }),
    elapsedFraction: fc.double({ min: 0, max: 1, noNaN: true }),
    points: fc.constantFrom(0, 1000, 2000),
    streak: fc.nat(30),
    score: fc.nat(100_000),
  })
  .map(({ elapsedFraction, ...a }) => ({ ...a, elapsedMs: Math.round(elapsedFraction * a.timeLimitMs) }));

const check = <Ts extends unknown[]>(property: fc.IProperty<Ts>) =>
  fc.assert(property, { seed: SEED, numRuns: RUNS });

describe('points for one answer (property)', () => {
  it('stay between minus the penalty (at most the score so far) and the points plus the streak cap', () => {
    check(
      fc.property(answerArb, rulesArb, (a, rules) => {
        const { points } = scoreAnswer(a, rules);
        expect(Number.isInteger(points)).toBe(true);
        expect(points).toBeLessThanOrEqual(a.points + (rules.streakBonus ? STREAK_CAP : 0));
        const penalty = Math.round((a.points * rules.wrongAnswerPenalty) / 100);
        expect(points).toBeGreaterThanOrEqual(-Math.min(penalty, a.score));
        expect(a.score + points).toBeGreaterThanOrEqual(0);
        if (points < 0) expect(a.credit).toBe(0);
      }),
    );
  });

  it('never score less for more credit, the rest being equal', () => {
    check(
      fc.property(answerArb, rulesArb, fc.double({ min: 0, max: 1, noNaN: true }), (a, rules, more) => {
        if (a.credit === null) return;
        const higher = Math.max(a.credit, more);
        expect(scoreAnswer({ ...a, credit: higher }, rules).points).toBeGreaterThanOrEqual(
          scoreAnswer(a, rules).points,
        );
      }),
    );
  });

  it('never score less for a faster answer; in accuracy mode time does not count at all', () => {
    check(
      fc.property(answerArb, rulesArb, fc.nat(240_000), (a, rules, other) => {
        const faster = { ...a, elapsedMs: Math.min(a.elapsedMs, other) };
        const base = scoreAnswer(a, rules).points;
        expect(scoreAnswer(faster, rules).points).toBeGreaterThanOrEqual(base);
        if (rules.scoringMode === 'accuracy')
          expect(scoreAnswer({ ...a, elapsedMs: other }, rules).points).toBe(base);
      }),
    );
  });

  it('are 0 in a survey room, and a survey keeps streaks as they were', () => {
    check(
      fc.property(answerArb, rulesArb, (a, rules) => {
        const scored = scoreAnswer(a, { ...rules, scoringMode: 'survey' });
        expect(scored.points).toBe(0);
        expect(scored.streak).toBe(a.streak);
      }),
    );
  });

  it('give a full-credit answer the streak + 1, break it otherwise, and add no bonus when bonuses are off', () => {
    check(
      fc.property(answerArb, rulesArb, (a, rules) => {
        const scored = scoreAnswer(a, rules);
        if (rules.scoringMode === 'survey' || a.points === 0) return;
        expect(scored.streak).toBe(a.credit === 1 ? a.streak + 1 : 0);
        const noBonus = scoreAnswer(a, { ...rules, streakBonus: false });
        expect(noBonus.points).toBeLessThanOrEqual(a.points);
      }),
    );
  });
});

describe('ties (property)', () => {
  const playerArb = fc.record({
    score: fc.nat(5),
    correctCount: fc.nat(3),
    totalTimeMs: fc.nat(3),
    seq: fc.nat(1_000),
  });

  it('rank by score, then more right answers, then less answer time, then earlier join', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(playerArb, { selector: (p) => p.seq, minLength: 2, maxLength: 30 }),
        (rows) => {
          const players = rows.map((r) => r as unknown as Player);
          const sorted = [...players].sort(comparePlayers);
          for (let i = 1; i < sorted.length; i++) {
            const a = sorted[i - 1]!;
            const b = sorted[i]!;
            const key = (p: Player) => [-p.score, -p.correctCount, p.totalTimeMs, p.seq];
            const [ka, kb] = [key(a), key(b)];
            const first = ka.findIndex((v, k) => v !== kb[k]);
            expect(first).toBeGreaterThanOrEqual(0);
            expect(ka[first]!).toBeLessThan(kb[first]!);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
