/**
 * What a player's client says about the connection, over real sockets: a room closed on purpose
 * is final ("The host closed the room", no reconnecting forever); a host that goes away and
 * comes back (an app that quit mid-game and resumed) pauses the game on the phone, its countdown
 * standing still, until the resumed host's snapshot continues it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { QuizServer } from '../../src/main/server/quiz-server';
import { QuizClient } from '../../src/shared/client/quiz-client';
import type { ClientView } from '../../src/shared/client/client-view';
import { FakeClock } from '../support/fake-clock';
import { TEST_QUIZ } from '../support/test-host';
import { waitFor } from '../support/wait';

const servers: QuizServer[] = [];
const clients: QuizClient[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function client(port: number, token?: string): QuizClient {
  const c = new QuizClient({
    url: `ws://127.0.0.1:${port}/ws`,
    WebSocket: WebSocket as never,
    token: token ?? null,
    backoffMs: [50, 100],
  });
  clients.push(c);
  c.connect();
  return c;
}

function until(c: QuizClient, check: (v: ClientView) => boolean, what: string): Promise<ClientView> {
  return waitFor(() => (check(c.view) ? c.view : undefined), what);
}

describe('connection states', () => {
  it('pauses the countdown while the host is away, and the room closed on purpose is final', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizroom-states-'));
    dirs.push(dir);
    const clock = new FakeClock(Date.now());
    const options = { port: 0, bind: '127.0.0.1', staticDir: null, clock, journalDir: dir };
    const a = new QuizServer({
      ...options,
      quiz: TEST_QUIZ,
      roomName: 'States',
      settings: { minPlayers: 0 },
    });
    servers.push(a);
    const port = await a.listen();
    const dashboard = client(port, a.hostToken);
    await until(dashboard, (v) => v.ready && v.role === 'host', 'the host to connect');
    const ada = client(port);
    await until(ada, (v) => v.ready, 'Ada to connect');
    ada.join('Ada');
    await until(ada, (v) => v.you?.name === 'Ada', 'Ada to join');
    dashboard.start();
    await until(dashboard, (v) => v.phase === 'countdown', 'the countdown');
    clock.advance(10_000);
    const open = await until(ada, (v) => v.phase === 'question' && v.endsAt !== null, 'the question');
    expect(open.pausedAt).toBeNull();

    // The host app quits mid-question (resumable): Ada's phone pauses the game, not a final close.
    const path = a.journalPath!;
    await a.close({ resumable: true });
    servers.splice(servers.indexOf(a), 1);
    const paused = await until(ada, (v) => v.connection === 'reconnecting', 'Ada to see the host gone');
    expect(paused.closedReason).toBeNull();
    expect(paused.pausedAt).not.toBeNull();
    expect(paused.pausedAt!).toBeLessThan(paused.endsAt!);

    // It comes back: Ada's place is kept and the snapshot continues the question (no longer paused).
    const b = QuizServer.resume(path, { ...options, port });
    servers.push(b);
    await b.listen();
    const back = await until(
      ada,
      (v) => v.connection === 'open' && v.pausedAt === null && v.ready,
      'Ada back',
    );
    expect(back.phase).toBe('question');
    expect(back.you?.name).toBe('Ada');

    // Closed on purpose: final, with a reason the phone shows.
    await b.close();
    servers.splice(servers.indexOf(b), 1);
    const closed = await until(ada, (v) => v.connection === 'closed', 'Ada to see the room closed');
    expect(closed.closedReason).toBe('The host closed the room.');
  });
});
