/**
 * Closing a room's server thread: the thread closes the room and then ends by itself (exit code
 * 0); `terminate()` (exit code 1) is only the fallback for a thread that does not end in time.
 */
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServerThread } from '../../src/main/server/server-thread';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { ensureBuilt, SERVER_WORKER } from '../support/built-app';
import { TEST_QUIZ } from '../support/test-host';
import { waitFor } from '../support/wait';

beforeAll(() => ensureBuilt(), 6 * 60_000);

describe('closing the server thread', () => {
  it('ends the thread by itself once the room is closed, with players still connected', async () => {
    const thread = await ServerThread.start(
      {
        kind: 'new',
        options: {
          quiz: TEST_QUIZ,
          roomName: 'Closing room',
          port: 0,
          bind: '127.0.0.1',
          staticDir: null,
          settings: { minPlayers: 0, countdownSeconds: 0 },
        },
      },
      SERVER_WORKER,
    );
    const player = new QuizClient({
      url: `ws://127.0.0.1:${thread.port}/ws`,
      WebSocket: WebSocket as never,
      backoffMs: [50],
    });
    try {
      player.connect();
      await waitFor(() => player.view.connection === 'open' && player.join('Ada'), 'the player to connect');
      await waitFor(() => player.view.you, 'the player to be in the room');
      expect(thread.exitCode).toBeNull();
      await thread.close();
      expect(thread.exitCode).toBe(0);
    } finally {
      player.close();
      await thread.close();
    }
  });
});
