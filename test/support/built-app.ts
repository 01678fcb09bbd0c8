/**
 * The built app (out/), which some suites inspect or serve. Built once on demand, so that
 * `npm test` also works on a fresh clone where nobody ran `npm run build`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const OUT_DIR = resolve(ROOT, 'out');
export const RENDERER_DIR = resolve(OUT_DIR, 'renderer');

export function ensureBuilt(): void {
  const needed = ['renderer/index.html', 'main/index.js', 'main/cli.js', 'preload/index.js'];
  if (needed.every((f) => existsSync(resolve(OUT_DIR, f)))) return;
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    timeout: 300_000,
  });
}
