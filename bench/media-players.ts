/**
 * Child process of the media bench: a crowd of phones on raw `ws` sockets and `node:http`. Each
 * player says hello and joins; when the host names the next question's pictures (`media`), it
 * fetches them over its own keep-alive HTTP connections (at most six, as a browser opens to one
 * host) and says `media_ready`. It counts what it received: HTTP bytes (status line, headers,
 * bodies) and the WebSocket payloads of `media` and `question`. The floor's run: the same players
 * fetching the same files from a bare `node:http` server, without any game around it.
 */
import { Agent, get } from 'node:http';
import WebSocket from 'ws';
import { PROTOCOL_VERSION } from '../src/shared/protocol';
import { configArg, onCommand, tellParent } from './child-link';

interface Config {
  /** The game host's address, `http://127.0.0.1:PORT`. */
  host: string;
}

/** Most connections a browser opens to one host. */
const CONNECTIONS_PER_HOST = 6;

interface Fetched {
  bytes: number;
}

/** GETs `url` on `agent`; resolves with what came over the wire (status line, headers, body). */
function fetchCounted(agent: Agent, url: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = get(url, { agent }, (res) => {
      let bytes = `HTTP/1.1 ${res.statusCode} ${res.statusMessage}\r\n`.length + 2;
      for (let i = 0; i < res.rawHeaders.length; i += 2)
        bytes += res.rawHeaders[i]!.length + 2 + res.rawHeaders[i + 1]!.length + 2;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () =>
        res.statusCode === 200 ? resolve({ bytes }) : reject(new Error(`${url}: HTTP ${res.statusCode}`)),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

async function fetchAll(agent: Agent, base: string, refs: readonly string[]): Promise<number> {
  const got = await Promise.all(refs.map((ref) => fetchCounted(agent, `${base}/media/${ref}`)));
  return got.reduce((sum, f) => sum + f.bytes, 0);
}

interface Player {
  ws: WebSocket;
  agent: Agent;
  httpBytes: number;
  wsBytes: number;
  ready: boolean;
}

async function main(): Promise<void> {
  const config = configArg<Config>();
  const wsUrl = `${config.host.replace('http', 'ws')}/ws`;
  const players: Player[] = [];
  let readyCount = 0;
  let errors = 0;
  /** The question the last `media` named. */
  let mediaQuestion = -1;
  /** Its `question` messages heard, by all players together. */
  let questions = 0;
  /** When the first player heard `media` (this process's clock). */
  let firstMediaAt = 0;

  function joinOne(n: number): Promise<Player> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl, { perMessageDeflate: false });
      const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_HOST });
      const p: Player = { ws, agent, httpBytes: 0, wsBytes: 0, ready: false };
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION })));
      ws.on('error', reject);
      ws.on('message', (data: Buffer) => {
        const msg = JSON.parse(data.toString('utf8')) as {
          type: string;
          question?: number | { index: number };
          refs?: string[];
        };
        if (msg.type === 'welcome') ws.send(JSON.stringify({ type: 'join', name: `Phone ${n}` }));
        else if (msg.type === 'joined') resolve(p);
        else if (msg.type === 'media') {
          mediaQuestion = msg.question as number;
          p.wsBytes += data.length;
          firstMediaAt ||= performance.now();
          // As a phone does: a picture that fails is given up on (counted here), and the phone
          // says it is ready all the same, so that a broken file never holds the question.
          fetchAll(agent, config.host, msg.refs ?? [])
            .then(
              (bytes) => void (p.httpBytes += bytes),
              () => void errors++,
            )
            .then(() => {
              p.ready = true;
              ws.send(JSON.stringify({ type: 'media_ready', question: msg.question }));
              if (++readyCount === players.length)
                tellParent({ type: 'all-fetched', ms: performance.now() - firstMediaAt });
            });
        } else if (msg.type === 'question' && (msg.question as { index: number }).index === mediaQuestion) {
          // Only the picture question's own message: the warm-up is not part of what it costs.
          p.wsBytes += data.length;
          questions++;
        }
      });
    });
  }

  onCommand(async (command) => {
    switch (command.cmd) {
      case 'join': {
        const count = command.players as number;
        // In waves, as a room fills: the host's join budget is per address, and this is one address.
        for (let i = 0; i < count; i += 50) {
          const wave = await Promise.all(
            Array.from({ length: Math.min(50, count - i) }, (_, k) => joinOne(i + k)),
          );
          players.push(...wave);
        }
        tellParent({ type: 'joined', players: players.length });
        return;
      }
      case 'counts':
        // Counted once every player has the question (the last frames may still be on their way).
        while (questions < players.length) await new Promise((r) => setTimeout(r, 5));
        tellParent({
          type: 'counts',
          httpBytes: players.map((p) => p.httpBytes),
          wsBytes: players.map((p) => p.wsBytes),
          errors,
        });
        return;
      case 'floor': {
        // The same players fetch the same files from the floor server, all at once.
        const base = command.base as string;
        const refs = command.refs as string[];
        const agents = players.map(() => new Agent({ keepAlive: true, maxSockets: CONNECTIONS_PER_HOST }));
        const started = performance.now();
        const bytes = await Promise.all(agents.map((agent) => fetchAll(agent, base, refs)));
        const ms = performance.now() - started;
        for (const a of agents) a.destroy();
        tellParent({ type: 'floor-done', ms, bytes: bytes.reduce((a, b) => a + b, 0) / agents.length });
        return;
      }
      case 'quit':
        for (const p of players) {
          p.ws.terminate();
          p.agent.destroy();
        }
        tellParent({ type: 'bye' });
        setImmediate(() => process.exit(0));
        return;
    }
  });
  tellParent({ type: 'started' });
}

void main();
