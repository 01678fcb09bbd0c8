/**
 * The app:// handler (src/main/app/app-files.ts), the way Electron calls it: a request URL in,
 * a Response out. Files of the renderer folder come back with their own content type and the
 * window's policy; every spelling of a path outside the folder is refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFilePath, serveAppFile, WINDOW_CSP } from '../../src/main/app/app-files';

let base = '';
let renderer = '';

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'quizroom-app-files-'));
  renderer = join(base, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Quizroom</title>');
  writeFileSync(join(renderer, 'assets/index-abc.js'), 'export {};');
  writeFileSync(join(renderer, 'assets/index-abc.css'), 'body{}');
  writeFileSync(join(renderer, 'assets/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(renderer, 'assets/font.woff2'), Buffer.from([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(join(renderer, 'assets/data.bin'), Buffer.from([1, 2, 3]));
  // What an attacker would want: files beside the renderer folder.
  writeFileSync(join(base, 'secret.txt'), 'the journal of another game');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil/x.js'), 'evil');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

async function get(url: string) {
  const res = await serveAppFile(renderer, url);
  return { res, body: await res.text() };
}

describe('the app:// handler', () => {
  it.each([
    ['app://quizroom/index.html', 'text/html; charset=utf-8'],
    ['app://quizroom/', 'text/html; charset=utf-8'],
    ['app://quizroom/assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['app://quizroom/assets/index-abc.css', 'text/css; charset=utf-8'],
    ['app://quizroom/assets/logo.svg', 'image/svg+xml'],
    ['app://quizroom/assets/font.woff2', 'font/woff2'],
    ['app://quizroom/assets/data.bin', 'application/octet-stream'],
  ])('serves %s as %s, with the window policy and nosniff', async (url, type) => {
    const { res } = await get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('content-security-policy')).toBe(WINDOW_CSP);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the bytes of the file', async () => {
    expect((await get('app://quizroom/assets/index-abc.js')).body).toBe('export {};');
    const font = await serveAppFile(renderer, 'app://quizroom/assets/font.woff2');
    expect([...new Uint8Array(await font.arrayBuffer())]).toEqual([0x77, 0x4f, 0x46, 0x32]);
  });

  it('answers 404 for a file that does not exist, and for a folder', async () => {
    expect((await get('app://quizroom/missing.js')).res.status).toBe(404);
    expect((await get('app://quizroom/assets')).res.status).toBe(404);
  });

  it.each([
    ['a dot-dot segment', 'app://quizroom/assets/%2E%2E/%2E%2E/secret.txt'],
    ['an encoded dot-dot', 'app://quizroom/%2e%2e/secret.txt'],
    ['an encoded slash and dot-dot', 'app://quizroom/assets%2F..%2F..%2Fsecret.txt'],
    ['a backslash', 'app://quizroom/..%5Csecret.txt'],
    ['a raw backslash', 'app://quizroom/assets\\..\\..\\secret.txt'],
    ['an absolute path', 'app://quizroom//etc/passwd'],
    ['an encoded absolute path', `app://quizroom/${encodeURIComponent(join(base, 'secret.txt'))}`],
    ['a drive letter', 'app://quizroom/C:/Windows/win.ini'],
    ['a NUL byte', 'app://quizroom/index.html%00.js'],
    ['a malformed escape', 'app://quizroom/%E0%A4%A'],
    ['a sibling folder sharing the prefix', 'app://quizroom/%2e%2e/renderer-evil/x.js'],
    ['another host', 'app://elsewhere/index.html'],
    ['another scheme', 'file:///etc/passwd'],
  ])('never reaches outside the folder through %s', async (_what, url) => {
    // Refused outright, or folded by the URL parser into a path that is still inside.
    const path = appFilePath(renderer, url);
    if (path !== null) expect(path.startsWith(renderer + sep)).toBe(true);
    const { res, body } = await get(url);
    expect(res.status).toBe(404);
    expect(body).not.toContain('journal');
    expect(body).not.toContain('evil');
  });

  it('keeps a resolved path inside the renderer folder', () => {
    expect(appFilePath(renderer, 'app://quizroom/assets/index-abc.js')).toBe(
      join(renderer, 'assets/index-abc.js'),
    );
    // The URL parser folds plain dot segments before the handler sees them: still inside.
    expect(appFilePath(renderer, 'app://quizroom/assets/../index.html')).toBe(join(renderer, 'index.html'));
  });
});
