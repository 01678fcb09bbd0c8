/** Loading a quiz: errors name the question number and the field; JSON errors name line and column. */
import { describe, expect, it } from 'vitest';
import { builtinMix, builtinPack } from '../../src/shared/quiz/builtin-pack';
import { describePath, loadQuizText, parseQuiz, QuizError } from '../../src/shared/quiz/load-quiz';

const question = (fields: object = {}) => ({
  kind: 'choice',
  prompt: 'Which?',
  options: ['a', 'b', 'c', 'd'],
  correct: 0,
  ...fields,
});
const quiz = (...questions: object[]) => ({ title: 'A quiz', questions });

function problemsOf(value: unknown): string[] {
  try {
    parseQuiz(value);
  } catch (e) {
    expect(e).toBeInstanceOf(QuizError);
    return (e as QuizError).problems;
  }
  throw new Error('the quiz was accepted');
}

function jsonErrorOf(text: string): string {
  try {
    loadQuizText(text, 'my-quiz.json');
  } catch (e) {
    expect(e).toBeInstanceOf(QuizError);
    return (e as Error).message;
  }
  throw new Error('the text was accepted');
}

describe('a valid quiz', () => {
  it('gets the defaults: 1000 points, and the room setting for time', () => {
    const loaded = parseQuiz(
      quiz(question(), question({ options: ['True', 'False'], points: 2000, timeLimit: 20 })),
    );
    expect(loaded.questions[0]).toMatchObject({ points: 1000 });
    expect(loaded.questions[0]?.timeLimit).toBeUndefined();
    expect(loaded.questions[1]).toMatchObject({ options: ['True', 'False'], points: 2000, timeLimit: 20 });
  });

  it('accepts 0-point questions', () => {
    expect(parseQuiz(quiz(question({ points: 0 }))).questions[0]?.points).toBe(0);
  });

  it('loads from JSON text', () => {
    expect(loadQuizText(JSON.stringify(quiz(question()))).title).toBe('A quiz');
  });
});

describe('an invalid quiz', () => {
  it('names the question number and field of a correct option that does not exist', () => {
    expect(problemsOf(quiz(question(), question({ correct: 4 })))).toEqual([
      'question 2, correct: points at option 5 but there are only 4 options (it counts from 0)',
    ]);
  });

  it.each([
    ['too few options', question({ options: ['only'] }), 'question 1, options: needs at least 2 options'],
    [
      'too many options',
      question({ options: ['a', 'b', 'c', 'd', 'e'] }),
      'question 1, options: has more than 4 options',
    ],
    ['an empty option', question({ options: ['a', ' '] }), 'question 1, options[1]: must not be empty'],
    [
      'a repeated option',
      question({ options: ['Paris', 'paris'] }),
      'question 1, options[1]: repeats "paris"',
    ],
    ['an empty prompt', question({ prompt: '   ' }), 'question 1, prompt: must not be empty'],
    ['other points', question({ points: 550 }), 'question 1, points: must be 0 to 2000 in steps of 100'],
    ['too many points', question({ points: 2100 }), 'question 1, points: must be 0 to 2000 in steps of 100'],
    [
      'a fractional correct option',
      question({ correct: 1.5 }),
      'question 1, correct: must be a whole number',
    ],
  ])('names the question and field for %s', (_what, bad, problem) => {
    expect(problemsOf(quiz(bad))).toEqual([problem]);
  });

  it('names the field of an unknown question kind and of a time limit out of range', () => {
    expect(problemsOf(quiz(question(), question(), question({ kind: 'essay' })))[0]).toMatch(
      /^question 3, kind: /,
    );
    expect(problemsOf(quiz(question({ timeLimit: 2 })))[0]).toMatch(/^question 1, timeLimit: /);
  });

  it('lists every problem, not just the first', () => {
    expect(problemsOf({ title: '', questions: [] })).toEqual([
      'title: must not be empty',
      'questions: needs at least one question',
    ]);
  });

  it('says what the file is and what is wrong in the message', () => {
    expect(() => parseQuiz(quiz(question({ correct: 9 })), 'history.json')).toThrow(
      /^history\.json is not a valid quiz:\n {2}question 1, correct: /,
    );
  });

  it('describes paths the way a person counts', () => {
    expect(describePath(['questions', 2, 'options', 1])).toBe('question 3, options[1]');
    expect(describePath([])).toBe('the quiz');
  });
});

describe('a file that is not JSON', () => {
  it('gives the line and column of a missing comma', () => {
    expect(jsonErrorOf('{\n  "title": "T"\n  "questions": []\n}')).toMatch(
      /^my-quiz\.json is not valid JSON at line 3, column 3: /,
    );
  });

  it('gives the line and column of a trailing comma', () => {
    expect(jsonErrorOf('{\n "title": "T",\n}')).toMatch(/at line 3, column 1: /);
  });

  it('gives the line and column of an unterminated string', () => {
    expect(jsonErrorOf('{\n  "title": "x')).toMatch(/at line 2, column 14: /);
  });

  it('gives the line and column of text after the quiz', () => {
    expect(jsonErrorOf('{"title": "x"}}')).toMatch(/at line 1, column 15: /);
  });

  it('gives the line and column of an unexpected character', () => {
    expect(jsonErrorOf('{\n  "title": "x",\n  "questions": [}\n')).toMatch(/line 3, column 17/);
  });

  it('gives the line and column where a cut-off file ends', () => {
    expect(jsonErrorOf('{\n  "title": "x",\n  "questions": [')).toMatch(/line 3, column 17/);
  });
});

describe('the built-in pack', () => {
  it('holds at least 40 valid questions across several quizzes', () => {
    const pack = builtinPack();
    expect(pack.length).toBeGreaterThanOrEqual(3);
    expect(pack.reduce((n, p) => n + p.quiz.questions.length, 0)).toBeGreaterThanOrEqual(40);
  });

  it('mixes into one valid quiz', () => {
    expect(() => parseQuiz(builtinMix())).not.toThrow();
  });
});
