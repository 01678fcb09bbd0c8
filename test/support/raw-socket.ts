/**
 * A bare `ws` socket to the host that speaks the protocol only as far as a test tells it to: for
 * sending what a hostile or broken client would, and for reading close codes, which QuizClient
 * does not expose.
 */
import WebSocket from 'ws';
import type { ServerMessage, ServerMessageType } from '../../src/shared/protocol';
import { PROTOCOL_VERSION } from '../../src/shared/protocol';
import { waitFor } from './wait';

type MessageOf<T extends ServerMessageType> = Extract<ServerMessage, { type: T }>;

export class RawSocket {
  readonly messages: ServerMessage[] = [];
  /** Frames that were not JSON (the host should never send one). */
  readonly garbage: string[] = [];
  closeCode: number | null = null;
  closeReason = '';

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
      try {
        this.messages.push(JSON.parse(text) as ServerMessage);
      } catch {
        this.garbage.push(text);
      }
    });
    ws.on('close', (code, reason) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
    });
    // A refused or reset connection shows up as a close; the error itself is not the test's concern.
    ws.on('error', () => undefined);
  }

  /** Opens a socket and waits until the WebSocket handshake is done. */
  static async open(url: string, options?: WebSocket.ClientOptions): Promise<RawSocket> {
    const raw = new RawSocket(new WebSocket(url, options));
    await new Promise<void>((resolve, reject) => {
      raw.ws.once('open', () => resolve());
      raw.ws.once('error', reject);
    });
    return raw;
  }

  /**
   * Opens a socket and says hello (with a token if given), and waits for the snapshot. `options`
   * may bind it to another loopback source address (`localAddress: '127.0.0.2'`: Linux routes all
   * of 127/8 to lo), so that one test can be several devices.
   */
  static async hello(url: string, token?: string, options?: WebSocket.ClientOptions): Promise<RawSocket> {
    const raw = await RawSocket.open(url, options);
    raw.send(
      token === undefined
        ? { type: 'hello', protocol: PROTOCOL_VERSION }
        : { type: 'hello', protocol: PROTOCOL_VERSION, token },
    );
    await raw.waitFor('snapshot');
    return raw;
  }

  /** Sends a value as one JSON text frame, whatever it is. */
  send(value: unknown): void {
    this.ws.send(JSON.stringify(value));
  }

  /** Sends a text frame exactly as given. */
  sendText(text: string): void {
    this.ws.send(text);
  }

  of<T extends ServerMessageType>(type: T): MessageOf<T>[] {
    return this.messages.filter((m): m is MessageOf<T> => m.type === type);
  }

  get errors(): MessageOf<'error'>[] {
    return this.of('error');
  }

  waitFor<T extends ServerMessageType>(
    type: T,
    match?: (m: MessageOf<T>) => boolean,
    timeoutMs?: number,
  ): Promise<MessageOf<T>> {
    return waitFor(() => this.of(type).find((m) => !match || match(m)), `a "${type}" message`, timeoutMs);
  }

  /** Waits for an error with this code. */
  waitError(code: string, timeoutMs?: number): Promise<MessageOf<'error'>> {
    return this.waitFor('error', (m) => m.code === code, timeoutMs);
  }

  /** Waits until the socket is closed; resolves with the close code. */
  waitClose(timeoutMs?: number): Promise<number> {
    return waitFor(() => this.closeCode ?? undefined, 'the socket to close', timeoutMs);
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Ends the socket at once, without a closing handshake. */
  destroy(): void {
    this.ws.terminate();
  }
}
