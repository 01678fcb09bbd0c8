/**
 * Memory of a server process, taken after full garbage collections so that runs compare. The
 * young generation's size is kept apart: V8 doubles it (16 MB to 32 MB) under a burst of
 * allocation such as a join storm, a one-off step that is not memory per player.
 */
import { getHeapSpaceStatistics } from 'node:v8';

export interface MemorySample {
  rssBytes: number;
  /** V8 heap reserved, used, and memory outside it held by JS objects (buffers). */
  heapTotalBytes: number;
  heapUsedBytes: number;
  externalBytes: number;
  /** V8's young generation (new space), reserved. */
  newSpaceBytes: number;
}

export async function settledMemory(): Promise<MemorySample> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('Start the server process with --expose-gc to measure its memory.');
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const m = process.memoryUsage();
  const newSpace = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
  return {
    rssBytes: m.rss,
    heapTotalBytes: m.heapTotal,
    heapUsedBytes: m.heapUsed,
    externalBytes: m.external,
    newSpaceBytes: newSpace,
  };
}
