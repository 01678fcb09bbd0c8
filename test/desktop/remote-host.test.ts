/**
 * What the desktop app takes from a room on another computer: whatever answers there may not be a
 * Quizroom host, so its frames are held to the limit a Quizroom host holds its players to.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PAYLOAD } from '../../src/main/server/quiz-server';
import { PROTOCOL_VERSION, type HealthInfo } from '../../src/shared/protocol';
import { newDesktopSession, stopDesktopSessions, untilState } from '../support/desktop-sessions';
import { waitFor } from '../support/wait';

let fake: { http: Server; wss: WebSocketServer } | null = null;

afterEach(async () => {
  await stopDesktopSessions();
  if (fake) {
    for (const client of fake.wss.clients) client.terminate();
    fake.wss.close();
    await new Promise((resolve) => fake!.http.close(resolve));
    fake = null;
  }
});

/** A "host" on loopback that passes the health check and then sends what the test says. */
async function fakeHost(onSocket: (ws: WebSocket) => void): Promise<number> {
  const http = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    const health: HealthInfo = {
      room: 'Fake',
      state: 'NOT_STARTED',
      players: 0,
      protocol: PROTOCOL_VERSION,
      pinRequired: false,
    };
    res.end(JSON.stringify(health));
  });
  const wss = new WebSocketServer({ server: http, path: '/ws' });
  wss.on('connection', onSocket);
  fake = { http, wss };
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return (http.address() as AddressInfo).port;
}

/** A JSON text frame of exactly `bytes` bytes (a pong, padded). */
function frameOf(bytes: number): string {
  const head = '{"type":"pong","t":0,"serverTime":0,"pad":"';
  return `${head}${'x'.repeat(bytes - head.length - 2)}"}`;
}

describe('a room on another computer', () => {
  it('may send frames up to the host frame limit, and is cut off at one byte more', async () => {
    const closes: number[] = [];
    let sent = 0;
    const port = await fakeHost((ws) => {
      ws.on('close', (code) => closes.push(code));
      // The first connection gets a frame at the limit, later ones a frame one byte over it.
      const size = sent++ === 0 ? MAX_PAYLOAD : MAX_PAYLOAD + 1;
      ws.send(frameOf(size), () => {
        if (size === MAX_PAYLOAD) ws.close(1000);
      });
    });
    const guest = newDesktopSession();
    expect(await guest.session.connect('127.0.0.1', port)).toEqual({ ok: true });
    await waitFor(() => closes.length >= 2, 'two connections to end', 15_000);
    // 1000: we closed the one with the frame at the limit; 1009 (message too big): the client cut the other.
    expect(closes.slice(0, 2)).toEqual([1000, 1009]);
    await untilState(
      guest.session,
      (s) => s.game?.connection === 'reconnecting',
      'the guest to be reconnecting',
    );
  });
});
