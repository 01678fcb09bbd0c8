/**
 * The nickname filter: whether a name holds a swear word, in any of the languages of
 * `@2toad/profanity`'s word lists (English, Spanish, German, French, Italian, Portuguese, Russian,
 * Arabic, Hindi, Chinese, Japanese, Korean). The library's lists are compared through the same
 * lookalike fold as nickname uniqueness (name-keys.ts), so that full-width letters, a Cyrillic
 * "о" or a capital I for an l do not slip a word past it.
 *
 * Words are matched whole, not inside other words, so that "Cassandra" and "Scunthorpe" pass:
 * a name is cut into words at spaces, punctuation and lower-to-upper case changes ("BadWord"),
 * digits around a word are dropped ("word123"), and the name with its separators removed is
 * tried too ("w.o.r.d"). Words in scripts written without spaces (Chinese, Japanese, Korean,
 * Thai) are found anywhere in the name. The lists hold some entries too short to judge a name by
 * ("b", "t", "no"): a word in a spaced script counts from 3 characters, one in an unspaced script
 * from 2. Some words on the lists are also common names (`ALLOWED`) and are let through.
 * Runs on the host only: phones never download the lists.
 */
import { profaneWords } from '@2toad/profanity';
import { foldedKey } from './name-keys';

const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;

interface WordIndex {
  /** Folded single words, matched against a whole word of the name. */
  words: Set<string>;
  /** Folded phrases of several words, as " a b ", matched at word boundaries. */
  phrases: string[];
  /** Folded words in scripts without spaces, matched anywhere. */
  unspaced: string[];
}

/** Names people really have that the lists count as rude in some language. */
const ALLOWED = ['Wang', 'Fanny', 'Mo'];

let index: WordIndex | null = null;

/** Built on first use: the lists hold a few thousand words and most rooms never need them. */
function wordIndex(): WordIndex {
  if (index) return index;
  const built: WordIndex = { words: new Set(), phrases: [], unspaced: [] };
  const allowed = new Set(ALLOWED.map(foldedKey));
  for (const list of profaneWords.values()) {
    for (const word of list) {
      const key = foldedKey(word.trim());
      const length = [...word.trim()].length;
      if (allowed.has(key)) continue;
      if (UNSPACED_SCRIPT.test(word)) {
        if (length >= 2) built.unspaced.push(key);
      } else if (length < 3) continue;
      else if (key.includes(' ')) built.phrases.push(` ${key} `);
      else built.words.add(key);
    }
  }
  index = built;
  return built;
}

const SEPARATORS = /[\p{Z}\p{P}]+/u;
const CASE_CHANGE = /(\p{Ll})(?=\p{Lu})/gu;
const EDGE_DIGITS = /^\p{Nd}+|\p{Nd}+$/gu;

/** Whether a (checked) nickname holds a swear word from the lists. */
export function isProfaneName(name: string): boolean {
  const { words, phrases, unspaced } = wordIndex();
  const tokens = name.replace(CASE_CHANGE, '$1 ').split(SEPARATORS).filter(Boolean);
  const keys: string[] = [];
  for (const token of tokens) {
    const key = foldedKey(token);
    keys.push(key);
    if (words.has(key)) return true;
    const bare = token.replace(EDGE_DIGITS, '');
    if (bare !== token && bare.length > 0 && words.has(foldedKey(bare))) return true;
  }
  const compact = foldedKey(tokens.join(''));
  if (words.has(compact)) return true;
  const spaced = ` ${keys.join(' ')} `;
  if (phrases.some((p) => spaced.includes(p))) return true;
  return unspaced.some((w) => compact.includes(w));
}
