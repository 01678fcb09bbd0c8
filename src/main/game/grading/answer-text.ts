/**
 * How typed answers are compared: case, accents, spacing and punctuation do not count
 * ("  Café-au-lait! " is "cafe au lait"), and with typo tolerance an answer may be one edit off
 * (two for answers of 8 characters or more; answers under 4 characters must be exact). An edit is
 * a letter added, dropped, changed, or two neighbours swapped.
 */
export function normaliseAnswer(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function typoAllowance(length: number): number {
  if (length < 4) return 0;
  return length >= 8 ? 2 : 1;
}

/** Edit distance with adjacent swaps, giving up (returning limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d = Math.min(d, prev2[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[y.length]!;
}

/** Whether `typed` matches one of `accepted` under the rules above. */
export function matchesAccepted(typed: string, accepted: readonly string[], typos: boolean): boolean {
  const answer = normaliseAnswer(typed);
  if (!answer) return false;
  return accepted.some((a) => {
    const key = normaliseAnswer(a);
    if (key === answer) return true;
    if (!typos) return false;
    const allowance = typoAllowance(Array.from(key).length);
    return allowance > 0 && editDistance(answer, key, allowance) <= allowance;
  });
}
