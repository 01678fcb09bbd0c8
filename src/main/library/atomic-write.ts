/**
 * Writing a file so that a crash or power loss at any moment leaves either the old file or the new
 * one, never a torn one: write a temporary file in the same folder, fsync it, rename it over the
 * target, then fsync the folder so that the rename itself is on disk. Files are the owner's only
 * (0600) unless asked otherwise: reports hold players' names and answers, quizzes their answers.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { link, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { OWNER_ONLY_FILE } from './owner-only';

export interface AtomicWriteOptions {
  /** Refuse to replace an existing file (fails with the `EEXIST` error code); for new ids. */
  exclusive?: boolean;
  /** Permissions of the new file (default 0600: the owner only). */
  mode?: number;
}

/** Temporary files start with a dot and end with `.tmp`, so that folder listings skip them. */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

export async function atomicWrite(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
  const file = await open(temp, 'wx', options.mode ?? OWNER_ONLY_FILE);
  try {
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    if (options.exclusive) {
      // link() fails when the target exists, so two writers can never both claim one name.
      await link(temp, path);
      await unlink(temp);
    } else {
      await rename(temp, path);
    }
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
  await syncFolder(dir);
}

/** Makes a rename in `dir` durable. Windows cannot open a folder for fsync; NTFS journals it. */
async function syncFolder(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** `syncFolder` for code that must not yield (the game journal, between two records). */
export function syncFolderSync(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
