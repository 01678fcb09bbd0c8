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

/** No error, no lost or duplicated message, exact scores, and every player's burst answer acknowledged. */
function expectCorrectGame(ours: Awaited<ReturnType<typeof runBenchmark>>['ours'], players: number): void {
  const c = ours.correctness;
  expect(c.notes).toEqual([]);
  expect({
    errors: c.errors,
    lost: c.lost,
    duplicated: c.duplicated,
    wrongScores: c.wrongScores,
    wrongRanks: c.wrongRanks,
  }).toEqual({ errors: 0, lost: 0, duplicated: 0, wrongScores: 0, wrongRanks: 0 });
  expect(ours.completed).toBe(true);
  expect(ours.ingest).toMatchObject({ answers: players, acks: players });
  expect(ours.ack.n).toBe(players);
}

describe('the load benchmark', () => {
  it('plays a 200-player game with no errors, no lost or duplicated messages and no wrong scores', async () => {
    const result = await runBenchmark({ players: 200, questions: 2, seed: 7 });
    expectCorrectGame(result.ours, 200);
    // The floor ran on the same players without a problem too, both ways of broadcasting
    // (a pre-built frame, and ws.send per socket) reaching every player with every question.
    expect(result.floor?.problems).toBe(0);
    expect(result.floor?.ack.n).toBe(200);
    expect(result.floor?.fanout.n).toBe(200 * 2);
    expect(result.floor?.wsSend.fanout.n).toBe(200 * 2);
    expect(runningChildPids()).toEqual([]);
  }, 240_000);

  it('plays it as correctly with a game journal, as both hosts keep by default', async () => {
    const result = await runBenchmark({ players: 200, questions: 2, seed: 8, journal: true, floor: false });
    expectCorrectGame(result.ours, 200);
    expect(runningChildPids()).toEqual([]);
  }, 240_000);
});
