/**
 * How busy the machine was during a run, from /proc/stat: every CPU's busy and stolen time. The
 * orchestrator subtracts the CPU time its own processes used to tell how much other programs took,
 * so that a noisy figure can be recognized as such. Null off Linux.
 */
import { readFileSync } from 'node:fs';

/** Linux reports /proc/stat in USER_HZ ticks, 100 a second on every common build. */
const TICKS_PER_SECOND = 100;

export interface CpuTotals {
  busySeconds: number;
  stealSeconds: number;
}

export function cpuTotals(): CpuTotals | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const [, user, nice, system, , , irq, softirq, steal] = line.trim().split(/\s+/).map(Number);
    const busy = user! + nice! + system! + irq! + softirq!;
    return { busySeconds: busy / TICKS_PER_SECOND, stealSeconds: steal! / TICKS_PER_SECOND };
  } catch {
    return null;
  }
}

/** Total CPU time of this process so far, µs. */
export function ownCpuUs(): number {
  const u = process.cpuUsage();
  return u.user + u.system;
}
