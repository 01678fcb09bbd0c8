/**
 * Where the desktop window finds the library's pictures and sounds: the app's own scheme serves
 * the library's media store under /media/ (main/app/app-media.ts), by content-hashed name only.
 */
export const DESKTOP_MEDIA_BASE = 'app://quizroom/media/';

/** The window's URL of the library media file named `ref`. */
export function desktopMediaUrl(ref: string): string {
  return `${DESKTOP_MEDIA_BASE}${ref}`;
}
