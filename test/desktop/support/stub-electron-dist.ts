/**
 * What electron-builder packs around the app when the Electron binary cannot be downloaded: a
 * stand-in distribution folder (an `electron` that exits 0, a version file). Enough for
 * electron-builder to lay out the app and run its checks; nothing in it can run the app.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STUB_ELECTRON_VERSION = '45.5.0';

/** Creates the stand-in distribution in `dir`; returns its path. */
export function stubElectronDist(dir: string): string {
  const dist = join(dir, 'electron-dist');
  mkdirSync(join(dist, 'resources'), { recursive: true });
  writeFileSync(join(dist, 'electron'), '#!/bin/sh\nexit 0\n');
  chmodSync(join(dist, 'electron'), 0o755);
  writeFileSync(join(dist, 'version'), STUB_ELECTRON_VERSION);
  return dist;
}
