/**
 * Serves the built web player (out/renderer) to phones and browsers: GET and HEAD only, paths
 * confined to the folder, content types for what Vite emits, long caching for hashed assets, and
 * on every answer the headers that keep the page to itself (PAGE_HEADERS). What is served holds no
 * secret: no quiz (test/build scans the build) and no token (the dashboard's is in its address).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/**
 * The page runs only its own files and talks only to the host that served it: `connect-src 'self'`
 * covers ws:// and wss:// to the page's own host and port (CSP Level 3; checked in Chromium by
 * test/e2e/served-page.test.ts), so a script that got in could not send a token anywhere else.
 * Pictures and sounds come from the same host only (`/media/`).
 * No inline script or style (React sets styles through the DOM, which CSP does not restrict), no
 * plugins, no <base>, no forms, and no other page may frame it.
 */
export const WEB_PLAYER_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "media-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Sent with everything this folder answers: the CSP; no content sniffing; no Referer, ever (the
 * dashboard's first address holds the host token); no framing for browsers that predate
 * frame-ancestors; no other site may load these files or keep a handle on this window.
 */
export const PAGE_HEADERS = {
  'Content-Security-Policy': WEB_PLAYER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
} as const;

/** Whether the request only reads (GET, HEAD); any other method is answered 405 here. */
export function readOnlyRequest(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === 'GET' || req.method === 'HEAD') return true;
  res.writeHead(405, { ...PAGE_HEADERS, Allow: 'GET, HEAD' }).end();
  return false;
}

export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (!readOnlyRequest(req, res)) return;
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    res.writeHead(400, PAGE_HEADERS).end('Bad path');
    return;
  }
  if (rel.includes('\0')) {
    res.writeHead(400, PAGE_HEADERS).end('Bad path');
    return;
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const base = resolve(root);
  const file = resolve(join(base, normalize(rel)));
  if (file !== base && !file.startsWith(base + sep)) {
    res.writeHead(404, PAGE_HEADERS).end('Not found');
    return;
  }
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const hashed = file.includes(`${sep}assets${sep}`);
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...PAGE_HEADERS,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  } catch {
    const missingPlayer = rel === '/index.html';
    res
      .writeHead(404, { ...PAGE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' })
      .end(missingPlayer ? 'The web player is not built: run `npm run build` first.' : 'Not found');
  }
}
