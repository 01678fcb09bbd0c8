/**
 * Offline packaging check: electron-builder packs the app (--dir) around a stub Electron
 * distribution (the real one cannot be downloaded here; fuses are off for that reason only),
 * then app.asar must hold the built app and the production dependencies, and nothing else:
 * no sources, no source maps, no devDependencies.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../support/built-app';

const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let dir = '';
let entries: string[] = [];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'quizroom-pack-'));
  const dist = join(dir, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), '45.5.0');
  const config = join(dir, 'check.yml');
  writeFileSync(
    config,
    [
      `extends: ${JSON.stringify(resolve(ROOT, 'electron-builder.yml'))}`,
      'electronFuses: null',
      `electronDist: ${JSON.stringify(dist)}`,
      'electronVersion: 45.5.0',
      'npmRebuild: false',
      'directories:',
      `  output: ${JSON.stringify(join(dir, 'release'))}`,
      'linux:',
      '  target: dir',
    ].join('\n'),
  );
  execFileSync(
    process.execPath,
    [resolve(ROOT, 'node_modules/electron-builder/cli.js'), '--config', config, '--dir', '--linux'],
    {
      cwd: ROOT,
      stdio: 'ignore',
      timeout: 300_000,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
  entries = listPackage(join(dir, 'release/linux-unpacked/resources/app.asar'), { isPack: false }).map((e) =>
    e.replace(/\\/g, '/'),
  );
}, 360_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the packaged app (app.asar)', () => {
  it('holds the built main, preload and renderer and package.json', () => {
    for (const path of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/cli.js',
      '/out/main/server-worker.js',
      '/out/preload/index.js',
      '/out/renderer/index.html',
    ]) {
      expect(entries).toContain(path);
    }
    expect(entries.some((e) => /^\/out\/renderer\/assets\/.+\.js$/.test(e))).toBe(true);
  });

  it('holds every production dependency', () => {
    for (const dep of Object.keys(pkg.dependencies))
      expect(entries).toContain(`/node_modules/${dep}/package.json`);
  });

  it('holds no sources, source maps or devDependencies', () => {
    expect(
      entries.filter((e) => e.startsWith('/src/') || e.startsWith('/test/') || e.startsWith('/bench/')),
    ).toEqual([]);
    expect(entries.filter((e) => e.endsWith('.map'))).toEqual([]);
    expect(entries.filter((e) => !e.startsWith('/node_modules/') && /\.tsx?$/.test(e))).toEqual([]);
    for (const dev of Object.keys(pkg.devDependencies))
      expect(entries).not.toContain(`/node_modules/${dev}/package.json`);
  });
});
