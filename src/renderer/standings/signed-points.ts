/**
 * Points won or lost on one question, with their sign: "+1,100", "−250" (a wrong-answer penalty),
 * "+0". A true minus sign, not a hyphen.
 */
export function signedPoints(points: number): string {
  const size = Math.abs(points).toLocaleString('en-US');
  return points < 0 ? `\u2212${size}` : `+${size}`;
}
