/**
 * The library's pictures and sounds on the window's app://quizroom/ origin, at
 * `/media/<sha256>.<ext>` (shared/api/media-url.ts): only media names are answered (anything else
 * under /media/ is a 404, so no spelling reaches another file), each with the Content-Type of its
 * extension (the store holds only files ingest checked), `nosniff`, and immutable caching, since a
 * name can never point at other bytes. Written without Electron, like app-files.ts.
 */
import { MediaRefSchema } from '../../shared/quiz/quiz-schema';
import { MEDIA_CONTENT_TYPES, type MediaStore } from '../media/media-store';
import { APP_HOST, APP_SCHEME, WINDOW_CSP } from './app-files';

export const MEDIA_PATH = '/media/';

/** The media name an app:// URL asks for; undefined when it is not under /media/, null when not a media name. */
export function mediaRefOfUrl(requestUrl: string): string | null | undefined {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || !url.pathname.startsWith(MEDIA_PATH)) {
    return undefined;
  }
  const ref = url.pathname.slice(MEDIA_PATH.length);
  return MediaRefSchema.safeParse(ref).success ? ref : null;
}

const headers = (type: string) => ({
  'Content-Type': type,
  'Content-Security-Policy': WINDOW_CSP,
  'X-Content-Type-Options': 'nosniff',
});

/**
 * The answer to a request under /media/: from the library's store, or else from `elsewhere` (the
 * room this app joined on another computer: desktop/remote-media.ts).
 */
export async function serveMedia(
  store: MediaStore,
  requestUrl: string,
  elsewhere?: (ref: string) => Promise<Uint8Array | undefined>,
): Promise<Response> {
  const ref = mediaRefOfUrl(requestUrl);
  const bytes = ref ? ((await store.get(ref)) ?? (await elsewhere?.(ref))) : undefined;
  if (!ref || !bytes)
    return new Response('Not found', { status: 404, headers: headers('text/plain; charset=utf-8') });
  const type = MEDIA_CONTENT_TYPES[ref.slice(ref.lastIndexOf('.') + 1)]!;
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: { ...headers(type), 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
