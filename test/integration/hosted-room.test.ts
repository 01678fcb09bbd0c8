/**
 * Opening a hosted room (src/main/hosting/hosted-room.ts), the one way both apps do it: the
 * failures it answers (a code and a message, never a throw), and a room closed right after its
 * last game, which still leaves that game's report on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openHostedRoom, type HostedRoom, type HostingPlace } from '../../src/main/hosting/hosted-room';
import { MediaStore } from '../../src/main/media/media-store';
import { QuizSchema } from '../../src/shared/quiz/quiz-schema';
import { pngPicture } from '../support/media-fixtures';
import { ReportStore } from '../../src/main/reports/report-store';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { ensureBuilt, SERVER_WORKER } from '../support/built-app';
import { TEST_QUIZ } from '../support/test-host';
import { waitFor } from '../support/wait';

let dir: string;
const rooms: HostedRoom[] = [];
const clients: QuizClient[] = [];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'quizroom-hosted-room-'));
}, 6 * 60_000);
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(rooms.splice(0).map((r) => r.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const place = (extra: Partial<HostingPlace> = {}): HostingPlace => ({
  journalDir: null,
  staticDir: null,
  bind: '127.0.0.1',
  serverWorker: SERVER_WORKER,
  ...extra,
});
const newRoom = { kind: 'new', quiz: TEST_QUIZ, roomName: 'Room 7', pin: false } as const;

function client(port: number, token: string | null = null): QuizClient {
  const c = new QuizClient({ url: `ws://127.0.0.1:${port}/ws`, WebSocket: WebSocket as never, token });
  clients.push(c);
  c.connect();
  return c;
}

describe('opening a hosted room', () => {
  it('hands the quiz’s media store to the server thread, which serves the quiz’s pictures', async () => {
    const media = new MediaStore(join(dir, 'media'));
    const bytes = await pngPicture(3);
    const picture = await media.put(bytes, 'png');
    const quiz = QuizSchema.parse({
      title: 'Pictures',
      questions: [{ kind: 'choice', prompt: 'Which?', options: ['a', 'b'], correct: 0, image: picture }],
    });
    const opened = await openHostedRoom(
      { kind: 'new', quiz, roomName: 'Room 8', pin: false, settings: {}, port: 0, media },
      place(),
      { announce: null, reports: null },
    );
    if (!opened.ok) throw new Error(opened.message);
    rooms.push(opened.room);
    const res = await fetch(`http://127.0.0.1:${opened.room.server.port}/media/${picture}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers host_failed with what to fix when the port it must have is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const opened = await openHostedRoom({ ...newRoom, settings: {}, port, strictPort: true }, place(), {
        announce: null,
        reports: null,
      });
      expect(opened).toEqual({
        ok: false,
        code: 'host_failed',
        message: `Cannot listen on 127.0.0.1:${port}: port ${port} is already in use (by another Quizroom room or another program).`,
      });
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('answers nothing_to_resume, naming the folder it looked in, when no room was interrupted', async () => {
    const journalDir = join(dir, 'empty-journal');
    expect(
      await openHostedRoom({ kind: 'resume' }, place({ journalDir }), { announce: null, reports: null }),
    ).toEqual({
      ok: false,
      code: 'nothing_to_resume',
      message: `There is no interrupted game to resume in ${journalDir}.`,
    });
  });

  it('saves every finished game, and a room closed at once still leaves the last report on disk', async () => {
    const store = new ReportStore(join(dir, 'library'));
    const saved: string[] = [];
    const opened = await openHostedRoom(
      { ...newRoom, settings: { minPlayers: 0, countdownSeconds: 0 }, port: 0 },
      place(),
      {
        announce: null,
        reports: {
          store,
          onSaved: (s) => saved.push(s.id),
          onError: (e) => saved.push(`error: ${String(e)}`),
        },
      },
    );
    if (!opened.ok) throw new Error(opened.message);
    const room = opened.room;
    rooms.push(room);
    expect(room.announced).toBe(false);
    const host = client(room.server.port, room.server.hostToken);
    const ada = client(room.server.port);
    await waitFor(() => host.view.role === 'host' && ada.view.ready, 'the host and Ada to connect');
    ada.join('Ada');
    await waitFor(() => host.view.players.length === 1, 'Ada to join');
    host.start();
    await waitFor(() => ada.view.question, 'the first question');
    host.skip();
    await waitFor(() => ada.view.phase === 'reveal', 'the reveal');
    host.end();
    await waitFor(() => host.view.phase === 'finished', 'the end');
    // Closed as soon as the game ended: the report may still be on its way to the disk.
    await room.close();
    expect(saved).toHaveLength(1);
    expect(saved[0]).not.toMatch(/^error/);
    const report = await store.read(saved[0]!);
    expect(report).toMatchObject({ roomName: 'Room 7', players: [{ name: 'Ada', rank: 1 }] });
    expect(report.questions.map((q) => q.status)).toEqual(['skipped', 'not_reached', 'not_reached']);
  });
});
