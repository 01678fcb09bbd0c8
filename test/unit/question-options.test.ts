/**
 * The options every question may have: reading time (the prompt alone before answers open),
 * an explanation that comes with the reveal and never before, options shuffled per player on the
 * phone (graded by their place in the quiz), and points from 0 to 2000 in steps of 100.
 */
import { describe, expect, it } from 'vitest';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import { playerOptionOrder } from '../../src/shared/quiz/seeded-order';
import { EngineHarness } from '../support/engine-harness';

const quiz = parseQuiz({
  title: 'Options',
  questions: [
    {
      kind: 'choice',
      prompt: 'Which is the odd one out?',
      options: ['Oak', 'Pine', 'Rose', 'Birch'],
      correct: 2,
      readingTime: 5,
      timeLimit: 10,
      points: 1500,
      shuffle: true,
      explanation: 'A rose is a shrub; the others are trees.',
    },
  ],
});

function opened(): { h: EngineHarness; ids: string[] } {
  const h = new EngineHarness(quiz, { minPlayers: 0, countdownSeconds: 0 });
  const ids = h.joinAll('Ada', 'Bob');
  h.host({ type: 'start' });
  h.toQuestion(0);
  return { h, ids };
}

describe('reading time', () => {
  it('shows the prompt first and opens answers (and the clock) after it', () => {
    const { h, ids } = opened();
    const q = h.state.round!;
    expect(q.deadline - q.openedAt).toBe(10_000);
    h.send({ kind: 'answer', conn: h.connOf.get(ids[0]!)!, playerId: ids[0]!, question: 0, option: 2 });
    expect(h.lastError).toBe('not_open');
    expect(h.player(ids[0]!).pending).toBeNull();
    h.at(q.openedAt + 1000);
    h.send({ kind: 'answer', conn: h.connOf.get(ids[0]!)!, playerId: ids[0]!, question: 0, option: 2 });
    expect(h.player(ids[0]!).pending).toMatchObject({ option: 2, elapsedMs: 1000, credit: 1 });
  });
});

describe('explanation and points', () => {
  it('sends the explanation with the reveal only, and scores points that are not 1000 or 2000', () => {
    const { h, ids } = opened();
    const asked = h.broadcasts('question', 'everyone', h.allEffects)[0]!;
    expect(JSON.stringify(asked)).not.toContain('rose is a shrub');
    expect(asked.question.shuffle).toBe(true);
    h.at(h.state.round!.openedAt + 100);
    h.send({ kind: 'answer', conn: h.connOf.get(ids[0]!)!, playerId: ids[0]!, question: 0, option: 2 });
    h.closeQuestion();
    expect(h.broadcasts('reveal', 'everyone', h.allEffects)[0]!.reveal.explanation).toBe(
      'A rose is a shrub; the others are trees.',
    );
    expect(h.score(ids[0]!)).toBe(1500);
  });
});

describe('options shuffled per player', () => {
  it('gives each player a fixed order of their own, a permutation of the options', () => {
    const a = playerOptionOrder(4, 'p1', 0);
    expect(playerOptionOrder(4, 'p1', 0)).toEqual(a);
    expect([...a].sort()).toEqual([0, 1, 2, 3]);
    const orders = new Set(Array.from({ length: 30 }, (_, i) => playerOptionOrder(4, `p${i}`, 0).join()));
    expect(orders.size).toBeGreaterThan(5);
  });
});
