/**
 * The window loads the app from app://quizroom/ (not file://): files come only from the built
 * renderer folder, with a strict Content-Security-Policy (app-files.ts). The window needs no
 * network at all, because its sockets live in the main process.
 */
import { protocol } from 'electron';
import type { MediaStore } from '../media/media-store';
import { APP_SCHEME, serveAppFile } from './app-files';
import { mediaRefOfUrl, serveMedia } from './app-media';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false } },
  ]);
}

/**
 * Serves the built renderer, and under /media/ the library's pictures and sounds or those of the
 * room joined on another computer (`remote`) (app-media.ts).
 */
export function handleAppScheme(
  rendererDir: string,
  media: MediaStore,
  remote: (ref: string) => Promise<Uint8Array | undefined>,
): void {
  protocol.handle(APP_SCHEME, (request) =>
    mediaRefOfUrl(request.url) === undefined
      ? serveAppFile(rendererDir, request.url)
      : serveMedia(media, request.url, remote),
  );
}
