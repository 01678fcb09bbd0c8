/**
 * The competition server on its own thread. The desktop app's main process and the headless host
 * start rooms with `ServerThread.start`: the QuizServer then runs in a worker (server-worker.ts)
 * with its own event loop and its own V8 heap. The window's IPC and the LAN announcement never
 * wait behind a 5,000-player broadcast, and the heap's young generation is capped
 * (SERVER_RESOURCE_LIMITS), which an Electron main process cannot do for itself: it takes V8
 * flags only from its command line. The host side sees what it needs of the server (port, room,
 * tokens, health, events) through `HostedServer`; the game itself stays in the worker.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { RoomView } from '../../shared/protocol';
import type { Quiz } from '../../shared/quiz/quiz-schema';
import { JournalError } from './game-journal';
import { ListenError } from './listener';
import type { QuizServerOptions } from './quiz-server';
import type { HealthInfo, ServerEvent } from './server-events';

/**
 * V8 limits of the server's heap. Under the allocation of a join storm V8 doubles its young
 * generation (the nursery of new objects) up to 3 × 16 MB, and keeps it: at 2,000 players that
 * one-off growth was 8 KB per player, half the server's memory. 12 MB (4 MB semi-spaces) holds
 * the memory per player at the raw socket's level with no longer event-loop stalls
 * (docs/performance.md).
 */
export const SERVER_RESOURCE_LIMITS = { maxYoungGenerationSizeMb: 12 } as const;

/** The built worker script, beside the bundle that starts it (out/main). */
function builtServerWorker(): string {
  return join(__dirname, 'server-worker.js');
}

/**
 * What crosses to the worker instead of `QuizServerOptions.media` (a class does not cross a
 * thread): the media store's folder; the worker opens a MediaStore on it.
 */
interface MediaFolder {
  mediaDir?: string | null;
}

/** A room to open: a new one, or the one recorded in a journal (after the host process died). */
export type ServerStart =
  | { kind: 'new'; options: Omit<QuizServerOptions, 'clock' | 'resumeFrom' | 'media'> & MediaFolder }
  | {
      kind: 'resume';
      path: string;
      /** Resume up to the damage found at this byte offset (see JournalDamage), dropping the rest. */
      acceptDamageAt?: number | null;
      options: Omit<
        QuizServerOptions,
        'quiz' | 'roomName' | 'pin' | 'settings' | 'resumeFrom' | 'clock' | 'media'
      > &
        MediaFolder;
    };

/** What the host side keeps of the server: fixed facts and the latest health. */
export interface ServerFacts {
  port: number;
  hostToken: string;
  pin: string | null;
  room: RoomView;
  quiz: Quiz;
  journalPath: string | null;
}

/** What the host side keeps of the room as it goes: its health (the /health answer). */
export interface ServerStatus {
  health: HealthInfo;
}

export type FromServerThread =
  | ({ type: 'ready'; facts: ServerFacts } & ServerStatus)
  | { type: 'failed'; error: ThreadError }
  | { type: 'events'; events: ServerEvent[]; status: ServerStatus }
  | { type: 'closed' };

export type ToServerThread = { type: 'close' };

/** An error that crossed from the worker, rebuilt as the class the hosts catch. */
export interface ThreadError {
  name: string;
  message: string;
  port?: number;
  bind?: string;
  code?: string;
}

export function describeThreadError(e: unknown): ThreadError {
  if (e instanceof ListenError)
    return {
      name: 'ListenError',
      message: e.reason.message,
      port: e.port,
      ...(e.bind !== undefined ? { bind: e.bind } : {}),
      ...(e.reason.code !== undefined ? { code: e.reason.code } : {}),
    };
  // A journal's problem is for the person who resumes: its message, not where it was thrown.
  if (e instanceof JournalError) return { name: 'JournalError', message: e.message };
  if (e instanceof Error) return { name: e.name, message: e.stack ?? e.message };
  return { name: 'Error', message: String(e) };
}

