/**
 * How the screens' search boxes compare names: letter case, accents and full-width forms do not
 * matter, so "zoe" finds "Zoë" and "ＡＤＡ" finds "Ada".
 */
export function searchKey(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The items whose name holds `query` (all of them for an empty query), in their order. */
export function matchingNames<T>(items: readonly T[], query: string, nameOf: (item: T) => string): T[] {
  const q = searchKey(query.trim());
  return q ? items.filter((item) => searchKey(nameOf(item)).includes(q)) : [...items];
}
