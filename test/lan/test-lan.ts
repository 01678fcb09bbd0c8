/**
 * A LAN that exists only inside a test: network namespaces joined by veth pairs on 198.18.0.0/24
 * (a range reserved for benchmarking), with a multicast route so mDNS flows. Programs run inside
 * them as child processes that talk JSON lines on stdio. Everything is created with names unique
 * to this run and deleted by destroy(); the machine's own interfaces are never touched (veth ends
 * are created directly inside the namespaces).
 */
import { execFileSync, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const fixturePath = (name: string) => path.join(repoRoot, 'test/lan/fixtures', name);

export type Message = { event: string; at: number } & Record<string, unknown>;

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Why namespaces cannot be used here, or undefined when they can. */
export function lanUnsupportedReason(): string | undefined {
  if (process.platform !== 'linux') return `network namespaces need Linux (this is ${process.platform})`;
  if (process.getuid?.() !== 0) return 'creating network namespaces needs root';
  const probe = `qr-probe-${process.pid}-${randomBytes(3).toString('hex')}`;
  try {
    ip('netns', 'add', probe);
    ip('netns', 'del', probe);
    return undefined;
  } catch (err) {
    return `"ip netns" does not work here: ${(err as Error).message.split('\n')[0]}`;
  }
}

export class TestLan {
  private readonly prefix = `qr-${process.pid}-${randomBytes(3).toString('hex')}`;
  private readonly namespaces: string[] = [];
  private readonly links = new Map<string, number>();
  private readonly children = new Set<Program>();

  /** Creates a namespace with loopback up; returns its name. */
  addNamespace(label: string): string {
    const ns = `${this.prefix}-${label}`;
    ip('netns', 'add', ns);
    this.namespaces.push(ns);
    ip('-n', ns, 'link', 'set', 'lo', 'up');
    return ns;
  }

  /** Joins two namespaces with a veth pair; addresses in CIDR form, e.g. 198.18.0.1/24. */
  connect(a: string, aCidr: string, b: string, bCidr: string): void {
    const aIf = this.nextInterface(a);
    const bIf = this.nextInterface(b);
    ip('link', 'add', aIf, 'netns', a, 'type', 'veth', 'peer', 'name', bIf, 'netns', b);
    for (const [ns, dev, cidr] of [
      [a, aIf, aCidr],
      [b, bIf, bCidr],
    ] as const) {
      ip('-n', ns, 'addr', 'add', cidr, 'dev', dev);
      ip('-n', ns, 'link', 'set', dev, 'up');
      // Multicast needs a route; the first link of a namespace carries it.
      if (dev === 'q0') ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', dev);
    }
  }

  /** Deletes a namespace's interface (and its veth peer): the network vanishes under a program. */
  unplug(ns: string, dev = 'q0'): void {
    ip('-n', ns, 'link', 'del', dev);
  }

  private nextInterface(ns: string): string {
    const n = this.links.get(ns) ?? 0;
    this.links.set(ns, n + 1);
    return `q${n}`;
  }

  /** Runs a fixture (TypeScript, through tsx) inside a namespace. */
  run(ns: string, fixture: string, args: string[] = []): Program {
    const child = spawn(
      'ip',
      ['netns', 'exec', ns, process.execPath, '--import', 'tsx', fixturePath(fixture), ...args],
      { cwd: repoRoot, stdio: 'pipe' },
    );
    const program = new Program(child, `${fixture} in ${ns}`);
    this.children.add(program);
    child.on('exit', () => this.children.delete(program));
    return program;
  }

  /** Kills what this LAN started and deletes its namespaces; safe to call more than once. */
  async destroy(): Promise<void> {
    await Promise.all([...this.children].map((p) => p.kill('SIGKILL')));
    for (const ns of this.namespaces.splice(0)) {
      try {
        ip('netns', 'del', ns);
      } catch (err) {
        console.error(`could not delete namespace ${ns}: ${(err as Error).message}`);
      }
    }
  }
}

/** A child process speaking JSON lines: commands on stdin, messages on stdout. */
export class Program {
  readonly messages: Message[] = [];
  private readonly waiters = new Set<() => void>();
  private stderr = '';
  private exited = false;

  constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly label: string,
  ) {
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        this.messages.push(JSON.parse(line) as Message);
      } catch {
        this.stderr += `(stdout) ${line}\n`;
      }
      this.waiters.forEach((wake) => wake());
    });
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on('exit', () => {
      this.exited = true;
      this.waiters.forEach((wake) => wake());
    });
  }

  send(command: Record<string, unknown>): void {
    this.child.stdin.write(`${JSON.stringify(command)}\n`);
  }

  /**
   * Resolves with the first message from index `from` on that matches; rejects after `timeoutMs`
   * (a generous upper bound, not a measurement) or when the program exits first.
   */
  waitFor(match: (m: Message) => boolean, timeoutMs: number, what: string, from = 0): Promise<Message> {
    return new Promise((resolve, reject) => {
      let checked = from;
      const check = () => {
        for (; checked < this.messages.length; checked++) {
          const message = this.messages[checked]!;
          if (match(message)) return done(() => resolve(message));
        }
        if (this.exited) done(() => reject(this.failure(`exited while waiting for ${what}`)));
      };
      const timer = setTimeout(
        () => done(() => reject(this.failure(`no ${what} within ${timeoutMs} ms`))),
        timeoutMs,
      );
      const done = (settle: () => void) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        settle();
      };
      this.waiters.add(check);
      check();
    });
  }

  private failure(text: string): Error {
    const tail = this.stderr.split('\n').slice(-15).join('\n');
    return new Error(`${this.label}: ${text}${tail.trim() ? `\nstderr:\n${tail}` : ''}`);
  }

  /** Signals this program (only this pid) and resolves when it has exited. */
  kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.exited) return Promise.resolve();
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}
