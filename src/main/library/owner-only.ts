/**
 * The app's own data is its owner's only: game journals hold the host token, the PIN and every
 * player's resume token, reports hold players' names and answers. Files are created 0600 and
 * folders 0700; a folder that already exists (made by an older version) is narrowed too, where
 * the file system allows it (FAT drives and some network shares do not keep modes at all).
 * Windows keeps its own access lists and ignores these modes.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';

export const OWNER_ONLY_FILE = 0o600;
export const OWNER_ONLY_FOLDER = 0o700;

/** Creates `dir` (and missing parents) readable by its owner only. */
export async function ensureOwnerOnlyFolder(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  await chmod(dir, OWNER_ONLY_FOLDER).catch(() => undefined);
}

export function ensureOwnerOnlyFolderSync(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: OWNER_ONLY_FOLDER });
  narrowSync(dir, OWNER_ONLY_FOLDER);
}

/** Makes an existing file readable by its owner only (one written by an older version). */
export function narrowToOwnerSync(file: string): void {
  narrowSync(file, OWNER_ONLY_FILE);
}

function narrowSync(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // A file system without modes: nothing to narrow.
  }
}
