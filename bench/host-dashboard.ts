/**
 * The bench's host connection (the host token): it starts the game and records what a host
 * screen receives: the question messages (replayed to the floor), the batched answer counters,
 * the final top 10 and the full final standings the leaderboard check compares with.
 */
import WebSocket from 'ws';
import { PROTOCOL_VERSION, type LeaderRow, type MessageOf, type ServerMessage } from '../src/shared/protocol';

export class HostDashboard {
  readonly questions: MessageOf<'question'>[] = [];
  readonly errors: string[] = [];
  readonly counts = new Map<string, number>();
  finishedTop: LeaderRow[] | null = null;
  finalStandings: LeaderRow[] | null = null;
  private onFinal: (() => void) | null = null;
  private onGone: ((e: Error) => void) | null = null;
  private goneNote: string | null = null;

  private constructor(private readonly ws: WebSocket) {}

  static connect(url: string, token: string, timeoutMs = 10_000): Promise<HostDashboard> {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    const dashboard = new HostDashboard(ws);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('The host connection got no snapshot.')), timeoutMs);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', protocol: PROTOCOL_VERSION, token })));
      ws.on('error', (e) => reject(new Error(`The host connection failed: ${e.message}`)));
      ws.on('close', (code) => {
        dashboard.goneNote = `The host connection closed (${code}) before the game ended.`;
        reject(new Error(dashboard.goneNote));
        dashboard.onGone?.(new Error(dashboard.goneNote));
      });
      ws.on('message', (data) => {
        const msg = JSON.parse(String(data)) as ServerMessage;
        dashboard.receive(msg);
        if (msg.type === 'snapshot') {
          clearTimeout(timer);
          resolve(dashboard);
        }
      });
    });
  }

  start(): void {
    this.ws.send(JSON.stringify({ type: 'start' }));
  }

  /** How many messages of `type` the host screen received. */
  count(type: string): number {
    return this.counts.get(type) ?? 0;
  }

  /** Resolves when the game is over and the final standings are in. */
  waitFinal(timeoutMs: number): Promise<void> {
    if (this.finalStandings) return Promise.resolve();
    if (this.goneNote) return Promise.reject(new Error(this.goneNote));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The game did not finish within ${Math.round(timeoutMs / 1000)} s.`)),
        timeoutMs,
      );
      this.onFinal = () => {
        clearTimeout(timer);
        resolve();
      };
      this.onGone = (e) => {
        clearTimeout(timer);
        reject(e);
      };
    });
  }

  close(): void {
    this.onGone = null;
    this.ws.terminate();
  }

  private receive(msg: ServerMessage): void {
    this.counts.set(msg.type, this.count(msg.type) + 1);
    switch (msg.type) {
      case 'question':
        this.questions.push(msg);
        return;
      case 'finished':
        this.finishedTop = msg.top;
        return;
      case 'standings':
        // The standings that follow "finished" are the final ones.
        if (this.finishedTop) {
          this.finalStandings = msg.rows;
          this.onFinal?.();
        }
        return;
      case 'error':
        this.errors.push(`${msg.code}: ${msg.message}`);
        return;
    }
  }
}