function rebuildError(e: ThreadError): Error {
  if (e.name === 'ListenError') {
    const reason: NodeJS.ErrnoException = new Error(e.message);
    if (e.code !== undefined) reason.code = e.code;
    return new ListenError(e.port ?? 0, e.bind, reason);
  }
  if (e.name === 'JournalError') return new JournalError(e.message);
  return new Error(`The server thread failed: ${e.message}`);
}

/**
 * The part of a running server that the hosts (CLI, desktop session) use. The room's one picture
 * on the host side is its health; the game itself is seen through a client, as every host sees it.
 */
export interface HostedServer extends ServerFacts {
  readonly events: EventEmitter<{ event: [ServerEvent] }>;
  health(): HealthInfo;
  close(): Promise<void>;
}

const CLOSE_TIMEOUT_MS = 5000;

export class ServerThread implements HostedServer {
  readonly events = new EventEmitter<{ event: [ServerEvent] }>();
  readonly port: number;
  readonly hostToken: string;
  readonly pin: string | null;
  readonly room: RoomView;
  readonly quiz: Quiz;
  readonly journalPath: string | null;
  /** Resolves when the thread has ended: after `close`, or by itself (an error in the server). */
  readonly ended: Promise<void>;
  private status: ServerStatus;
  private closing: Promise<void> | null = null;
  private exited = false;
  private exitedWith: number | null = null;

  /** Opens the room in a new server thread; rejects with ListenError or JournalError as the server would. */
  static async start(spec: ServerStart, workerPath = builtServerWorker()): Promise<ServerThread> {
    const worker = new Worker(workerPath, { workerData: spec, resourceLimits: SERVER_RESOURCE_LIMITS });
    return new Promise((resolve, reject) => {
      const settle = () => {
        worker.off('message', onMessage);
        worker.off('error', fail);
        worker.off('exit', onExit);
      };
      const fail = (e: Error) => {
        settle();
        void worker.terminate();
        reject(e);
      };
      const onExit = (code: number) =>
        fail(new Error(`The server thread exited with code ${code} before it was ready.`));
      const onMessage = (m: FromServerThread) => {
        if (m.type === 'ready') {
          settle();
          resolve(new ServerThread(worker, m.facts, m));
        } else if (m.type === 'failed') fail(rebuildError(m.error));
        else fail(new Error(`The server thread said "${m.type}" before it was ready.`));
      };
      worker.on('message', onMessage);
      worker.on('error', fail);
      worker.on('exit', onExit);
    });
  }

  private constructor(
    private readonly worker: Worker,
    facts: ServerFacts,
    status: ServerStatus,
  ) {
    ({
      port: this.port,
      hostToken: this.hostToken,
      pin: this.pin,
      room: this.room,
      quiz: this.quiz,
      journalPath: this.journalPath,
    } = facts);
    this.status = { health: status.health };
    worker.on('message', (m: FromServerThread) => {
      if (m.type !== 'events') return;
      this.status = m.status;
      for (const event of m.events) this.events.emit('event', event);
    });
    worker.on('error', (e) => console.error('Quizroom: the competition server stopped on an error:', e));
    this.ended = new Promise((resolve) =>
      worker.once('exit', (code) => {
        this.exited = true;
        this.exitedWith = code;
        resolve();
      }),
    );
  }

  health(): HealthInfo {
    return this.status.health;
  }

  /** How the thread ended: 0 when it ended by itself, 1 when it was terminated; null while it runs. */
  get exitCode(): number | null {
    return this.exitedWith;
  }

  /**
   * Closes the room (every connection, the journal); the thread then ends by itself. One that
   * has not ended within CLOSE_TIMEOUT_MS (a hung close, a handle left open) is terminated.
   */
  close(): Promise<void> {
    if (this.exited) return Promise.resolve();
    this.closing ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        console.error(
          `Quizroom: the server thread did not end within ${CLOSE_TIMEOUT_MS} ms of closing; ending it.`,
        );
        void this.worker.terminate();
      }, CLOSE_TIMEOUT_MS);
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.postMessage({ type: 'close' } satisfies ToServerThread);
    });
    return this.closing;
  }
}
