/**
 * The media store: pictures and sounds kept by content. A file's name is the SHA-256 of its bytes
 * (hex) and its extension (`MediaRef`), so the same picture is stored once, a name can never point
 * at different bytes, and a name says nothing about what the picture shows. One folder backs it
 * (the library's `media/`, or a room's temporary folder for a package opened by the CLI).
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MediaRefSchema, type MediaRef } from '../../shared/quiz/quiz-schema';
import { atomicWrite } from '../library/atomic-write';

/** The content type of each media extension, for whoever serves the files (host and window). */
export const MEDIA_CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  wav: 'audio/wav',
  m4a: 'audio/mp4',
};

/** The name a file with these bytes and this extension has in any store. */
export function mediaRefOf(bytes: Uint8Array, extension: string): MediaRef {
  const ref = `${createHash('sha256').update(bytes).digest('hex')}.${extension}`;
  return MediaRefSchema.parse(ref);
}

export class MediaStore {
  constructor(readonly dir: string) {}

  /** Stores the bytes (already checked by the caller) and returns their name. */
  async put(bytes: Uint8Array, extension: string): Promise<MediaRef> {
    const ref = mediaRefOf(bytes, extension);
    if (!(await this.has(ref))) {
      await mkdir(this.dir, { recursive: true });
      await atomicWrite(join(this.dir, ref), bytes);
    }
    return ref;
  }

  async has(ref: string): Promise<boolean> {
    if (!MediaRefSchema.safeParse(ref).success) return false;
    return stat(join(this.dir, ref)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  /** The bytes named `ref`, or undefined when it is not a media name or not in the store. */
  async get(ref: string): Promise<Buffer | undefined> {
    if (!MediaRefSchema.safeParse(ref).success) return undefined;
    return readFile(join(this.dir, ref)).catch(() => undefined);
  }

  /** Where the file named `ref` is (it may not exist); `ref` must be a media name. */
  pathOf(ref: MediaRef): string {
    return join(this.dir, MediaRefSchema.parse(ref));
  }
}
