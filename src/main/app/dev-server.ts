/**
 * `npm run dev`: the window loads the renderer from Vite's dev server (hot reload) instead of
 * app://. Vite sets VITE_DEV_SERVER_URL for the Electron it starts. A packaged build ignores it
 * whatever the environment says, and only a loopback http address is taken, so that no variable
 * can point the privileged window (preload, IPC) at another page. The dev server's page gets its
 * own Content-Security-Policy: what Vite's client and React's refresh need (inline module
 * preamble, the HMR socket to the same origin), nothing more.
 */

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The dev server's origin when this is a dev run, else null. */
export function devServerOrigin(env: Record<string, string | undefined>, packaged: boolean): string | null {
  if (packaged) return null;
  const raw = env.VITE_DEV_SERVER_URL;
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`VITE_DEV_SERVER_URL is not a URL: "${raw}".`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`VITE_DEV_SERVER_URL must be an http address on this computer, not "${raw}".`);
  }
  return url.origin;
}

export function isDevServerUrl(origin: string, url: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

export function devWindowCsp(origin: string): string {
  const socket = origin.replace(/^http:/, 'ws:');
  return (
    "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
    // The library's pictures and sounds come from the app's own scheme (app-media.ts).
    `img-src 'self' data: app://quizroom; media-src app://quizroom; font-src 'self'; connect-src 'self' ${socket}; object-src 'none'; ` +
    "base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
  );
}
