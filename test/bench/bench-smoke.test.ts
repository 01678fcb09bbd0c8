/**
 * The load benchmark as a CI smoke test: a 200-player game (and the floor) through the same code
 * as `npm run bench`, checked for correctness only. No timing is asserted: CI machines are noisy.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runBenchmark } from '../../bench/benchmark';
import { runningChildPids, stopAllChildren } from '../../bench/child-link';

afterAll(async () => {
  // runBenchmark stops its children itself, also when it fails; this is the safety net.
  await stopAllChildren();
  expect(runningChildPids()).toEqual([]);
});

describe('the load benchmark', () => {
  it('plays a 200-player game with no errors, no lost or duplicated messages and no wrong scores', async () => {
    const result = await runBenchmark({ players: 200, questions: 2, seed: 7 });
    const c = result.ours.correctness;
    expect(c.notes).toEqual([]);
    expect({
      errors: c.errors,
      lost: c.lost,
      duplicated: c.duplicated,
      wrongScores: c.wrongScores,
      wrongRanks: c.wrongRanks,
    }).toEqual({
      errors: 0,
      lost: 0,
      duplicated: 0,
      wrongScores: 0,
      wrongRanks: 0,
    });
    expect(result.ours.completed).toBe(true);
    // Every player answered the burst question and got its acknowledgement.
    expect(result.ours.ingest).toMatchObject({ answers: 200, acks: 200 });
    expect(result.ours.ack.n).toBe(200);
    // The floor ran on the same players without a problem too.
    expect(result.floor?.problems).toBe(0);
    expect(result.floor?.ack.n).toBe(200);
    expect(runningChildPids()).toEqual([]);
  }, 240_000);
});
