/**
 * Memory of this process after a full garbage collection, so that two readings compare what is
 * still reachable rather than when the collector last ran. Tests run without --expose-gc, so the
 * flag is set at run time and `gc` taken from a fresh context.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export interface MemoryReading {
  heapUsedMb: number;
  rssMb: number;
}

const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Collects garbage, then reads heap and resident memory in MB. */
export function settledMemory(): MemoryReading {
  gc();
  gc();
  const m = process.memoryUsage();
  return { heapUsedMb: mb(m.heapUsed), rssMb: mb(m.rss) };
}

/** Samples heap use (without collecting) every `everyMs` until stopped; keeps the peak. */
export function heapPeak(everyMs = 250): { stop(): number } {
  let peak = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, everyMs);
  return {
    stop() {
      clearInterval(timer);
      return mb(Math.max(peak, process.memoryUsage().heapUsed));
    },
  };
}
