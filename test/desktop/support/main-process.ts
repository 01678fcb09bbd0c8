/**
 * The built main process (out/main/index.js, or the one of a packaged tree) run under plain Node
 * with the call-recording Electron stand-in, in a network namespace of its own (`unshare --net`),
 * so that the LAN browsing and announcing it starts reach no real network. The
 * test sends commands and reads the record of calls; the caller stops what it started.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../support/built-app';
import type { Command, Notice, RecordedCall, Reply, StandInConfig } from './electron-stand-in';

const HOOK = join(__dirname, 'use-electron-stand-in.ts');
/**
 * Loopback, and a LAN of its own: a veth pair with both ends in the namespace (198.18.0.0/24 is
 * reserved for tests) and a multicast route, so that the room is really announced and withdrawn
 * on quit, into a network that ends with the process.
 */
const NAMESPACE_SETUP = [
  'ip link set lo up',
  'ip link add q0 type veth peer name q1',
  'ip addr add 198.18.0.1/24 dev q0',
  'ip link set q0 up',
  'ip link set q1 up',
  'ip route add 224.0.0.0/4 dev q0',
  'exec "$@"',
].join(' && ');

/** Why the main process cannot be run in a namespace of its own here, or undefined. */
export function isolationUnsupportedReason(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return '"unshare --net" needs root';
  const probe = spawnSync('unshare', ['--net', 'sh', '-c', NAMESPACE_SETUP, 'sh', 'true'], {
    encoding: 'utf8',
  });
  if (probe.error || probe.status !== 0)
    return `"unshare --net" does not work here: ${probe.error?.message ?? probe.stderr.trim()}`;
  return undefined;
}

export class MainProcess {
  readonly exited: Promise<Notice>;
  private readonly child: ChildProcess;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private output = '';

  constructor(main: string, config: StandInConfig, env: Record<string, string> = {}) {
    this.child = spawn(
      'unshare',
      [
        '--net',
        'sh',
        '-c',
        NAMESPACE_SETUP,
        'sh',
        process.execPath,
        '--require',
        'tsx/cjs',
        '--require',
        HOOK,
        main,
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, QUIZROOM_ELECTRON_STAND_IN: JSON.stringify(config) },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    this.child.stdout!.setEncoding('utf8').on('data', (s: string) => (this.output += s));
    this.child.stderr!.setEncoding('utf8').on('data', (s: string) => (this.output += s));
    let notice: Notice | null = null;
    this.child.on('message', (m: Reply | Notice) => {
      if ('notice' in m) notice = m;
      else this.pending.get(m.id)?.(m);
    });
    this.exited = new Promise((resolve, reject) =>
      this.child.once('exit', (code, signal) => {
        for (const settle of this.pending.values())
          settle({ id: 0, ok: false, error: `the main process ended (${code ?? signal})` });
        if (notice) resolve(notice);
        else
          reject(new Error(`The main process ended (${code ?? signal}) without app.exit:\n${this.output}`));
      }),
    );
    // Tests that expect an exit await `exited`; the others must not see an unhandled rejection.
    this.exited.catch(() => undefined);
  }

  /** What the process printed (stdout and stderr). */
  get log(): string {
    return this.output;
  }

  async send(command: Command): Promise<unknown> {
    const id = this.nextId++;
    const reply = await new Promise<Reply>((resolve) => {
      this.pending.set(id, resolve);
      this.child.send({ id, ...command });
    });
    this.pending.delete(id);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value;
  }

  calls(): Promise<RecordedCall[]> {
    return this.send({ cmd: 'calls' }) as Promise<RecordedCall[]>;
  }

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return this.send({ cmd: 'invoke', channel, args });
  }

  /** Ends the process if it still runs (after a failed test). */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited.catch(() => undefined);
  }
}
