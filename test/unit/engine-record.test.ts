/**
 * What the engine records of a game for its report: when it started, when each question opened,
 * how long it was open for and whether the host skipped it; and the plain record it hands out
 * with game over, which later games do not change.
 */
import { describe, expect, it } from 'vitest';
import type { Effect, GameRecord } from '../../src/main/game';
import { EngineHarness, makeQuiz, plainQuiz, T0 } from '../support/engine-harness';

function recordIn(effects: readonly Effect[]): GameRecord | undefined {
  const over = effects.find((e) => e.kind === 'game_over');
  return over?.kind === 'game_over' ? over.record : undefined;
}

describe('the game record', () => {
  it('notes when the game left the lobby: the countdown, not the first question', () => {
    const h = new EngineHarness(plainQuiz(2), { minPlayers: 0 });
    h.joinAll('Ada', 'Bob');
    expect(h.state.startedAt).toBeNull();
    h.at(T0 + 500).host({ type: 'start' });
    expect(h.state.startedAt).toBe(T0 + 500);
    h.toQuestion(0);
    expect(h.state.startedAt).toBe(T0 + 500);
  });

  it('notes the start of a game that starts by itself', () => {
    const h = new EngineHarness(plainQuiz(2), { minPlayers: 2 });
    h.join('Ada');
    h.at(T0 + 2000).join('Bob');
    expect(h.state.phase).toBe('countdown');
    expect(h.state.startedAt).toBe(T0 + 2000);
  });

  it('forgets the start when the host cancels the countdown', () => {
    const h = new EngineHarness(plainQuiz(2), { minPlayers: 2 });
    h.joinAll('Ada', 'Bob');
    h.host({ type: 'cancel_start' });
    expect(h.state.startedAt).toBeNull();
  });

  it('records each question as it closes: when it opened, its time limit, and whether it was skipped', () => {
    const h = new EngineHarness(makeQuiz({}, { timeLimit: 20 }, {}), { minPlayers: 0, questionSeconds: 10 });
    const [ada] = h.joinAll('Ada', 'Bob');
    h.startGame();
    const opened0 = h.openedAt;
    h.atElapsed(1000).answer(ada!, 0);
    h.closeQuestion().toQuestion(1);
    const opened1 = h.openedAt;
    expect(h.state.played).toEqual([{ index: 0, openedAt: opened0, timeLimitMs: 10_000, voided: false }]);
    h.host({ type: 'skip' });
    expect(h.state.played).toEqual([
      { index: 0, openedAt: opened0, timeLimitMs: 10_000, voided: false },
      { index: 1, openedAt: opened1, timeLimitMs: 20_000, voided: true },
    ]);
  });

  it('replaces the list of played questions rather than changing it, so a copy taken earlier stays true', () => {
    const h = new EngineHarness(plainQuiz(2), { minPlayers: 0 });
    h.joinAll('Ada');
    h.startGame();
    const before = h.state.played;
    h.closeQuestion();
    expect(before).toEqual([]);
    expect(h.state.played).toHaveLength(1);
  });

  it('hands out a plain record with game over: ranked players, answers per question, start and end', () => {
    const h = new EngineHarness(plainQuiz(3), { minPlayers: 0 });
    const [ada, bob] = h.joinAll('Ada', 'Bob');
    h.startGame();
    h.atElapsed(1000).answer(ada!, 1);
    h.atElapsed(2000).answer(bob!, 0);
    h.closeQuestion();
    h.advance(700);
    const effects = h.host({ type: 'end' });
    const record = recordIn(effects)!;
    expect(record).toMatchObject({
      gameNo: 1,
      startedAt: T0,
      finishedAt: h.now,
      played: [{ index: 0, voided: false }],
    });
    expect(record.players.map((p) => [p.name, p.rank, p.answers.map((a) => a?.option ?? null)])).toEqual([
      ['Bob', 1, [0, null, null]],
      ['Ada', 2, [1, null, null]],
    ]);
    // Plain data: it survives structured cloning unchanged (no Maps, no functions).
    expect(structuredClone(record)).toEqual(record);
  });

  it('closes a question still open when the host ends the game, and records it as played', () => {
    const h = new EngineHarness(plainQuiz(2), { minPlayers: 0 });
    h.joinAll('Ada');
    h.startGame();
    const record = recordIn(h.host({ type: 'end' }))!;
    expect(record.played).toEqual([expect.objectContaining({ index: 0, voided: false })]);
  });

  it('starts a fresh record with a new game, and the last game keeps its own', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [ada] = h.joinAll('Ada');
    h.startGame();
    h.atElapsed(500).answer(ada!, 0);
    h.closeQuestion();
    const record = recordIn(h.fireTimer())!;
    expect(record.players[0]!.answers[0]).toMatchObject({ option: 0, correct: true });
    const kept = JSON.stringify(record);
    h.host({ type: 'new_game' });
    expect(h.state.startedAt).toBeNull();
    expect(h.state.played).toEqual([]);
    expect(JSON.stringify(record)).toBe(kept);
  });
});
