/**
 * Atomic writes: a writer killed with SIGKILL in the middle of writing a large file leaves the
 * target as one complete version (the old one or the new one), never a torn mix, and the
 * half-written temporary file never takes the target's name.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { atomicWrite, isTempFileName } from '../../src/main/library/atomic-write';
import { ROOT } from '../support/built-app';
import { waitFor } from '../support/wait';
import { versionText } from './support/atomic-writer';

const tmp = mkdtempSync(join(tmpdir(), 'quizroom-atomic-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const BYTES = 24 * 1024 * 1024;

/** The version a complete file holds; throws when the file is torn. */
function completeVersion(text: string): number {
  const m = /^version (\d+) letter ([A-Z]) length (\d+)\n/.exec(text);
  if (!m) throw new Error(`torn header: ${JSON.stringify(text.slice(0, 60))}`);
  const n = Number(m[1]);
  if (text.length !== Number(m[3])) throw new Error(`version ${n} is ${text.length} bytes, not ${m[3]}`);
  if (text !== versionText(n, BYTES)) throw new Error(`version ${n} has bytes of another version`);
  return n;
}

describe('atomicWrite', () => {
  it('replaces a file and leaves no temporary file behind', async () => {
    const path = join(tmp, 'plain.txt');
    writeFileSync(path, 'old');
    await atomicWrite(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(tmp).filter(isTempFileName)).toEqual([]);
  });

  it('with exclusive, refuses to replace an existing file', async () => {
    const path = join(tmp, 'taken.txt');
    writeFileSync(path, 'mine');
    await expect(atomicWrite(path, 'yours', { exclusive: true })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(readFileSync(path, 'utf8')).toBe('mine');
    expect(readdirSync(tmp).filter(isTempFileName)).toEqual([]);
  });

  it('leaves the old or the new file, never a torn one, when the writer is killed mid-write', async () => {
    const dir = mkdtempSync(join(tmp, 'kill-'));
    const target = join(dir, 'quiz.json');
    writeFileSync(target, versionText(0, BYTES));
    let killedMidWrite = 0;
    for (let round = 0; round < 5; round++) {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', resolve(__dirname, 'support/atomic-writer.ts'), target, String(BYTES)],
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      const exited = new Promise((r) => child.once('close', r));
      // Let it finish a version or two, then kill it at a different moment of a write each round.
      const writes = 2 + (round % 2);
      await waitFor(
        () => (out.includes(`writing ${writes}\n`) ? true : undefined),
        `write ${writes} to start`,
        60_000,
      );
      await new Promise((r) => setTimeout(r, 5 + round * 7));
      child.kill('SIGKILL');
      await exited;
      const version = completeVersion(readFileSync(target, 'latin1'));
      const started = Number(/writing (\d+)\n$/.exec(out)?.[1]);
      expect([started - 1, started]).toContain(version);
      // Leftover temporary files are hidden names, never the target.
      const names = readdirSync(dir);
      for (const name of names) expect(name === 'quiz.json' || isTempFileName(name)).toBe(true);
      // The test only proves something if some kills hit a write in progress.
      const temps = names.filter(isTempFileName);
      if (temps.length > 0) killedMidWrite++;
      for (const name of temps) rmSync(join(dir, name));
    }
    expect(killedMidWrite).toBeGreaterThan(0);
    expect(existsSync(target)).toBe(true);
  }, 120_000);
});
