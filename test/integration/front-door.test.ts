/**
 * The front door over real sockets: WebSocket upgrades from a foreign page (Origin) are refused
 * while native clients (no Origin) and the host's own page get in; HTTP requests for a foreign
 * Host name (DNS rebinding) get 421; slow requests are cut by the header timeout; sockets are
 * counted per address from their first byte, and overall.
 */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { HTTP_SOCKET_SLACK } from '../../src/main/server/admission';
import { HEADERS_TIMEOUT_MS } from '../../src/main/server/listener';
import { APP_ORIGIN } from '../../src/main/server/request-origin';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

const hosts: TestHost[] = [];
const raw: Socket[] = [];

afterEach(async () => {
  for (const s of raw.splice(0)) s.destroy();
  for (const h of hosts.splice(0)) await h.stop();
});

async function startHost(options: ConstructorParameters<typeof TestHost>[0] = {}): Promise<TestHost> {
  const h = new TestHost(options);
  hosts.push(h);
  return h.start();
}

/** Upgrades with these headers: 'open', or the HTTP status the host answered with. */
function upgrade(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.terminate();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (e) => reject(e));
  });
}

function get(port: number, path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.once('error', reject);
    req.end();
  });
}

/** A TCP socket from `from` that sends `bytes` (maybe nothing) and then waits; `closed` says when it is cut. */
async function tcp(port: number, from: string, bytes = ''): Promise<Socket> {
  const s = connect({ host: '127.0.0.1', port, localAddress: from });
  raw.push(s);
  s.on('error', () => undefined);
  await new Promise<void>((resolve) => {
    s.once('connect', () => resolve());
    s.once('close', () => resolve());
  });
  if (bytes && !s.closed) s.write(bytes);
  return s;
}

describe('Origin and Host', () => {
  it('refuses upgrades from a foreign page and lets in native clients and the host own page', async () => {
    const h = await startHost();
    const port = h.server.port;
    expect(await upgrade(h.url, {})).toBe('open');
    expect(await upgrade(h.url, { Origin: `http://127.0.0.1:${port}` })).toBe('open');
    expect(await upgrade(h.url, { Origin: `http://localhost:${port}` })).toBe('open');
    expect(await upgrade(h.url, { Origin: APP_ORIGIN })).toBe('open');
    expect(await upgrade(h.url, { Origin: 'http://quiz-cheats.example' })).toBe(403);
    expect(await upgrade(h.url, { Origin: `http://quiz-cheats.example:${port}` })).toBe(403);
    // Another program's page on this machine (another port) is not the host's page either.
    expect(await upgrade(h.url, { Origin: `http://127.0.0.1:${port + 1}` })).toBe(403);
    // Through a port forward, the page and the upgrade both name the forward's address: its own page.
    const forward = `127.0.0.1:${port + 1}`;
    expect(await upgrade(h.url, { Origin: `http://${forward}`, Host: forward })).toBe('open');
    expect(await upgrade(h.url, { Origin: 'http://quiz-cheats.example', Host: forward })).toBe(403);
    expect(await upgrade(h.url, { Origin: 'null' })).toBe(403);
    expect(await upgrade(h.url, { Origin: 'file://' })).toBe(403);
    // A rebound name in Host is refused before the Origin is even looked at.
    expect(await upgrade(h.url, { Host: `rebind.example:${port}` })).toBe(421);
    expect(h.server.connectionCount).toBe(0);
  });

  it('answers 421 to HTTP requests for a foreign Host name', async () => {
    const h = await startHost();
    const port = h.server.port;
    expect(await get(port, '/health', `127.0.0.1:${port}`)).toBe(200);
    expect(await get(port, '/health', `localhost:${port}`)).toBe(200);
    expect(await get(port, '/health', `[::1]:${port}`)).toBe(200);
    expect(await get(port, '/health', `rebind.example:${port}`)).toBe(421);
    expect(await get(port, '/health', 'rebind.example')).toBe(421);
    expect(await get(port, '/', `evil.example.:${port}`)).toBe(421);
  });
});

describe('slow and piled-up sockets', () => {
  it('cuts a request whose headers never finish, and one that never sends a byte', async () => {
    const h = await startHost();
    const slow = await tcp(h.server.port, '127.0.0.41', 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    const silent = await tcp(h.server.port, '127.0.0.42');
    await waitFor(() => h.server.socketCount === 2, 'both sockets to be counted');
    // A generous bound: several times the header timeout, far below Node's default of 60 s.
    const bound = HEADERS_TIMEOUT_MS * 4;
    await waitFor(() => slow.closed, 'the slow request to be cut', bound);
    await waitFor(() => silent.closed, 'the silent socket to be cut', bound);
    await waitFor(() => h.server.socketCount === 0, 'the count to come back to zero');
  }, 60_000);

  it('counts sockets per address from the first byte, before any upgrade', async () => {
    const CAP = 2;
    const h = await startHost({ maxConnectionsPerAddress: CAP });
    const port = h.server.port;
    const held: Socket[] = [];
    for (let i = 0; i < CAP + HTTP_SOCKET_SLACK; i++) held.push(await tcp(port, '127.0.0.43'));
    await waitFor(() => h.server.socketCount === CAP + HTTP_SOCKET_SLACK, 'the held sockets to be counted');
    const over = await tcp(port, '127.0.0.43');
    await waitFor(() => over.closed, 'the socket over the cap to be cut');
    expect(held.every((s) => !s.closed)).toBe(true);
    // Another address is not affected; freeing a socket frees a place.
    expect((await tcp(port, '127.0.0.44')).closed).toBeFalsy();
    held[0]!.destroy();
    await waitFor(() => h.server.socketCount === CAP + HTTP_SOCKET_SLACK, 'the freed place');
    const again = await tcp(port, '127.0.0.43');
    await waitFor(() => h.server.socketCount === CAP + HTTP_SOCKET_SLACK + 1, 'the new socket to be counted');
    expect(again.closed).toBeFalsy();
  });

  it('holds at most maxSockets sockets from all addresses together', async () => {
    const h = await startHost({ maxSockets: 4 });
    const port = h.server.port;
    for (let i = 0; i < 4; i++) await tcp(port, `127.0.0.${50 + i}`);
    await waitFor(() => h.server.socketCount === 4, 'four sockets counted');
    const fifth = await tcp(port, '127.0.0.60');
    await waitFor(() => fifth.closed, 'the fifth socket to be cut');
    expect(h.server.socketCount).toBe(4);
  });
});
