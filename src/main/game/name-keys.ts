/**
 * When two nicknames look the same. Each name gets keys; two names that share a key look alike
 * and cannot both be in a room. The keys are confusable skeletons (Unicode TS #39, section 4:
 * NFD, each character replaced by its prototype from confusables.txt, NFD again), taken of the
 * name as written and of its case-folded compatibility form, so that "Ada", "ADA", "Аda" (with
 * a Cyrillic А), "ꓮda" and "Ａda" are one name, and so are "Player1", "Playerl" and "PlayerI".
 *
 * The table is `unhomoglyph`'s copy of confusables.txt (Unicode 13.0): characters added to Unicode
 * since then are not mapped. It stays on the host: phones never download it.
 */
import confusables from 'unhomoglyph/data.json';

const PROTOTYPES: ReadonlyMap<string, string> = new Map(
  Object.entries(confusables as Record<string, string>),
);

/** Emoji presentation selectors change how a character is drawn, not which one it is. */
const PRESENTATION = /[\ufe0e\ufe0f]/gu;

/** The TS #39 skeleton of `text`. */
export function skeleton(text: string): string {
  let mapped = '';
  for (const ch of text.normalize('NFD')) mapped += PROTOTYPES.get(ch) ?? ch;
  return mapped.normalize('NFD');
}

/**
 * Full case folding as far as JavaScript offers it: upper then lower case folds ß to ss and ς to
 * σ, as well as A to a. NFKC first, so that compatibility forms (full-width, mathematical,
 * ligatures, circled letters) fold to the letters they show.
 */
function fold(text: string): string {
  return text.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

function tidy(key: string): string {
  return key.replace(PRESENTATION, '').replace(/\s+/gu, ' ');
}

/**
 * The keys of a (checked, NFC) name: its skeleton as written, which tells "AdaI" and "Adal" alike
 * (a capital I and a small L), and the skeleton of its case-folded form, folded and taken again,
 * because a prototype may be a capital letter (ꓮ -> A) that only the second fold meets.
 */
export function nameKeys(name: string): string[] {
  const asWritten = tidy(skeleton(name.normalize('NFKC')));
  const folded = foldedKey(name);
  return asWritten === folded ? [asWritten] : [asWritten, folded];
}

/**
 * The case- and lookalike-blind key of `text` (the second of `nameKeys`): what the nickname
 * filter compares, so that "ＦＵＣＫ" or one with a Cyrillic letter is the word it shows.
 */
export function foldedKey(text: string): string {
  return tidy(skeleton(fold(skeleton(fold(text)))));
}
