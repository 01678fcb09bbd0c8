/**
 * The pictures of a room this app joined on another computer: the window's app:// /media/ asks
 * the main process, which fetches the name from the joined host over real HTTP on loopback. A
 * real host's picture arrives once and is kept; a hostile host's other bytes under the name, an
 * oversized answer, an error or a closed connection show nothing, and nothing but media names is
 * asked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveMedia } from '../../src/main/app/app-media';
import {
  fetchRemoteMedia,
  MAX_REMOTE_MEDIA_BYTES,
  RemoteMedia,
  type RemoteHost,
} from '../../src/main/desktop/remote-media';
import { MediaStore, mediaRefOf } from '../../src/main/media/media-store';
import { desktopMediaUrl } from '../../src/shared/api/media-url';
import { samplePicture } from '../support/media-samples';

let dir: string;
const servers: Server[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-remote-media-'));
});
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  await rm(dir, { recursive: true, force: true });
});

/** A host on loopback answering each path as `answer` says; records the paths asked. */
async function hostAt(answer: (path: string, res: import('node:http').ServerResponse) => void) {
  const asked: string[] = [];
  const server = createServer((req, res) => {
    asked.push(req.url ?? '');
    answer(req.url ?? '', res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host: RemoteHost = { address: '127.0.0.1', port: (server.address() as AddressInfo).port };
  return { host, asked };
}

describe('pictures of a room on another computer', () => {
  it('come from the joined host through the window’s app:// address, once each', async () => {
    const png = await samplePicture(30, 20, 'image/png');
    const ref = mediaRefOf(png, 'png');
    const { host, asked } = await hostAt((path, res) => {
      if (path === `/media/${ref}`) res.writeHead(200, { 'content-type': 'image/png' }).end(png);
      else res.writeHead(404).end();
    });
    const remote = new RemoteMedia();
    remote.setHost(host);
    const library = new MediaStore(join(dir, 'library'));
    const res = await serveMedia(library, desktopMediaUrl(ref), (r) => remote.get(r));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await res.arrayBuffer()).equals(png)).toBe(true);
    await serveMedia(library, desktopMediaUrl(ref), (r) => remote.get(r));
    expect(asked).toEqual([`/media/${ref}`]);
    expect(remote.size).toBe(png.length);
    // Leaving the room forgets it: nothing is asked of anyone.
    remote.setHost(null);
    expect((await serveMedia(library, desktopMediaUrl(ref), (r) => remote.get(r))).status).toBe(404);
    expect(asked).toHaveLength(1);
  });

  it('show nothing from a host that answers other bytes, too many, an error or nothing', async () => {
    const png = await samplePicture(30, 20, 'image/png');
    const ref = mediaRefOf(png, 'png');
    const other = await samplePicture(31, 20, 'image/png');
    const cases: [string, (res: import('node:http').ServerResponse) => void][] = [
      ['other bytes under the name', (res) => res.writeHead(200).end(other)],
      [
        'a declared size past the limit',
        (res) => res.writeHead(200, { 'content-length': MAX_REMOTE_MEDIA_BYTES + 1 }).end(),
      ],
      [
        'a stream past the limit',
        (res) => {
          res.writeHead(200);
          const chunk = Buffer.alloc(1024 * 1024);
          for (let i = 0; i * chunk.length <= MAX_REMOTE_MEDIA_BYTES; i++) res.write(chunk);
          res.end();
        },
      ],
      ['an error', (res) => res.writeHead(500).end(png)],
      ['a closed connection', (res) => res.destroy()],
    ];
    for (const [what, answer] of cases) {
      const { host } = await hostAt((_path, res) => answer(res));
      expect(await fetchRemoteMedia(host, ref), what).toBeUndefined();
    }
    // A failed file is not kept: the next showing asks again.
    let calls = 0;
    const remote = new RemoteMedia(() => {
      calls++;
      return Promise.resolve(undefined);
    });
    remote.setHost({ address: '127.0.0.1', port: 9 });
    await remote.get(ref);
    await remote.get(ref);
    expect(calls).toBe(2);
  });

  it('never asks a host for anything but a media name', async () => {
    const { host, asked } = await hostAt((_path, res) => res.writeHead(404).end());
    for (const name of ['../secret.txt', '%2e%2e/x', `${'0'.repeat(64)}.exe`, 'health'])
      expect(await fetchRemoteMedia(host, name), name).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('keep within their budget, the oldest going first', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    const remote = new RemoteMedia((_host, ref) =>
      Promise.resolve(
        ref.startsWith('a') || ref.startsWith('b') || ref.startsWith('c') || ref.startsWith('d')
          ? big
          : undefined,
      ),
    );
    remote.setHost({ address: '127.0.0.1', port: 9 });
    for (const letter of ['a', 'b', 'c', 'd']) await remote.get(`${letter.repeat(64)}.png`);
    expect(remote.size).toBe(3 * big.length);
  });
});
