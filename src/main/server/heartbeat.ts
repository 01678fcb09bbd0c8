/**
 * The heartbeat: every beat, a socket that did not answer the last ping is cut (the phone went
 * away without closing) and every other one gets a ping, whose pong measures its round trip
 * (Connection.recordPong). Pings go out in slices, in a queue of their own, so that no message
 * waits behind them and pinging thousands of sockets never holds up answers.
 */
import type { Clock } from './clock';
import type { Connection } from './connection';
import { measurementPoints, NO_CONTEXT } from './measurement-points';
import { SendQueue, SLICE_MS } from './send-queue';

export const HEARTBEAT_MS = 5_000;

export class Heartbeat {
  private readonly pings = new SendQueue(SLICE_MS, undefined, measurementPoints.pingSlice);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly connections: () => Iterable<Connection>,
  ) {}

  start(intervalMs = HEARTBEAT_MS): void {
    this.timer = setInterval(
      () => measurementPoints.heartbeat.around(NO_CONTEXT, () => this.beat()),
      intervalMs,
    );
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private beat(): void {
    this.pings.each([...this.connections()], (conn) => {
      if (!conn.alive) {
        conn.ws.terminate();
        return;
      }
      conn.recordPing(this.clock.now());
      conn.ws.ping();
    });
  }
}
