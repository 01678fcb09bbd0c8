/**
 * The window hands over unsaved edits before it closes. The main process asks on FLUSH_CHANNEL;
 * the preload has the page save at once (the editor's pending autosave goes out as a saveQuiz
 * call) and then answers on FLUSHED_CHANNEL. Both messages travel in order on the one IPC pipe,
 * so when the answer arrives the save is already with the session, and the frame that sent it
 * was still alive and passed the sender check. A page that never answers is waited for only up
 * to the bound it is given. Written against small interfaces so that it is tested under Node.
 */
import { FLUSH_CHANNEL, FLUSHED_CHANNEL } from '../../shared/ipc/channels';
import { checkSender, type IpcLike, type TrustedUrl } from './ipc-handlers';

export interface FlushTarget {
  isDestroyed(): boolean;
  send(channel: string): void;
}

export type FlushOutcome = 'flushed' | 'timed-out' | 'gone';

export class WindowFlush {
  private readonly waiting = new Set<(outcome: FlushOutcome) => void>();

  /** Listens for the window's answers; returns a function that stops. */
  register(ipc: IpcLike, trusted: TrustedUrl): () => void {
    ipc.handle(FLUSHED_CHANNEL, (event) => {
      checkSender(event, trusted);
      this.settle('flushed');
    });
    return () => ipc.removeHandler(FLUSHED_CHANNEL);
  }

  /** The window is gone: nobody will answer. */
  windowGone(): void {
    this.settle('gone');
  }

  request(target: FlushTarget | null, timeoutMs: number): Promise<FlushOutcome> {
    if (!target || target.isDestroyed()) return Promise.resolve('gone');
    return new Promise((resolve) => {
      const timer = setTimeout(() => done('timed-out'), timeoutMs);
      const done = (outcome: FlushOutcome) => {
        clearTimeout(timer);
        this.waiting.delete(done);
        resolve(outcome);
      };
      this.waiting.add(done);
      target.send(FLUSH_CHANNEL);
    });
  }

  private settle(outcome: FlushOutcome): void {
    for (const done of [...this.waiting]) done(outcome);
  }
}
