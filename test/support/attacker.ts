/**
 * Runs `attacker-process.ts` as a child process and talks to it: waits for the events it prints,
 * sends it commands, and ends it (only this child, by its pid) when the test is over.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { AttackConfig } from './attacker-process';
import { ROOT } from './built-app';
import { waitFor } from './wait';

export class Attacker {
  private readonly lines: Record<string, unknown>[] = [];
  private stderr = '';
  private readonly exited: Promise<void>;

  private constructor(private readonly child: ChildProcess) {
    let buffer = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\n')) >= 0) {
        this.lines.push(JSON.parse(buffer.slice(0, end)) as Record<string, unknown>);
        buffer = buffer.slice(end + 1);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((r) => child.once('close', () => r()));
  }

  static start(config: AttackConfig): Attacker {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(ROOT, 'test/support/attacker-process.ts'), JSON.stringify(config)],
      { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    return new Attacker(child);
  }

  /** Waits for the next report with this event name. */
  async next<T>(event: string, timeoutMs = 60_000): Promise<T> {
    const found = await waitFor(
      () => {
        if (this.child.exitCode !== null && !this.lines.some((l) => l.event === event)) {
          throw new Error(`the attacker exited with ${this.child.exitCode}: ${this.stderr}`);
        }
        const i = this.lines.findIndex((l) => l.event === event);
        return i >= 0 ? this.lines.splice(i, 1)[0] : undefined;
      },
      `the attacker to report "${event}"`,
      timeoutMs,
    );
    return found as T;
  }

  command(line: string): void {
    this.child.stdin!.write(`${line}\n`);
  }

  /** Ends the child if it still runs, and waits for it. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
