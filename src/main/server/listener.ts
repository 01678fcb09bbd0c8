/**
 * The server's front door: one HTTP server on one port. Every TCP socket is offered to the server
 * at its first byte (`socketOpening`: per-address count and budget, overall cap) and cut if
 * refused; slow requests are cut by header and request timeouts. A request for a foreign `Host`
 * name gets 421, an upgrade from a foreign `Origin` 403 (request-origin.ts). It answers `/health`,
 * serves the quiz's pictures and sounds at `/media/` (media-files.ts), the built web player at `/`, and hands WebSocket upgrades at `/ws` to the server (any
 * other upgrade gets 404). It listens on the port asked for or, unless the port is strict, on the
 * next free one, and a failure to listen is a ListenError that says what to do.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { DEFAULT_PORT, HEALTH_PATH, SOCKET_PATH } from '../../shared/protocol/endpoints';
import type { HealthInfo } from '../../shared/protocol/health';
import { hostAllowed, originAllowed } from './request-origin';
import { MEDIA_PREFIX, serveMedia, type RoomMedia } from './media-files';
import { serveStatic } from './static-files';

export { DEFAULT_PORT };
/** Largest message a client may send, in bytes: a bigger one closes its socket (code 1009). */
export const MAX_PAYLOAD = 16 * 1024;
/**
 * Connections the kernel may hold waiting to be accepted (capped by net.core.somaxconn). Node's
 * default of 511 overflows when a whole room joins at once, and each dropped SYN costs that
 * player 1 s, then 3 s, 7 s… of TCP retransmission before they even reach the host.
 */
export const LISTEN_BACKLOG = 4096;
/** TCP sockets the server holds at most, from all addresses together (HTTP and WebSocket). */
export const MAX_SOCKETS = 12_000;
/** A request's headers must have arrived this long after its socket's first byte. */
export const HEADERS_TIMEOUT_MS = 5_000;
/** A whole request (headers and body) must have arrived within this. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** How often Node looks for requests past those timeouts. */
const TIMEOUT_CHECK_MS = 1_000;
/** An HTTP socket that is idle between requests is closed after this. */
const KEEP_ALIVE_MS = 5_000;
/** Ports tried after the first one is taken, when the port is not strict. */
const PORT_ATTEMPTS = 20;

export interface ListenerRoutes {
  health(): HealthInfo;
  /** Folder of the built web player; null serves none. */
  staticDir: string | null;
  /** The quiz's pictures and sounds; null serves none. */
  media: RoomMedia | null;
  /** Whether new sockets are taken now (not while the room closes). */
  accepting(): boolean;
  /** A TCP socket from `address` arrived: whether it may stay (false: it is cut at once). */
  socketOpening(address: string): boolean;
  /** A socket that `socketOpening` let in has closed. */
  socketClosed(address: string): void;
  /** A WebSocket upgrade at `/ws`; the server accepts it with `handleUpgrade` when its turn comes. */
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface ListenOptions {
  /** Port to listen on; when `strictPort` is false, the next free ones are tried too. */
  port?: number;
  strictPort?: boolean;
  /** Address to listen on; all interfaces by default. */
  bind?: string;
}

export class Listener {
  private readonly http: Server;
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_PAYLOAD,
    perMessageDeflate: false,
    clientTracking: false,
  });

  constructor(private readonly routes: ListenerRoutes) {
    this.http = createServer(
      {
        headersTimeout: HEADERS_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        connectionsCheckingInterval: TIMEOUT_CHECK_MS,
        keepAliveTimeout: KEEP_ALIVE_MS,
      },
      (req, res) => this.onRequest(req, res),
    );
    this.http.on('connection', (socket: Socket) => this.onSocket(socket));
    this.http.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.http.on('clientError', (_err, socket) => socket.destroy());
  }

  /** Completes a WebSocket handshake that `routes.upgrade` was given. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, accept: (ws: WebSocket) => void): void {
    this.wss.handleUpgrade(req, socket, head, accept);
  }

  /** Starts listening; resolves with the port actually used. */
  async listen(options: ListenOptions): Promise<number> {
    const first = options.port ?? DEFAULT_PORT;
    const attempts = options.strictPort || first === 0 ? 1 : PORT_ATTEMPTS;
    for (let i = 0; ; i++) {
      const port = first === 0 ? 0 : first + i;
      try {
        return await this.tryListen(port, options.bind);
      } catch (e) {
        const reason = e as NodeJS.ErrnoException;
        if (reason.code !== 'EADDRINUSE' || i === attempts - 1)
          throw new ListenError(port, options.bind, reason);
      }
    }
  }

  /** Stops listening and drops every HTTP connection (the sockets are the server's to close first). */
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private tryListen(port: number, bind: string | undefined): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      this.http.once('error', onError);
      this.http.listen({ port, host: bind ?? '0.0.0.0', exclusive: true, backlog: LISTEN_BACKLOG }, () => {
        this.http.off('error', onError);
        resolve((this.http.address() as AddressInfo).port);
      });
    });
  }

  /** Counts a socket from its first byte, or cuts it. */
  private onSocket(socket: Socket): void {
    const address = socket.remoteAddress ?? 'unknown';
    if (!this.routes.socketOpening(address)) {
      socket.destroy();
      return;
    }
    socket.once('close', () => this.routes.socketClosed(address));
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    if (!hostAllowed(req.headers.host)) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end(`This host does not serve "${String(req.headers.host).slice(0, 100)}".`);
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    if (pathname === HEALTH_PATH) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
      res.end(JSON.stringify(this.routes.health()));
      return;
    }
    if (pathname.startsWith(MEDIA_PREFIX)) {
      void serveMedia(this.routes.media, req, res, pathname);
      return;
    }
    if (!this.routes.staticDir) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    void serveStatic(this.routes.staticDir, req, res, pathname);
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const pathname = (req.url ?? '').split('?')[0];
    if (pathname !== SOCKET_PATH || !this.routes.accepting()) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    if (!hostAllowed(req.headers.host)) {
      socket.end('HTTP/1.1 421 Misdirected Request\r\nConnection: close\r\n\r\n');
      return;
    }
    const port = req.socket.localPort ?? 0;
    if (!originAllowed(req.headers.origin, port, req.headers.host)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    this.routes.upgrade(req, socket, head);
  }
}

export class ListenError extends Error {
  constructor(
    readonly port: number,
    readonly bind: string | undefined,
    readonly reason: NodeJS.ErrnoException,
  ) {
    const where = `${bind ?? '0.0.0.0'}:${port}`;
    const why =
      reason.code === 'EADDRINUSE'
        ? `port ${port} is already in use (by another Quizroom room or another program)`
        : reason.code === 'EACCES'
          ? `permission denied for port ${port}; choose a port above 1024`
          : reason.code === 'EADDRNOTAVAIL'
            ? `${bind} is not an address of this machine`
            : reason.message;
    super(`Cannot listen on ${where}: ${why}.`);
    this.name = 'ListenError';
  }
}
