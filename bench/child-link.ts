/**
 * The orchestrator's handle on one child process (host server, floor server or players): starts
 * it through `sh` so that its open-file limit can be raised first (thousands of sockets), sends it
 * commands over the IPC channel and waits for its replies by type. Every wait has a deadline, and
 * a child that exits fails every wait at once, saying which child and how it ended.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, Worker, type ResourceLimits } from 'node:worker_threads';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Raises the open-file limit as far as allowed, then becomes node (same pid: `exec`). */
const RAISE_NOFILE = 'ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"';

export interface ChildMessage {
  type: string;
  [key: string]: unknown;
}

/** Every child started and not yet exited, so that a test can make sure none is left behind. */
const running = new Set<ChildLink>();

/** Stops every child this process started that still runs (each by its own pid). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map((c) => c.stop()));
}

/** Pids of the children this process started that still run. */
export function runningChildPids(): number[] {
  return [...running].flatMap((c) => (c.pid === undefined ? [] : [c.pid]));
}

interface Waiter {
  type: string;
  resolve: (m: ChildMessage) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class ChildLink {
  readonly child: ChildProcess;
  private readonly inbox: ChildMessage[] = [];
  private readonly waiters = new Set<Waiter>();
  private exitNote: string | null = null;
  private readonly exited: Promise<void>;

  constructor(
    readonly label: string,
    script: string,
    config: unknown,
    nodeArgs: string[] = [],
  ) {
    const args = [
      ...nodeArgs,
      '--import',
      'tsx',
      path.join(REPO_ROOT, 'bench', script),
      JSON.stringify(config),
    ];
    this.child = spawn('/bin/sh', ['-c', RAISE_NOFILE, 'sh', process.execPath, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    running.add(this);
    this.child.on('message', (m: ChildMessage) => this.deliver(m));
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        running.delete(this);
        this.exitNote = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        for (const w of this.waiters) {
          clearTimeout(w.timer);
          w.reject(
            new Error(`The ${this.label} process ${this.exitNote} while the bench waited for "${w.type}".`),
          );
        }
        this.waiters.clear();
        resolve();
      });
    });
    this.child.on('error', (e) => {
      this.exitNote = `could not start: ${e.message}`;
      running.delete(this);
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  send(command: { cmd: string; [key: string]: unknown }): void {
    if (!this.alive || !this.child.connected)
      throw new Error(`The ${this.label} process is gone (${this.exitNote ?? 'disconnected'}).`);
    this.child.send(command);
  }

  /** The next message of `type` (one that already arrived counts). */
  wait<T extends ChildMessage = ChildMessage>(type: string, timeoutMs: number): Promise<T> {
    const i = this.inbox.findIndex((m) => m.type === type);
    if (i >= 0) return Promise.resolve(this.inbox.splice(i, 1)[0] as T);
    if (this.exitNote !== null && !this.alive) {
      return Promise.reject(new Error(`The ${this.label} process ${this.exitNote}; no "${type}" will come.`));
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        type,
        resolve: resolve as (m: ChildMessage) => void,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          reject(
            new Error(
              `The ${this.label} process sent no "${type}" within ${Math.round(timeoutMs / 1000)} s.`,
            ),
          );
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  request<T extends ChildMessage = ChildMessage>(
    command: { cmd: string; [key: string]: unknown },
    replyType: string,
    timeoutMs: number,
  ): Promise<T> {
    // Send first: it throws at once if the child is gone. A reply cannot overtake it (the wait
    // below is set up before any message event can run, and earlier arrivals sit in the inbox).
    this.send(command);
    return this.wait<T>(replyType, timeoutMs);
  }

  /** Ends the child if it still runs: SIGTERM, then SIGKILL after `graceMs`. Only this child's pid. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.alive) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => {
        if (this.alive) this.child.kill('SIGKILL');
      }, graceMs);
      await this.exited;
      clearTimeout(timer);
    }
  }

  /** Resolves when the child has exited by itself, or kills it after `timeoutMs`. */
  async exit(timeoutMs: number): Promise<void> {
    const timer = setTimeout(() => void this.stop(), timeoutMs);
    await this.exited;
    clearTimeout(timer);
  }

  private deliver(m: ChildMessage): void {
    if (m.type === 'fatal') {
      process.stderr.write(`[${this.label}] ${String(m.message)}\n`);
    }
    for (const w of this.waiters) {
      if (w.type === m.type || (m.type === 'fatal' && w.type !== 'fatal')) {
        this.waiters.delete(w);
        clearTimeout(w.timer);
        if (m.type === 'fatal') w.reject(new Error(`The ${this.label} process failed: ${String(m.message)}`));
        else w.resolve(m);
        return;
      }
    }
    this.inbox.push(m);
  }
}

/** Child side: sends a message to the orchestrator (no-op when not started by one). */
export function tellParent(message: ChildMessage): void {
  if (parentPort) parentPort.postMessage(message);
  else process.send?.(message);
}

/** Child side: runs `handle` for each command; a failing command is reported as "fatal". */
export function onCommand(
  handle: (command: { cmd: string; [key: string]: unknown }) => Promise<void> | void,
): void {
  const onMessage = (command: { cmd: string }) => {
    Promise.resolve()
      .then(() => handle(command))
      .catch((e: unknown) =>
        tellParent({ type: 'fatal', message: e instanceof Error ? (e.stack ?? e.message) : String(e) }),
      );
  };
  if (parentPort) {
    parentPort.on('message', onMessage);
    return;
  }
  process.on('message', onMessage);
  // The orchestrator is gone (crashed or killed): do not linger with thousands of sockets.
  process.on('disconnect', () => process.exit(2));
}

/**
 * Child side: runs this child's own script again on a worker thread with `resourceLimits` (the
 * way the app runs its server) and passes messages between it and the orchestrator. The process
 * ends when the thread does.
 */
export function runOnThread(script: URL, resourceLimits: ResourceLimits): void {
  const worker = new Worker(script, { argv: process.argv.slice(2), resourceLimits });
  worker.on('message', (m: ChildMessage) => process.send?.(m));
  worker.on('error', (e) => {
    process.send?.({ type: 'fatal', message: e.stack ?? e.message });
    process.exitCode = 1;
  });
  worker.on('exit', (code) => process.exit(process.exitCode ?? code));
  process.on('message', (m) => worker.postMessage(m));
  process.on('disconnect', () => process.exit(2));
}

/** Whether this code runs on a worker thread (started by `runOnThread`). */
export const onThread = parentPort !== null;

export function configArg<T>(): T {
  const raw = process.argv[2];
  if (!raw) throw new Error('This is a benchmark child process; start it through `npm run bench`.');
  return JSON.parse(raw) as T;
}
