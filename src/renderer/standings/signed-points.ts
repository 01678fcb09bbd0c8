/**
 * Points won or lost on one question, with their sign: "+1,100", "−250" (a wrong-answer penalty),
 * "+0". A true minus sign, not a hyphen; the size formatted for the language by `format`.
 */
export function signedPoints(
  points: number,
  format: (n: number) => string = (n) => n.toLocaleString('en-US'),
): string {
  const size = format(Math.abs(points));
  return points < 0 ? `\u2212${size}` : `+${size}`;
}
