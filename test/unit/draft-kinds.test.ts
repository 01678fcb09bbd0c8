import { describe, expect, it } from 'vitest';
import { changeKind } from '../../src/shared/quiz/draft-kinds';
import { quizProblems, type QuizDraftQuestion } from '../../src/shared/quiz/quiz-draft';
import { QUESTION_KINDS } from '../../src/shared/quiz/quiz-schema';

const choice: QuizDraftQuestion = {
  kind: 'choice',
  prompt: 'Longest river?',
  options: ['Nile', 'Amazon', 'Yangtze'],
  correct: 1,
  points: 2000,
  timeLimit: 20,
  readingTime: 3,
  explanation: 'By most measures.',
};

describe('changing a question’s kind in the editor', () => {
  it('keeps the prompt, settings and what carries over', () => {
    const multi = changeKind(choice, 'multi_select');
    expect(multi).toMatchObject({
      kind: 'multi_select',
      prompt: 'Longest river?',
      options: ['Nile', 'Amazon', 'Yangtze'],
      correct: [1],
      points: 2000,
      timeLimit: 20,
      readingTime: 3,
      explanation: 'By most measures.',
    });
    expect(changeKind(choice, 'typed')).toMatchObject({ accepted: ['Amazon'] });
    expect(changeKind(choice, 'ordering')).toMatchObject({ items: ['Nile', 'Amazon', 'Yangtze'] });
    expect(changeKind(choice, 'poll')).toMatchObject({ points: 0, options: choice.options });
    // Back from a poll, points return to the default rather than staying at 0.
    expect(changeKind(changeKind(choice, 'poll'), 'choice')).toMatchObject({ points: 1000, correct: 0 });
    // Six options do not fit a choice question: the first four are kept.
    const six = changeKind(
      { ...choice, kind: 'poll', options: ['a', 'b', 'c', 'd', 'e', 'f'], points: 0 },
      'choice',
    );
    expect(six).toMatchObject({ options: ['a', 'b', 'c', 'd'] });
  });

  it('gives every kind a draft the schema accepts once its blanks are filled', () => {
    for (const from of QUESTION_KINDS) {
      const start = changeKind(choice, from);
      for (const to of QUESTION_KINDS) {
        const q = changeKind(start, to);
        expect(q.kind).toBe(to);
        const filled = JSON.parse(JSON.stringify(q).replace(/""/g, '"filled"')) as QuizDraftQuestion;
        const distinct =
          'options' in filled
            ? { ...filled, options: filled.options.map((o, i) => `${o} ${i}`) }
            : 'items' in filled
              ? { ...filled, items: filled.items.map((o, i) => `${o} ${i}`) }
              : filled;
        expect(quizProblems({ title: 'T', questions: [distinct] }), `${from} → ${to}`).toEqual([]);
      }
    }
  });

  it('changes nothing when the kind stays', () => {
    expect(changeKind(choice, 'choice')).toBe(choice);
  });
});
