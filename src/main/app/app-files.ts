/**
 * What the window's app://quizroom/ origin answers: files of the built renderer folder and nothing
 * else, each with its own Content-Type (set here from the extension, never guessed by a loader),
 * the window's Content-Security-Policy and `nosniff`. Written without Electron so that it is
 * tested under Node: `app-protocol.ts` hands it every request of the scheme.
 */
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'quizroom';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * The window talks to the main process through IPC only; `connect-src 'self'` lets it fetch from
 * its own app:// origin alone, which serves the app's files and the library's media (a question's
 * sound is fetched and decoded by the host screen's sound engine).
 */
export const WINDOW_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/** The types the built renderer uses; anything else is served as bytes the page cannot run. */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const BYTES = 'application/octet-stream';

/** True when `url` is a page of the app itself: the app:// origin, no other. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

function answer(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Security-Policy': WINDOW_CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * The file of `rendererDir` that `requestUrl` names, or null when the URL is not one of ours or
 * names anything outside the folder. Decoded once, then refused outright when it holds what only
 * an attack would send (`..`, a backslash, a NUL, a drive or an absolute path), and checked again
 * after resolving, so that no spelling reaches a file beside the folder.
 */
export function appFilePath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return null; // a malformed %-escape
  }
  if (path === '/' || path === '') path = '/index.html';
  const segments = path.split('/').slice(1);
  if (
    path.includes('\0') ||
    path.includes('\\') ||
    segments.some((s) => s === '..' || s === '.' || s === '' || /^[a-z]:/i.test(s))
  ) {
    return null;
  }
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) return null;
  return file;
}

/** The answer to one request of the app:// scheme. */
export async function serveAppFile(rendererDir: string, requestUrl: string): Promise<Response> {
  const file = appFilePath(rendererDir, requestUrl);
  if (!file) return answer(404, 'Not found');
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR'
      ? answer(404, 'Not found')
      : answer(500, `Could not read ${requestUrl}: ${(e as Error).message}`);
  }
  return new Response(new Uint8Array(body), {
    status: 200,
    headers: {
      'Content-Type': CONTENT_TYPES[extname(file).toLowerCase()] ?? BYTES,
      'Content-Security-Policy': WINDOW_CSP,
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
