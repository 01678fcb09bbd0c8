/**
 * The scoring rule of every kind of question, as credit from 0 to 1: multi-select's partial
 * credit, typed answers' normalisation and typo tolerance, numbers by closeness, ordering by
 * position; polls and slides give none.
 */
import { describe, expect, it } from 'vitest';
import { editDistance, gradeResponse, normaliseAnswer, shownOrder } from '../../src/main/game/grading';
import type { AnswerFields } from '../../src/shared/protocol';
import { QuestionSchema, type Question } from '../../src/shared/quiz/quiz-schema';

const q = (input: unknown): Question => QuestionSchema.parse(input);
const credit = (question: Question, r: AnswerFields, index = 0) => {
  const graded = gradeResponse(question, index, r);
  if (!graded.ok) throw new Error(graded.reason);
  return graded.credit;
};
const refused = (question: Question, r: AnswerFields, index = 0) => {
  const graded = gradeResponse(question, index, r);
  return graded.ok ? null : graded.reason;
};

describe('true/false', () => {
  const tf = q({ kind: 'true_false', prompt: 'The sun is a star.', correct: true });
  it('takes option 0 as true and 1 as false', () => {
    expect(credit(tf, { option: 0 })).toBe(1);
    expect(credit(tf, { option: 1 })).toBe(0);
    expect(refused(tf, { option: 2 })).toMatch(/does not exist/);
    expect(refused(tf, { text: 'true' })).toMatch(/takes one option/);
  });
});

describe('multi-select partial credit', () => {
  // Right: 0 and 2 of four options.
  const multi = q({
    kind: 'multi_select',
    prompt: 'Primes?',
    options: ['2', '4', '5', '9'],
    correct: [0, 2],
  });
  it('gives 1 for every right option and nothing else', () => {
    expect(credit(multi, { options: [2, 0] })).toBe(1);
  });
  it('earns each right option its share and takes a share for each wrong one, never below 0', () => {
    expect(credit(multi, { options: [0] })).toBe(0.5);
    expect(credit(multi, { options: [0, 1] })).toBe(0);
    expect(credit(multi, { options: [0, 2, 1] })).toBe(0.5);
    expect(credit(multi, { options: [1, 3] })).toBe(0);
    expect(credit(multi, { options: [] })).toBe(0);
  });
  it('never pays picking every option more than picking none', () => {
    expect(credit(multi, { options: [0, 1, 2, 3] })).toBe(0);
  });
  it('refuses options that do not exist or repeat', () => {
    expect(refused(multi, { options: [4] })).toMatch(/does not exist/);
    expect(refused(multi, { options: [1, 1] })).toMatch(/twice/);
  });
});

describe('typed answers', () => {
  const typed = q({ kind: 'typed', prompt: 'Which city holds the Louvre?', accepted: ['Paris'] });
  const tolerant = q({
    kind: 'typed',
    prompt: 'Who wrote Faust?',
    accepted: ['Goethe', 'Johann Wolfgang von Goethe'],
    typos: true,
  });
  it('ignores case, accents, spacing and punctuation', () => {
    expect(normaliseAnswer('  Café-au-LAIT!  ')).toBe('cafe au lait');
    expect(credit(typed, { text: ' pARis. ' })).toBe(1);
    expect(credit(typed, { text: 'Pàris' })).toBe(1);
    expect(credit(typed, { text: 'Lyon' })).toBe(0);
    expect(credit(typed, { text: '!!!' })).toBe(0);
  });
  it('takes one typo only when the question allows them', () => {
    expect(credit(typed, { text: 'Pariss' })).toBe(0);
    expect(credit(tolerant, { text: 'Geothe' })).toBe(1);
    expect(credit(tolerant, { text: 'Gothe' })).toBe(1);
    expect(credit(tolerant, { text: 'Gauthe' })).toBe(0);
    expect(credit(tolerant, { text: 'johan wolfgang von gote' })).toBe(0);
    expect(credit(tolerant, { text: 'johan wolfgang von goethe' })).toBe(1);
  });
  it('counts swapped neighbours as one edit', () => {
    expect(editDistance('abcd', 'abdc', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });
});

describe('number answers', () => {
  const n = q({
    kind: 'number',
    prompt: 'Year?',
    min: 1900,
    max: 2000,
    step: 1,
    correct: 1969,
    tolerance: 10,
  });
  it('gives full credit on the value and falls to none at the tolerance', () => {
    expect(credit(n, { value: 1969 })).toBe(1);
    expect(credit(n, { value: 1974 })).toBe(0.5);
    expect(credit(n, { value: 1960 })).toBeCloseTo(0.1);
    expect(credit(n, { value: 1979 })).toBe(0);
    expect(credit(n, { value: 1900 })).toBe(0);
  });
  it('refuses values off the slider', () => {
    expect(refused(n, { value: 2001 })).toMatch(/outside/);
    expect(refused(n, { value: 1969.5 })).toMatch(/step/);
  });
  it('uses a tenth of the range when no tolerance is given', () => {
    const d = q({ kind: 'number', prompt: '%', min: 0, max: 100, step: 5, correct: 50 });
    expect(credit(d, { value: 55 })).toBe(0.5);
  });
});

describe('ordering', () => {
  const o = q({ kind: 'ordering', prompt: 'Oldest first', items: ['A', 'B', 'C', 'D'] });
  it('never shows the items in the right order', () => {
    for (let n = 3; n <= 6; n++)
      for (let seed = 0; seed < 200; seed++) {
        const shown = shownOrder(n, seed);
        expect([...shown].sort()).toEqual(Array.from({ length: n }, (_, i) => i));
        expect(shown).not.toEqual(Array.from({ length: n }, (_, i) => i));
      }
  });
  it('gives the share of items in their right place', () => {
    const shown = shownOrder(4, 0);
    const right = [0, 1, 2, 3].map((position) => shown.indexOf(position));
    expect(credit(o, { order: right })).toBe(1);
    const twoSwapped = [right[1]!, right[0]!, right[2]!, right[3]!];
    expect(credit(o, { order: twoSwapped })).toBe(0.5);
  });
  it('refuses an order that is not every item once', () => {
    expect(refused(o, { order: [0, 0, 1, 2] })).toMatch(/exactly once/);
    expect(refused(o, { order: [0, 1, 2] })).toMatch(/exactly once/);
  });
});

describe('polls and slides', () => {
  it('a poll takes an option and gives no credit; a slide takes nothing', () => {
    const poll = q({ kind: 'poll', prompt: 'Lunch?', options: ['Pizza', 'Soup'] });
    expect(credit(poll, { option: 1 })).toBe(0);
    const slide = q({ kind: 'slide', prompt: 'Round 2', text: 'History' });
    expect(refused(slide, { option: 0 })).toMatch(/slide/);
  });
  it('a poll or slide with points is not a valid question', () => {
    expect(
      QuestionSchema.safeParse({ kind: 'poll', prompt: 'x', options: ['a', 'b'], points: 1000 }).success,
    ).toBe(false);
  });
});
