import { describe, expect, it } from 'vitest';
import { SaveLanes } from '../../src/main/desktop/save-lanes';

/** A write that finishes when the test says so, recording what was written in which order. */
function heldWrites() {
  const started: { key: string; value: number; finish: () => void }[] = [];
  const disk = new Map<string, number>();
  const lanes = new SaveLanes<number, string>(
    (key, value) =>
      new Promise((resolve) =>
        started.push({
          key,
          value,
          finish: () => {
            disk.set(key, value);
            resolve(`wrote ${value}`);
          },
        }),
      ),
  );
  return { started, disk, lanes };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('save lanes', () => {
  it('writes one save of a key at a time, the newest last, and skips those overtaken', async () => {
    const { started, disk, lanes } = heldWrites();
    const a = lanes.save('quiz', 1);
    const b = lanes.save('quiz', 2);
    const c = lanes.save('quiz', 3);
    expect(started.map((s) => s.value)).toEqual([1]);
    started[0]!.finish();
    expect(await a).toBe('wrote 1');
    await tick();
    // 2 was overtaken by 3 while it waited: only 3 is written, and both callers hear of it.
    expect(started.map((s) => s.value)).toEqual([1, 3]);
    started[1]!.finish();
    expect(await b).toBe('wrote 3');
    expect(await c).toBe('wrote 3');
    expect(disk.get('quiz')).toBe(3);
  });

  it('keeps keys apart, goes on after a failed write, and settles when all are done', async () => {
    let fail = true;
    const order: string[] = [];
    const lanes = new SaveLanes<number, string>(async (key, value) => {
      order.push(`${key}:${value}`);
      if (fail) {
        fail = false;
        throw new Error('disk full');
      }
      return 'ok';
    });
    const a = lanes.save('x', 1);
    const b = lanes.save('x', 2);
    const other = lanes.save('y', 1);
    await expect(a).rejects.toThrow('disk full');
    expect(await b).toBe('ok');
    expect(await other).toBe('ok');
    await lanes.settle();
    expect(order).toEqual(['x:1', 'y:1', 'x:2']);
  });
});
