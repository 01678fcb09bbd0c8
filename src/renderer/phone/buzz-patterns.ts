/** How a phone buzzes (navigator.vibrate patterns, ms): short on a locked answer, two short for right, one long for wrong. */
export const LOCK_BUZZ = 40;
export const RIGHT_BUZZ = [60, 80, 60];
export const WRONG_BUZZ = 250;
