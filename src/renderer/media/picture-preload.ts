/**
 * Fetches the next question's pictures before it opens and keeps them decoded: each one is an
 * Image the page holds on to (the browser's memory cache keeps what a live Image holds, and the
 * host's `immutable` caching keeps the file on disk), so that the question's <img> shows at once.
 * A picture that fails is given up on: the question must not wait for a broken file.
 */
import { mediaUrl } from './media-url';

/** Pictures held, by name; the oldest go when more than this many are held. */
const HELD = 24;
const held = new Map<string, Promise<void>>();

function load(ref: string): Promise<void> {
  const img = new Image();
  img.decoding = 'async';
  const done = new Promise<void>((resolve) => {
    img.onload = () => {
      // Decoded ahead too, where the browser can: the first paint of the question then costs nothing.
      img.decode().then(resolve, resolve);
    };
    img.onerror = () => {
      held.delete(ref);
      resolve();
    };
  });
  img.src = mediaUrl(ref);
  // The Image stays reachable through the promise's closure while it is held.
  return done.then(() => void img);
}

/** Resolves when every picture in `refs` is here (or has failed). */
export function preloadPictures(refs: readonly string[]): Promise<void> {
  const loads = refs.map((ref) => {
    let p = held.get(ref);
    if (!p) {
      p = load(ref);
      held.set(ref, p);
      while (held.size > HELD) held.delete(held.keys().next().value!);
    }
    return p;
  });
  return Promise.all(loads).then(() => undefined);
}
