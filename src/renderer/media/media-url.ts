/**
 * Where the page finds a quiz's picture or sound: `/media/<name>` on the host that served it (the
 * name is the hash of the file's bytes, so the address says nothing about what it shows).
 */
export function mediaUrl(ref: string): string {
  return `/media/${encodeURIComponent(ref)}`;
}
