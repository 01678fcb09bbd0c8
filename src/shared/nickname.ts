/**
 * Nickname rules, shared so that a phone can check a name before sending it: a name is something
 * a person can read and tell apart. Trimmed, NFC, 1 to 24 characters; no control, invisible,
 * private-use, unassigned or blank-looking characters (the joiners and selectors inside an emoji
 * sequence are part of the emoji and allowed); no pile of accents on one letter. Whether a name
 * looks like one already in the room is the host's check (src/main/game/name-keys.ts): it needs
 * the confusables table, which phones must not download.
 *
 * Everything here uses the JavaScript engine's own Unicode data (property escapes), so no table
 * is bundled.
 */
export const MAX_NAME_LENGTH = 24;
/** Combining marks one character may carry: Hebrew points and Tibetan stacks need 3, towers more. */
export const MAX_MARKS_IN_A_ROW = 4;

export type NameCheck = { ok: true; name: string } | { ok: false; reason: string };

// U+2028/2029 are line breaks that trim() would also drop at the ends; inside a name they are refused.
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;
const PRIVATE_USE = /\p{Co}/u;
const UNASSIGNED = /\p{Cn}/u;
const LONE_SURROGATE = /\p{Cs}/u;
const MARK = /\p{M}/u;
/** Spaces other than U+0020 (no-break, ideographic, thin…). */
const OTHER_SPACE = /(?! )\p{Zs}/gu;
/**
 * Letters and symbols that draw nothing but are not "invisible" by Unicode's properties: the
 * Braille blank, the Hangul fillers (also default-ignorable), the musical null notehead, the
 * object replacement character (drawn as nothing or a box, depending on the font).
 */
const BLANK_LOOKING = /[\u2800\u115f\u1160\u3164\uffa0\u{1d159}\ufffc]/u;
const VISIBLE = /[\p{L}\p{N}\p{S}\p{P}]/u;
/** Any character that needs a closer look; most names have none and skip the walk below. */
const SUSPECT =
  /[\p{Cc}\p{Zl}\p{Zp}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Co}\p{Cn}\p{M}\u2800\u115f\u1160\u3164\uffa0\u{1d159}\ufffc]/u;

/**
 * Emoji sequences (ZWJ sequences, flags, keycaps, skin tones, tag sequences): only those Unicode
 * recommends (RGI), so an invisible tag or joiner cannot hide behind an emoji. An engine without
 * the `v` flag (old phones) gets a looser pattern; the host checks again with the exact one.
 */
const EMOJI_SEQUENCE: RegExp = (() => {
  try {
    return new RegExp('\\p{RGI_Emoji}', 'gv');
  } catch {
    return /(?:\p{Extended_Pictographic}|\p{Regional_Indicator}|[#*0-9])(?:\ufe0f|\u20e3|\p{Emoji_Modifier}|[\u{e0020}-\u{e007f}]|\u200d\p{Extended_Pictographic}|\p{Regional_Indicator})*/gu;
  }
})();

/** Character positions (counting from 0, in code points) that belong to an emoji sequence. */
function emojiPositions(name: string): Set<number> {
  const inside = new Set<number>();
  for (const match of name.matchAll(EMOJI_SEQUENCE)) {
    const start = [...name.slice(0, match.index)].length;
    const length = [...match[0]].length;
    for (let i = 0; i < length; i++) inside.add(start + i);
  }
  return inside;
}

const refuse = (reason: string): NameCheck => ({ ok: false, reason });

/** What is wrong with the character at `position` (from 1), or null when a name may hold it. */
function characterProblem(ch: string, position: number): string | null {
  const at = `at position ${position}`;
  if (CONTROL.test(ch)) return `The nickname contains a control character or line break ${at}; remove it.`;
  if (INVISIBLE.test(ch))
    return `The nickname contains an invisible character ${at}; type the name again without it.`;
  if (PRIVATE_USE.test(ch))
    return `The nickname contains a private-use character ${at}, which looks different on every device; remove it.`;
  if (UNASSIGNED.test(ch))
    return `The nickname contains a character ${at} that Unicode does not define; remove it.`;
  if (BLANK_LOOKING.test(ch)) return `The nickname contains a blank-looking character ${at}; remove it.`;
  return null;
}

export function checkNickname(raw: string): NameCheck {
  const rawChars = [...raw];
  const broken = rawChars.findIndex((c) => LONE_SURROGATE.test(c));
  if (broken >= 0)
    return refuse(
      `The nickname contains a broken character at position ${broken + 1} (half of an emoji or symbol); type it again.`,
    );
  // Other spaces (no-break, ideographic…) become ordinary ones, and a run of spaces one space, so
  // that "Ada Lovelace" cannot come back as "Ada  Lovelace" and look the same.
  const name = raw.normalize('NFC').trim().replace(OTHER_SPACE, ' ').replace(/ {2,}/g, ' ');
  if (name.length === 0) return refuse('Enter a nickname.');
  const chars = [...name];
  const suspect = SUSPECT.test(name);
  const emoji = suspect ? emojiPositions(name) : new Set<number>();
  let marks = 0;
  for (let i = 0; suspect && i < chars.length; i++) {
    if (emoji.has(i)) {
      marks = 0;
      continue;
    }
    const ch = chars[i]!;
    const problem = characterProblem(ch, i + 1);
    if (problem) return refuse(problem);
    if (!MARK.test(ch)) {
      marks = 0;
      continue;
    }
    if (i === 0) return refuse('The nickname starts with an accent that has no letter under it; remove it.');
    if (++marks > MAX_MARKS_IN_A_ROW) {
      const base = i - marks + 1;
      return refuse(
        `The letter at position ${base} carries more than ${MAX_MARKS_IN_A_ROW} accents; use at most ${MAX_MARKS_IN_A_ROW} on one letter.`,
      );
    }
  }
  if (!VISIBLE.test(name))
    return refuse('The nickname needs at least one letter, digit or symbol that people can see.');
  if (chars.length > MAX_NAME_LENGTH)
    return refuse(`A nickname can be at most ${MAX_NAME_LENGTH} characters.`);
  return { ok: true, name };
}
