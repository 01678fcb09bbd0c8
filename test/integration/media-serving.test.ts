/**
 * The quiz's media over real sockets: `/media/<name>` serves only what the current quiz uses, with
 * immutable caching and the hash as ETag, behind the same front door (per-address budgets, page
 * headers) as the web player; and phones that fetch the next question's pictures over HTTP tell
 * the host, which opens the question when they all have them (or after the wait, with the
 * laggard shown to the host).
 */
import { request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADDRESS_LIMITS } from '../../src/main/server/address-book';
import { MediaStore } from '../../src/main/media/media-store';
import { MEDIA_WAIT_MS } from '../../src/main/game/media-gate';
import { QuizSchema, type Quiz } from '../../src/shared/quiz/quiz-schema';
import { pngPicture } from '../support/media-fixtures';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';

let dir: string;
let store: MediaStore;
let bytes: Map<string, Buffer>;
let prompt: string;
let options: string[];
let sound: string;
let unused: string;
let quiz: Quiz;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quizroom-media-'));
  store = new MediaStore(dir);
  bytes = new Map();
  const put = async (b: Buffer, ext: string) => {
    const ref = await store.put(b, ext);
    bytes.set(ref, b);
    return ref;
  };
  prompt = await put(await pngPicture(1, 120, 90), 'png');
  options = [];
  for (let i = 2; i <= 5; i++) options.push(await put(await pngPicture(i), 'png'));
  // A sound's bytes are not looked at here (ingest checks them); these stand for an MP3.
  sound = await put(Buffer.from('ID3 not really a song'), 'mp3');
  // In the store (another quiz's picture) but not in this quiz.
  unused = await put(await pngPicture(99), 'png');
  quiz = QuizSchema.parse({
    title: 'Flags',
    questions: [
      {
        kind: 'choice',
        prompt: 'Which flag is Chad’s?',
        options: ['France', 'Chad', 'Peru', 'Japan'],
        correct: 1,
        image: prompt,
        optionImages: options,
        audio: sound,
      },
      { kind: 'choice', prompt: 'Plain?', options: ['a', 'b'], correct: 0 },
    ],
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const hosts: TestHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

async function startHost(extra: ConstructorParameters<typeof TestHost>[0] = {}): Promise<TestHost> {
  const h = new TestHost({ quiz, media: store, ...extra });
  hosts.push(h);
  return h.start();
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTP request with the path sent exactly as given (no normalising), from `from`. */
function fetchRaw(
  port: number,
  path: string,
  opts: { method?: string; headers?: Record<string, string>; from?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers ?? {},
        agent: false,
        ...(opts.from ? { localAddress: opts.from } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.once('error', reject);
    req.end();
  });
}

describe('/media/', () => {
  it('serves a picture the quiz uses with its type, immutable caching and its hash as ETag', async () => {
    const h = await startHost();
    const res = await fetchRaw(h.server.port, `/media/${prompt}`);
    expect(res.status).toBe(200);
    expect(res.body.equals(bytes.get(prompt)!)).toBe(true);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-length']).toBe(String(bytes.get(prompt)!.length));
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['etag']).toBe(`"${prompt.slice(0, 64)}"`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("img-src 'self'");
    expect(res.headers['content-security-policy']).toContain("media-src 'self'");
    for (const ref of options) expect((await fetchRaw(h.server.port, `/media/${ref}`)).status).toBe(200);
    const audio = await fetchRaw(h.server.port, `/media/${sound}`);
    expect(audio.status).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/mpeg');
  });

  it('answers HEAD without a body, a matching If-None-Match with 304, and other methods with 405', async () => {
    const h = await startHost();
    const port = h.server.port;
    const head = await fetchRaw(port, `/media/${prompt}`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(head.headers['content-length']).toBe(String(bytes.get(prompt)!.length));
    const again = await fetchRaw(port, `/media/${prompt}`, {
      headers: { 'If-None-Match': `"${prompt.slice(0, 64)}"` },
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    const other = await fetchRaw(port, `/media/${prompt}`, { headers: { 'If-None-Match': '"abc"' } });
    expect(other.status).toBe(200);
    expect((await fetchRaw(port, `/media/${prompt}`, { method: 'POST' })).status).toBe(405);
    expect((await fetchRaw(port, `/media/${prompt}`, { method: 'DELETE' })).status).toBe(405);
  });

  it('is 404 for a name the quiz does not use, even one in the store, and for unknown names', async () => {
    const h = await startHost();
    const port = h.server.port;
    expect((await store.has(unused)) && (await fetchRaw(port, `/media/${unused}`)).status).toBe(404);
    expect((await fetchRaw(port, `/media/${'f'.repeat(64)}.png`)).status).toBe(404);
    expect((await fetchRaw(port, '/media/')).status).toBe(404);
    expect((await fetchRaw(port, '/media/nothing.png')).status).toBe(404);
  });

  it('turns away path tricks', async () => {
    const h = await startHost();
    const port = h.server.port;
    const hash = prompt.slice(0, 64);
    for (const path of [
      '/media/../package.json',
      '/media/..%2f..%2fpackage.json',
      '/media/%2e%2e/%2e%2e/package.json',
      `/media/${hash.toUpperCase()}.png`,
      `/media/${hash}.PNG`,
      `/media/${hash}.png/`,
      `/media/${hash}.png/..`,
      `/media/${hash}.png%00`,
      `/media/${hash}%2epng`,
      `/media//${prompt}`,
      `/media/./${prompt}`,
      `/media/${hash}.svg`,
      `/media/${dir}/${prompt}`,
    ]) {
      const res = await fetchRaw(port, path);
      expect(res.status, path).toBe(404);
      expect(res.body.includes(bytes.get(prompt)!), path).toBe(false);
    }
    // A query string is not part of the name.
    expect((await fetchRaw(port, `/media/${prompt}?v=2`)).status).toBe(200);
  });

  it('serves nothing when the room has no media store', async () => {
    const h = await startHost({ media: undefined });
    expect((await fetchRaw(h.server.port, `/media/${prompt}`)).status).toBe(404);
  });

  it('serves only the names of the quiz now played after a new game changes it', async () => {
    const h = await startHost();
    const host = await h.hostClient();
    // Served (and so kept in memory) while the first quiz is played.
    expect((await fetchRaw(h.server.port, `/media/${prompt}`)).status).toBe(200);
    const next = QuizSchema.parse({
      title: 'Other',
      questions: [{ kind: 'choice', prompt: 'Other?', options: ['a', 'b'], correct: 0, image: unused }],
    });
    host.client.newGame({ quiz: next });
    await waitFor(() => h.server.game.quiz.title === 'Other', 'the new quiz');
    expect((await fetchRaw(h.server.port, `/media/${unused}`)).status).toBe(200);
    expect((await fetchRaw(h.server.port, `/media/${prompt}`)).status).toBe(404);
  });

  it('spends the same per-address socket budget as every other request', async () => {
    const h = await startHost({
      addressLimits: { ...DEFAULT_ADDRESS_LIMITS, sockets: { perSecond: 0.001, burst: 2 }, unbudgeted: [] },
    });
    const port = h.server.port;
    const from = '127.0.0.61';
    expect((await fetchRaw(port, `/media/${prompt}`, { from })).status).toBe(200);
    expect((await fetchRaw(port, `/media/${options[0]}`, { from })).status).toBe(200);
    await expect(fetchRaw(port, `/media/${options[1]}`, { from })).rejects.toThrow();
    // Another address has its own budget.
    expect((await fetchRaw(port, `/media/${options[1]}`, { from: '127.0.0.62' })).status).toBe(200);
  });
});

/** Fetches each picture over HTTP, as a phone's preload does. */
function httpPreload(h: TestHost, fetched: string[]): (refs: readonly string[]) => Promise<unknown> {
  return async (refs) => {
    for (const ref of refs) {
      const res = await fetch(`http://127.0.0.1:${h.server.port}/media/${ref}`);
      await res.arrayBuffer();
      if (res.ok) fetched.push(ref);
    }
  };
}

async function playerWith(
  h: TestHost,
  name: string,
  preloadMedia: (refs: readonly string[]) => Promise<unknown>,
) {
  const c = h.client(undefined, { preloadMedia });
  await c.waitView((v) => v.ready, `${name} to get a snapshot`);
  c.client.join(name);
  await c.waitView((v) => v.you?.name === name, `${name} to join`);
  return c;
}

describe('phones fetch the next question’s pictures before it opens', () => {
  it('opens the question as soon as the countdown ends when every phone has fetched them', async () => {
    const h = await startHost({ settings: { minPlayers: 0 } });
    const host = await h.hostClient();
    const fetched: string[][] = [[], []];
    await playerWith(h, 'Ann', httpPreload(h, fetched[0]!));
    await playerWith(h, 'Bob', httpPreload(h, fetched[1]!));
    host.client.start();
    await waitFor(() => h.server.game.mediaGate?.ready.length === 2, 'both phones to be ready');
    // Only pictures, never the sound.
    for (const list of fetched) expect([...list].sort()).toEqual([prompt, ...options].sort());
    const countdownEnds = h.server.game.endsAt!;
    h.clock.advance(countdownEnds - h.clock.now());
    expect(h.server.game.phase).toBe('question');
    expect(h.server.game.round!.openedAt).toBe(countdownEnds);
  });

  it('waits for a phone that has not got them, shows it to the host, and opens after the wait', async () => {
    const h = await startHost({ settings: { minPlayers: 0 } });
    const host: TestClient = await h.hostClient();
    await playerWith(h, 'Ann', httpPreload(h, []));
    // A phone whose download never finishes.
    await playerWith(h, 'Slow', () => new Promise(() => undefined));
    host.client.start();
    await waitFor(() => h.server.game.mediaGate?.ready.length === 1, 'the fast phone to be ready');
    const countdownEnds = h.server.game.endsAt!;
    h.clock.advance(countdownEnds - h.clock.now());
    expect(h.server.game.phase).toBe('countdown');
    const waitView = await host.waitView((v) => v.mediaWait !== null, 'the host to see who is loading');
    expect(waitView.mediaWait!.loading.map((p) => p.name)).toEqual(['Slow']);
    expect(waitView.mediaWait!.until).toBe(countdownEnds + MEDIA_WAIT_MS);
    h.clock.advance(MEDIA_WAIT_MS);
    expect(h.server.game.phase).toBe('question');
    expect(h.server.game.round!.openedAt).toBe(countdownEnds + MEDIA_WAIT_MS);
    await host.waitView((v) => v.phase === 'question' && v.mediaWait === null, 'the question on the host');
  });
});
