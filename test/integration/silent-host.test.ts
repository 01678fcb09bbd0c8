/**
 * A host that goes silent without closing (a Wi-Fi drop sends no reset): the client notices that
 * not even its pings are answered, shows "reconnecting" and connects again by itself.
 */
import WebSocket, { WebSocketServer } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { QuizClient } from '../../src/shared/client/quiz-client';
import { waitFor } from '../support/wait';

let server: WebSocketServer | null = null;
let client: QuizClient | null = null;
afterEach(async () => {
  client?.close();
  await new Promise((r) => server?.close(r) ?? r(null));
});

describe('a host that stops answering', () => {
  it('is given up on and reconnected to, without waiting for TCP', async () => {
    // Accepts connections and never says anything, like a host behind a dead link.
    server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    let connections = 0;
    server.on('connection', () => connections++);
    await new Promise((r) => server!.once('listening', r));
    const port = (server.address() as { port: number }).port;
    client = new QuizClient({
      url: `ws://127.0.0.1:${port}/ws`,
      WebSocket: WebSocket as never,
      pingEveryMs: 50,
      silentHostMs: 300,
      backoffMs: [50],
    });
    const states: string[] = [];
    client.subscribe((v) => states.push(v.connection));
    client.connect();
    await waitFor(() => connections >= 2 || undefined, 'a second connection attempt');
    expect(states).toContain('reconnecting');
  });
});
