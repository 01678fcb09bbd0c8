/**
 * When two names on a class list are the same person's: the key a name is matched by, ignoring
 * case, accents and spacing ("Zoë  Müller" is "zoe muller"). Plain code (no zod, no tables), so
 * that the host, the settings' schema and a phone's pick list all match names the same way.
 */

/** Combining marks (accents) once a name is decomposed. */
const MARKS = /\p{M}/gu;

/** The key `name` is matched by: NFKD without accents, case-folded, spaces squeezed, trimmed. */
export function rosterKey(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toUpperCase().toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The names of a class list as phones get them: names only, sorted in `locale`'s order. */
export function sortedNames(names: Iterable<string>, locale?: string): string[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return [...names].sort(collator.compare);
}
