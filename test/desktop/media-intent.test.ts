/**
 * The editor's way to add pictures and sounds on the desktop: the `addMedia` intent's arguments
 * are checked before the session sees them (a file name and bounded bytes), the library service
 * ingests on the import thread into the library's media store, and the window's app:// scheme
 * serves that store by media name only, with the right Content-Type.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serveMedia } from '../../src/main/app/app-media';
import {
  registerIpc,
  type IpcEventLike,
  type IpcLike,
  type SessionLike,
} from '../../src/main/app/ipc-handlers';
import { LibraryService } from '../../src/main/desktop/library-service';
import { MediaStore } from '../../src/main/media/media-store';
import { INTENT_CHANNELS, INTENT_NAMES } from '../../src/shared/ipc/channels';
import { INTENTS } from '../../src/shared/ipc/intents';
import { desktopMediaUrl } from '../../src/shared/api/media-url';
import { EMPTY_STATE } from '../../src/preload/bridge';
import { samplePicture } from '../support/media-samples';

type Handler = (event: IpcEventLike, ...args: unknown[]) => unknown;
const APP_FRAME: IpcEventLike = { senderFrame: { url: 'app://quizroom/index.html', parent: null } };

function wired() {
  const handlers = new Map<string, Handler>();
  const ipc: IpcLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const calls: unknown[][] = [];
  const methods: Record<string, unknown> = { getState: () => EMPTY_STATE };
  for (const name of INTENT_NAMES) {
    methods[name] = vi.fn((...args: unknown[]) => {
      if (name === 'addMedia') calls.push(args);
      return INTENTS[name].answers ? Promise.resolve({ ok: true }) : undefined;
    });
  }
  registerIpc(ipc, methods as unknown as SessionLike, (url) => url.startsWith('app://quizroom/'));
  const addMedia = (...args: unknown[]) => handlers.get(INTENT_CHANNELS.addMedia)!(APP_FRAME, ...args);
  return { addMedia, calls };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-media-intent-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('addMedia arguments', () => {
  it('passes a file name and bytes', async () => {
    const { addMedia, calls } = wired();
    await addMedia('map.png', new Uint8Array([1, 2, 3]));
    expect(calls).toEqual([['map.png', new Uint8Array([1, 2, 3])]]);
  });

  it.each([
    ['no bytes', ['map.png'], /addMedia/],
    ['a string for bytes', ['map.png', 'iVBORw0KGgo='], /bytes/],
    ['an array of numbers', ['map.png', [1, 2, 3]], /bytes/],
    ['empty bytes', ['map.png', new Uint8Array(0)], /empty/],
    ['more than 15 MB', ['big.png', new Uint8Array(15 * 1024 * 1024 + 1)], /larger than 15 MB/],
    ['an empty name', ['  ', new Uint8Array([1])], /file name must not be empty/],
    ['a very long name', ['x'.repeat(256), new Uint8Array([1])], /file name is too long/],
    ['an extra argument', ['a.png', new Uint8Array([1]), 'more'], /addMedia/],
  ])('refuses %s before the session sees it', (_what, args, message) => {
    const { addMedia, calls } = wired();
    expect(() => addMedia(...args)).toThrow(message);
    expect(calls).toEqual([]);
  });
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
