/**
 * The editor's way to add pictures and sounds on the desktop (its arguments' checks are in
 * ipc-handlers.test.ts): the library service ingests on the import thread into the library's
 * media store, and the window's app:// scheme serves that store by media name only, with the
 * right Content-Type.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveMedia } from '../../src/main/app/app-media';
import { LibraryService } from '../../src/main/desktop/library-service';
import { MediaStore } from '../../src/main/media/media-store';
import { desktopMediaUrl } from '../../src/shared/api/media-url';
import { samplePicture } from '../support/media-samples';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-media-intent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the library service adds media on the import thread', () => {
  const service = () =>
    new LibraryService(
      join(dir, 'library'),
      () => Promise.resolve(null),
      () => {},
      () => {},
      () => Promise.resolve(false),
    );

  it('stores a checked picture and answers its name', async () => {
    const library = service();
    const result = await library.addMedia('map.png', await samplePicture(200, 100, 'image/png'));
    expect(result).toMatchObject({ ok: true, kind: 'image' });
    if (!result.ok) return;
    expect(result.ref).toMatch(/^[0-9a-f]{64}\.png$/);
    expect(await library.media.has(result.ref)).toBe(true);
  });

  it('refuses a file that is not a picture, naming it', async () => {
    const result = await service().addMedia('answers.png', new TextEncoder().encode('Paris, Rome, Madrid'));
    expect(result).toMatchObject({ ok: false, code: 'invalid_media' });
    expect(!result.ok && result.message).toContain('answers.png');
  });
});

describe('app://quizroom/media/', () => {
  it('serves a stored file by its name with its type, cached for good', async () => {
    const store = new MediaStore(dir);
    const png = await samplePicture(20, 10, 'image/png');
    const ref = await store.put(png, 'png');
    const res = await serveMedia(store, desktopMediaUrl(ref));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
  });

  it('answers 404 for anything that is not a stored media name', async () => {
    const store = new MediaStore(join(dir, 'media'));
    await writeFile(join(dir, 'secret.txt'), 'x');
    for (const path of [
      'media/../secret.txt',
      'media/%2e%2e%2fsecret.txt',
      'media/secret.txt',
      `media/${'0'.repeat(64)}.png`,
      `media/${'0'.repeat(64)}.exe`,
    ]) {
      expect((await serveMedia(store, `app://quizroom/${path}`)).status, path).toBe(404);
    }
  });
});
