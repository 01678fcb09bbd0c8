/**
 * Outgoing messages as ready WebSocket frames. `ws` frames every message it sends (a fresh header
 * buffer and a two-buffer write per socket). The host builds each message's frame (header and
 * payload in one buffer) once: a broadcast writes that same buffer to every socket, and messages
 * that leave together for one socket (a welcome and its snapshot, a reveal and the player's own
 * result) go out in one write, so one system call. See docs/performance.md for what it saves.
 *
 * Writing next to `ws` is safe on this server's sockets because frames from a server are never
 * masked and, with permessage-deflate off and no Blob data, `ws` never holds a frame back: every
 * `ws.send`, ping and close goes to the socket at once, so whole frames cannot interleave. What
 * is written directly still counts in `ws.bufferedAmount` (it reads the socket's buffer).
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/** A text message framed once: `frame` is what goes on the wire, `payload` its UTF-8 text. */
export interface PreparedFrame {
  frame: Buffer;
  payload: Buffer;
}

/** An unmasked, final text frame (RFC 6455, section 5.2) carrying `text`. */
export function textFrame(text: string): PreparedFrame {
  const length = Buffer.byteLength(text);
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x81; // FIN, opcode 1 (text)
  if (length < 126) {
    frame[1] = length;
  } else if (length < 65_536) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  frame.write(text, headerLength, 'utf8');
  return { frame, payload: frame.subarray(headerLength) };
}

/**
 * Writes ready frames, in order, to the socket under `ws` in one write; when that socket cannot
 * be reached (another `ws` version), sends each payload through `ws` instead.
 */
export function writeFrames(ws: WebSocket, first: PreparedFrame, second?: PreparedFrame): void {
  const socket = (ws as unknown as { _socket?: Duplex | null })._socket;
  if (socket && typeof socket.write === 'function') {
    socket.write(second ? Buffer.concat([first.frame, second.frame]) : first.frame);
    return;
  }
  ws.send(first.payload, { binary: false });
  if (second) ws.send(second.payload, { binary: false });
}
