/**
 * Fair play with pictures: whatever the quiz, its pictures and the order each phone shows the
 * options in, nothing a phone receives before the question closes depends on which option is
 * right. Two quizzes that differ only in their right answer send byte-identical messages up to
 * the close (the `media` list, the question with its pictures, the snapshots); a phone's options
 * keep their pictures through its shuffle; and every media name sent is one of the quiz's own
 * content hashes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/main/game';
import type { ServerMessage } from '../../src/shared/protocol';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { playerOptionOrder } from '../../src/shared/quiz/seeded-order';
import { EngineHarness, messagesIn } from '../support/engine-harness';

const SEED = 20_261_203;
const RUNS = 150;

const ref = (n: number) => `${n.toString(16).padStart(64, '0')}.png`;

interface Shape {
  options: number;
  pictures: (number | null)[];
  image: number | null;
  shuffle: boolean;
  kind: 'choice' | 'multi_select';
}

const shapeArb: fc.Arbitrary<Shape> = fc
  .record({
    options: fc.integer({ min: 2, max: 4 }),
    pictures: fc.array(fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }), {
      minLength: 4,
      maxLength: 4,
    }),
    image: fc.option(fc.integer({ min: 41, max: 60 }), { nil: null }),
    shuffle: fc.boolean(),
    kind: fc.constantFrom<'choice' | 'multi_select'>('choice', 'multi_select'),
  })
  .map((s) => ({ ...s, pictures: s.pictures.slice(0, s.options) }));

function quizOf(shape: Shape, right: number): Quiz {
  const options = Array.from({ length: shape.options }, (_, i) => `Option ${i + 1}`);
  // Distinct pictures per question (the schema does not require it; the test's hashes stay apart).
  const optionImages = shape.pictures.map((p, i) => (p === null ? null : ref(p * 10 + i)));
  const pictured = {
    prompt: 'Which one?',
    options,
    optionImages,
    shuffle: shape.shuffle,
    ...(shape.image === null ? {} : { image: ref(shape.image * 1000) }),
  };
  return parseQuiz({
    title: 'Pictures',
    questions: [
      { kind: 'choice', prompt: 'Warm-up?', options: ['a', 'b'], correct: 0 },
      shape.kind === 'choice'
        ? { kind: 'choice', ...pictured, correct: right }
        : { kind: 'multi_select', ...pictured, correct: [right] },
    ],
  });
}

/** Plays to the close of the picture question; returns what went to phones up to its close, in order. */
function sentBeforeClose(quiz: Quiz): { messages: string[]; snapshots: string[]; players: string[] } {
  const h = new EngineHarness(quiz, { minPlayers: 0 });
  const players = h.joinAll('Ann', 'Bob', 'Cy');
  h.startGame();
  for (const id of players) h.answer(id, 0);
  const phones = (effects: readonly Effect[]): ServerMessage[] =>
    effects
      .filter((e) => !(e.kind === 'broadcast' && e.audience === 'hosts'))
      .flatMap((e) => messagesIn([e]))
      .filter((m) => m.type !== 'reveal' && m.type !== 'result');
  const snapshots: string[] = [];
  const look = () => {
    for (const id of players) snapshots.push(JSON.stringify(h.snapshot({ role: 'player', playerId: id })));
  };
  // From the warm-up's reveal (which names the picture question's pictures) to the picture question.
  const from = h.log.length - 1;
  look();
  h.send({ kind: 'media_ready', playerId: players[0]!, question: 1 });
  h.fireUntil((s) => s.phase === 'leaderboard');
  look();
  h.toQuestion(1);
  look();
  h.answer(players[1]!, 0);
  look();
  expect(h.state.round!.closed).toBe(false);
  const messages = h.log.slice(from).flatMap((r) => phones(r.effects).map((m) => JSON.stringify(m)));
  return { messages, snapshots, players };
}

describe('pictures never tell the right option', () => {
  it('sends the same bytes before the close whichever option is right', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(3), fc.nat(3), (shape, a, b) => {
        const one = sentBeforeClose(quizOf(shape, a % shape.options));
        const other = sentBeforeClose(quizOf(shape, b % shape.options));
        expect(one.messages).toEqual(other.messages);
        expect(one.snapshots).toEqual(other.snapshots);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('names only the quiz’s own pictures, by their hashes', () => {
    fc.assert(
      fc.property(shapeArb, fc.nat(3), (shape, right) => {
        const quiz = quizOf(shape, right % shape.options);
        const q = quiz.questions[1]!;
        const own = new Set<string>([
          ...(q.image ? [q.image] : []),
          ...('optionImages' in q && q.optionImages ? q.optionImages.filter((r): r is string => !!r) : []),
        ]);
        const { messages } = sentBeforeClose(quiz);
        for (const m of messages)
          for (const name of m.match(/[0-9a-f]{64}\.[a-z0-9]+/g) ?? []) expect(own.has(name)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('keeps each option’s picture with it in every phone’s shuffled order', () => {
    fc.assert(
      fc.property(shapeArb, fc.string({ minLength: 1, maxLength: 12 }), (shape, playerId) => {
        const quiz = quizOf({ ...shape, shuffle: true }, 0);
        const q = quiz.questions[1]!;
        if (!('optionImages' in q) || !q.optionImages) return;
        const pairs = new Set(q.options.map((text, i) => `${text}|${q.optionImages![i]}`));
        const h = new EngineHarness(quiz, { minPlayers: 0 });
        const [ann] = h.joinAll('Ann');
        h.startGame();
        h.answer(ann!, 0);
        h.send({ kind: 'media_ready', playerId: ann!, question: 1 });
        h.toQuestion(1);
        const view = h.broadcasts('question', 'everyone')[0]!.question;
        expect(view.shuffle).toBe(true);
        // The phone draws place p as option order[p] with picture order[p] (question-screen.tsx).
        const order = playerOptionOrder(view.options.length, playerId, view.index);
        for (const i of order) {
          const picture = view.optionImages ? view.optionImages[i] : null;
          expect(pairs.has(`${view.options[i]}|${picture ?? null}`)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 50 },
    );
  });
});
