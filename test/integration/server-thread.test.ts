/**
 * The server on its own thread (src/main/server/server-thread.ts), as the desktop app and the
 * headless host start it: the built worker script, real sockets on 127.0.0.1. What the host side
 * sees (port, tokens, health, events, a finished game's record) and the errors it gets back
 * (a port in use, a broken journal) are those of the server itself.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ServerEvent } from '../../src/main/server/quiz-server';
import { ListenError } from '../../src/main/server/quiz-server';
import { JournalError } from '../../src/main/server/game-journal';
import { ServerThread } from '../../src/main/server/server-thread';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { ensureBuilt, SERVER_WORKER } from '../support/built-app';
import { TEST_QUIZ } from '../support/test-host';
import { waitFor } from '../support/wait';

const threads: ServerThread[] = [];
const clients: QuizClient[] = [];
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'quizroom-server-thread-'));
}, 6 * 60_000);
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(threads.splice(0).map((t) => t.close()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function client(thread: ServerThread, token: string | null = null): QuizClient {
  const c = new QuizClient({
    url: `ws://127.0.0.1:${thread.port}/ws`,
    WebSocket: WebSocket as never,
    token,
    backoffMs: [50, 100, 200],
  });
  clients.push(c);
  c.connect();
  return c;
}

describe('the server thread', () => {
  it('runs a room whose events, health and finished game reach the host side', async () => {
    const thread = await ServerThread.start(
      {
        kind: 'new',
        options: {
          quiz: TEST_QUIZ,
          roomName: 'Thread room',
          port: 0,
          bind: '127.0.0.1',
          staticDir: null,
          settings: { minPlayers: 0, countdownSeconds: 0 },
        },
      },
      SERVER_WORKER,
    );
    threads.push(thread);
    expect(thread.port).toBeGreaterThan(0);
    expect(thread.room).toMatchObject({ name: 'Thread room', pinRequired: false });
    expect(thread.quiz.title).toBe(TEST_QUIZ.title);
    expect(thread.health()).toMatchObject({ players: 0, state: 'NOT_STARTED' });
    const events: ServerEvent[] = [];
    thread.events.on('event', (e) => events.push(e));

    const host = client(thread, thread.hostToken);
    const ann = client(thread);
    const bob = client(thread);
    await waitFor(
      () => ann.view.ready && bob.view.ready && host.view.role === 'host',
      'the clients to connect',
    );
    ann.join('Ann');
    await waitFor(() => events.find((e) => e.kind === 'joined' && e.name === 'Ann'), 'the joined event');
    bob.join('Bob');
    await waitFor(() => thread.health().players === 2, 'the health to count both players');

    host.start();
    await waitFor(() => ann.view.question?.index === 0, 'the first question');
    await waitFor(() => thread.health().state === 'STARTED', 'the health to say the game started');
    ann.answer(0);
    await waitFor(() => ann.view.you?.answer, 'the answer to be acknowledged');
    // Bob has not answered: skipping voids the question.
    host.skip();
    await waitFor(() => events.find((e) => e.kind === 'phase' && e.phase === 'reveal'), 'the reveal');
    expect(events.find((e) => e.kind === 'phase' && e.phase === 'reveal')).toMatchObject({ voided: true });
    host.end();
    const over = await waitFor(
      () => events.find((e): e is Extract<ServerEvent, { kind: 'game_over' }> => e.kind === 'game_over'),
      'the game over event',
    );
    // The game's report, built in the thread: plain data, the skipped question marked as such.
    expect(over.report.players.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    expect(over.report.questions.map((q) => q.status)).toEqual(['skipped', 'not_reached', 'not_reached']);
    expect(over.report.roomName).toBe('Thread room');
    expect(thread.health().state).toBe('FINISHED');
    // The single answers stay in the thread.
    expect(events.some((e) => e.kind === 'answered')).toBe(false);

    await thread.close();
    await waitFor(() => ann.view.connection !== 'open', 'the room to close');
  });

  it('rejects with the ListenError the server gives when the port is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const started = ServerThread.start(
        {
          kind: 'new',
          options: {
            quiz: TEST_QUIZ,
            roomName: 'Busy',
            port,
            strictPort: true,
            bind: '127.0.0.1',
            staticDir: null,
          },
        },
        SERVER_WORKER,
      );
      await expect(started).rejects.toBeInstanceOf(ListenError);
      await expect(started).rejects.toThrow(
        `Cannot listen on 127.0.0.1:${port}: port ${port} is already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('rejects with a JournalError naming the file when the journal to resume is broken', async () => {
    const path = join(dir, 'room-broken.jsonl');
    writeFileSync(path, 'hello\n');
    const started = ServerThread.start(
      { kind: 'resume', path, options: { bind: '127.0.0.1', staticDir: null } },
      SERVER_WORKER,
    );
    await expect(started).rejects.toBeInstanceOf(JournalError);
    await expect(started).rejects.toThrow(/room-broken\.jsonl.*not a game journal/);
  });
});
