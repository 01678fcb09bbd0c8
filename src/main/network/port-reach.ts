/**
 * Whether a port answers on one of this computer's addresses, as a player's phone would call it:
 * a TCP connection and, when a room is open, its health answer. A refused connection means nothing
 * listens there (the room is bound to another address); one that hangs until the time is up means
 * something drops the packets, which on a computer calling itself is a firewall.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { HEALTH_PATH } from '../../shared/protocol/endpoints';

export type Reach = 'answered' | 'refused' | 'timed-out' | 'not-a-room';

/** Tries `address:port` once within `timeoutMs`; with `room`, also asks for the room's health. */
export function reachPort(address: string, port: number, timeoutMs: number, room: boolean): Promise<Reach> {
  return new Promise((resolve) => {
    if (room) {
      const req = request({ host: address, port, path: HEALTH_PATH, timeout: timeoutMs }, (res) => {
        res.resume();
        resolve(res.statusCode === 200 ? 'answered' : 'not-a-room');
      });
      req.on('timeout', () => {
        req.destroy();
        resolve('timed-out');
      });
      req.on('error', (e: NodeJS.ErrnoException) =>
        resolve(e.code === 'ECONNREFUSED' ? 'refused' : 'timed-out'),
      );
      req.end();
      return;
    }
    const socket = connect({ host: address, port });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve('timed-out');
    });
    socket.once('connect', () => {
      socket.destroy();
      resolve('answered');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => {
      socket.destroy();
      resolve(e.code === 'ECONNREFUSED' ? 'refused' : 'timed-out');
    });
  });
}
