/**
 * A slow, lossy Wi-Fi link in user space: a TCP relay between players and the host that holds
 * every chunk of bytes for a random delay (100 ms ± 50 ms by default) before passing it on, and
 * holds a random 2 % of chunks longer (200–400 ms more), as TCP does when it has to retransmit a
 * lost segment. Order is kept per direction, so a held chunk also holds up everything behind it
 * (TCP's head-of-line blocking). The kernel's netem qdisc would do this below TCP; it is not
 * available on the machines the tests run on ("Specified qdisc kind is unknown"), so this relay
 * models what TCP makes of it: bytes arrive late, in order, and in bursts, never lost.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { SeededRandom } from './seeded-random';

export interface LossyProxyOptions {
  /** Where the host listens (on 127.0.0.1 unless `targetHost` says otherwise). */
  targetPort: number;
  targetHost?: string;
  /** Mean one-way delay per chunk, and the most it varies either way (uniformly). */
  delayMs?: number;
  jitterMs?: number;
  /** Share of chunks that are "lost" and arrive only after a retransmission delay. */
  lossRate?: number;
  retransmitMs?: readonly [number, number];
  seed?: number;
}

export interface LinkStats {
  connections: number;
  chunks: number;
  bytes: number;
  /** Chunks that were held for a retransmission. */
  retransmitted: number;
  /** The longest any chunk waited in the relay, head-of-line blocking included. */
  maxHeldMs: number;
}

/** One chunk of bytes through the link: when it came in and when it was let out. */
export interface ChunkRecord {
  receivedAt: number;
  releasedAt: number;
  bytes: number;
  retransmitted: boolean;
}

/** One client connection through the link, by the client's local port. */
export interface LinkRecord {
  clientPort: number;
  /** Client to host, and host to client. */
  up: ChunkRecord[];
  down: ChunkRecord[];
}

interface Held {
  at: number;
  data: Buffer;
}

const now = () => performance.now();

/** One direction of one connection: chunks leave in arrival order, each when its delay is up. */
class DelayedPipe {
  private readonly queue: Held[] = [];
  private lastAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private ended = false;

  constructor(
    private readonly proxy: LossyProxy,
    from: Socket,
    private readonly to: Socket,
    private readonly log: ChunkRecord[],
  ) {
    from.on('data', (chunk: Buffer) => this.push(chunk));
    from.on('end', () => this.finish());
    from.on('close', () => this.finish());
  }

  private push(data: Buffer): void {
    const receivedAt = now();
    const { delay, retransmitted } = this.proxy.nextDelay(data.length);
    // In order: a chunk never overtakes the one before it.
    const at = Math.max(this.lastAt, receivedAt + delay);
    this.proxy.noteHeld(at - receivedAt);
    this.log.push({ receivedAt, releasedAt: at, bytes: data.length, retransmitted });
    this.lastAt = at;
    this.queue.push({ at, data });
    this.schedule();
  }

  private finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const head = this.queue[0];
    if (!head) {
      if (this.ended) this.to.end();
      return;
    }
    this.timer = setTimeout(() => this.pump(), Math.max(0, Math.ceil(head.at - now())));
  }

  private pump(): void {
    this.timer = null;
    const t = now();
    while (this.queue.length > 0 && this.queue[0]!.at <= t) {
      const { data } = this.queue.shift()!;
      if (!this.to.destroyed) this.to.write(data);
    }
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.queue.length = 0;
  }
}

export class LossyProxy {
  readonly stats: LinkStats = { connections: 0, chunks: 0, bytes: 0, retransmitted: 0, maxHeldMs: 0 };
  /** Every chunk of every connection, for tests that need to know what the link did to a message. */
  readonly links: LinkRecord[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  private readonly pipes = new Set<DelayedPipe>();
  private readonly random: SeededRandom;
  private readonly delayMs: number;
  private readonly jitterMs: number;
  private readonly lossRate: number;
  private readonly retransmitMs: readonly [number, number];
  port = 0;

  constructor(private readonly options: LossyProxyOptions) {
    this.random = new SeededRandom(options.seed ?? 1);
    this.delayMs = options.delayMs ?? 100;
    this.jitterMs = options.jitterMs ?? 50;
    this.lossRate = options.lossRate ?? 0.02;
    this.retransmitMs = options.retransmitMs ?? [200, 400];
  }

  async start(): Promise<this> {
    const server = createServer({ allowHalfOpen: true, noDelay: true }, (client) => this.relay(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: '127.0.0.1', port: 0 }, () => resolve());
    });
    this.port = (server.address() as { port: number }).port;
    this.server = server;
    return this;
  }

  /** The host's WebSocket endpoint, reached through this link. */
  get url(): string {
    return `ws://127.0.0.1:${this.port}/ws`;
  }

  /** The longest a chunk waits when it is not retransmitted and nothing ahead of it was. */
  get maxCleanDelayMs(): number {
    return this.delayMs + this.jitterMs;
  }

  /** The delay for the next chunk: the link's delay and jitter, plus a retransmission now and then. */
  nextDelay(bytes: number): { delay: number; retransmitted: boolean } {
    this.stats.chunks++;
    this.stats.bytes += bytes;
    let delay = this.delayMs + this.random.between(-this.jitterMs, this.jitterMs);
    const retransmitted = this.random.chance(this.lossRate);
    if (retransmitted) {
      this.stats.retransmitted++;
      delay += this.random.between(this.retransmitMs[0], this.retransmitMs[1]);
    }
    return { delay, retransmitted };
  }

  noteHeld(ms: number): void {
    this.stats.maxHeldMs = Math.max(this.stats.maxHeldMs, ms);
  }

  private relay(client: Socket): void {
    this.stats.connections++;
    const upstream = createConnection({
      host: this.options.targetHost ?? '127.0.0.1',
      port: this.options.targetPort,
      allowHalfOpen: true,
      noDelay: true,
    });
    for (const s of [client, upstream]) {
      this.sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => this.sockets.delete(s));
    }
    const link: LinkRecord = { clientPort: client.remotePort ?? 0, up: [], down: [] };
    this.links.push(link);
    const pipes = [
      new DelayedPipe(this, client, upstream, link.up),
      new DelayedPipe(this, upstream, client, link.down),
    ];
    for (const p of pipes) this.pipes.add(p);
    // Once both sides are gone there is nothing left to deliver.
    let closed = 0;
    const onClose = () => {
      if (++closed < 2) return;
      for (const p of pipes) {
        p.stop();
        this.pipes.delete(p);
      }
    };
    client.on('close', onClose);
    upstream.on('close', onClose);
  }

  /** Cuts every connection at once and stops listening. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const p of this.pipes) p.stop();
    this.pipes.clear();
    for (const s of this.sockets) s.destroy();
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
