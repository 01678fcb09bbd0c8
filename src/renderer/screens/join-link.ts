/**
 * The join link the lobby's QR code carries: the room's address with its PIN in the fragment
 * (`#pin=123456`), so that a phone that scans it has the PIN typed for it. The fragment never
 * reaches the host's logs. A link may carry the PIN in the query too (`?pin=`); the host token
 * never travels this way (it is only in the host's own dashboard link, `?host=`).
 */

/** The PIN parameter's name, in the fragment or the query. */
export const PIN_PARAM = 'pin';

/** A PIN as a join form takes it: digits only, at most as long as the form accepts. */
const PIN_SHAPE = /^\d{1,20}$/;

/** `url` with `pin` in its fragment; `url` unchanged when the room has no PIN. */
export function joinLink(url: string, pin: string | null): string {
  if (!pin) return url;
  const bare = url.split('#')[0] ?? url;
  return `${bare}#${PIN_PARAM}=${encodeURIComponent(pin)}`;
}

/** The PIN a join link carries (fragment first, then query); null when none or not digits. */
export function pinFromLink(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  const fromHash = new URLSearchParams(url.hash.replace(/^#/, '')).get(PIN_PARAM);
  const pin = fromHash ?? url.searchParams.get(PIN_PARAM);
  return pin !== null && PIN_SHAPE.test(pin) ? pin : null;
}
