import { describe, expect, it } from 'vitest';
import { tracingChannel } from 'node:diagnostics_channel';
import { MessagePoint, TimedPoint } from '../../src/main/server/measurement-points';

let unique = 0;
const name = () => `quizroom:test:point-${++unique}`;

describe('a timed measurement point', () => {
  it('runs the work without building a context while nobody listens', () => {
    const point = new TimedPoint<{ n: number }, number>(name());
    let built = 0;
    const result = point.around(
      () => ({ n: ++built }),
      () => 42,
    );
    expect(result).toBe(42);
    expect(built).toBe(0);
  });

  it('publishes the same context before the work and, with its result, after it', () => {
    const point = new TimedPoint<{ n: number }, string>(name());
    const seen: string[] = [];
    const contexts: object[] = [];
    point.subscribe({
      start: (c) => {
        seen.push(`start ${c.n}`);
        contexts.push(c);
      },
      end: (c) => {
        seen.push(`end ${c.n} ${c.result}`);
        contexts.push(c);
      },
    });
    const result = point.around(
      () => ({ n: 7 }),
      () => {
        seen.push('work');
        return 'done';
      },
    );
    expect(result).toBe('done');
    expect(seen).toEqual(['start 7', 'work', 'end 7 done']);
    expect(contexts[0]).toBe(contexts[1]);
  });

  it('still publishes the end when the work throws', () => {
    const point = new TimedPoint<object>(name());
    const ends: object[] = [];
    point.subscribe({ end: (c) => ends.push(c) });
    expect(() =>
      point.around(
        () => ({}),
        () => {
          throw new Error('boom');
        },
      ),
    ).toThrow('boom');
    expect(ends).toHaveLength(1);
  });

  it("is heard by Node's tracing channel of the same name", () => {
    const pointName = name();
    const point = new TimedPoint<{ n: number }>(pointName);
    const heard: string[] = [];
    const subscribers = {
      start: (c: unknown) => heard.push(`start ${(c as { n: number }).n}`),
      end: (c: unknown) => heard.push(`end ${(c as { n: number }).n}`),
      asyncStart: () => {},
      asyncEnd: () => {},
      error: () => {},
    };
    tracingChannel(pointName).subscribe(subscribers);
    point.around(
      () => ({ n: 1 }),
      () => {},
    );
    tracingChannel(pointName).unsubscribe(subscribers);
    point.around(
      () => ({ n: 2 }),
      () => {},
    );
    expect(heard).toEqual(['start 1', 'end 1']);
  });

  it('stops publishing to a subscriber that left', () => {
    const point = new TimedPoint<object>(name());
    let ends = 0;
    const subscriber = { end: () => ends++ };
    point.subscribe(subscriber);
    point.around(
      () => ({}),
      () => {},
    );
    point.unsubscribe(subscriber);
    let built = false;
    point.around(
      () => ((built = true), {}),
      () => {},
    );
    expect(ends).toBe(1);
    expect(built).toBe(false);
  });
});

describe('a message measurement point', () => {
  it('is active only while someone listens', () => {
    const point = new MessagePoint<{ n: number }>(name());
    const heard: number[] = [];
    const listener = (m: { n: number }) => heard.push(m.n);
    expect(point.active).toBe(false);
    point.subscribe(listener);
    expect(point.active).toBe(true);
    point.publish({ n: 3 });
    point.unsubscribe(listener);
    expect(point.active).toBe(false);
    expect(heard).toEqual([3]);
  });
});
