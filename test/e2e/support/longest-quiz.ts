/**
 * The longest texts the quiz format allows (prompt 500 characters, options 160, nicknames 24), for
 * checking that every screen still fits. Real words, with one long unbreakable word, because that
 * is what wraps worst.
 */
import { MAX_NAME_LENGTH } from '../../../src/shared/nickname';
import { QuizSchema, type Quiz } from '../../../src/shared/quiz/quiz-schema';

export const MAX_PROMPT = 500;
export const MAX_OPTION = 160;

/** `text` repeated and cut to exactly `length` characters (never ending on a space). */
export function exactly(length: number, text: string): string {
  let out = text;
  while (out.length < length) out += ` ${text}`;
  out = out.slice(0, length);
  return out.endsWith(' ') ? `${out.slice(0, -1)}s` : out;
}

const PROMPT =
  'Which of these statements about the water cycle, the oceans and the weather that shapes every continent is the one that scientists at the international meteorological institutes agree on, considering evaporation, condensation, precipitation and the long journey of groundwater';
const OPTION = [
  'Evaporation from the oceans supplies most of the water vapour that later falls as rain and snow over the land',
  'Pneumonoultramicroscopicsilicovolcanoconiosis is a word, and clouds form when warm air rises and its water vapour condenses on tiny particles',
  'Groundwater can stay underground for thousands of years before it reaches a river, a lake or the sea again',
  'The amount of water on Earth stays almost the same, because the cycle moves water around rather than making new water',
];

function options(count: number, salt: string): string[] {
  return OPTION.slice(0, count).map((o, i) => exactly(MAX_OPTION, `${salt}${i + 1}: ${o}`));
}

export const LONGEST_QUIZ: Quiz = QuizSchema.parse({
  title: exactly(60, 'The great water cycle and weather quiz for the whole school'),
  questions: [
    { kind: 'choice', prompt: exactly(MAX_PROMPT, PROMPT), options: options(4, 'A'), correct: 0 },
    {
      kind: 'choice',
      prompt: exactly(MAX_PROMPT, `Double points: ${PROMPT}`),
      options: options(2, 'B'),
      correct: 1,
      points: 2000,
    },
    // The shortest time allowed, for the "time's up" moment.
    {
      kind: 'choice',
      prompt: exactly(MAX_PROMPT, PROMPT),
      options: options(3, 'C'),
      correct: 2,
      timeLimit: 5,
    },
  ],
});

/** A nickname of the longest length, unique by `n`; the widest letters when `wide`. */
export function longName(n: number, wide = false): string {
  const suffix = ` ${n}`;
  const base = wide ? 'W'.repeat(MAX_NAME_LENGTH) : 'Maximiliana Wolkenstein-Harrington';
  return base.slice(0, MAX_NAME_LENGTH - suffix.length) + suffix;
}
