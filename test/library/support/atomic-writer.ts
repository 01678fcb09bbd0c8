/**
 * A child process for the atomic-write test: writes `target` again and again, each version a
 * large file of one repeated letter with a header naming the letter and length, and prints
 * "writing N" before each write so that the test can kill it in the middle of one.
 * Usage: node --import tsx atomic-writer.ts TARGET BYTES
 */
import { atomicWrite } from '../../../src/main/library/atomic-write';

export function versionText(n: number, bytes: number): string {
  const letter = String.fromCharCode(65 + (n % 26));
  const header = `version ${n} letter ${letter} length ${bytes}\n`;
  return header + letter.repeat(bytes - header.length);
}

async function main(target: string, bytes: number): Promise<void> {
  for (let n = 1; ; n++) {
    process.stdout.write(`writing ${n}\n`);
    await atomicWrite(target, versionText(n, bytes));
  }
}

if (process.argv[2]) void main(process.argv[2], Number(process.argv[3]));
