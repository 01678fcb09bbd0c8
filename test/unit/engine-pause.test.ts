/**
 * The host's pause of the open question's timer: no answers and no closing while paused, the
 * deadline and the question's start moved by the pause on resume, and nothing left paused when
 * the game moves on.
 */
import { describe, expect, it } from 'vitest';
import { restoreGame, serializeGame } from '../../src/main/game';
import { EngineHarness, plainQuiz } from '../support/engine-harness';

function inQuestion() {
  const h = new EngineHarness(plainQuiz(2), { minPlayers: 0, questionSeconds: 10 });
  const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
  h.startGame();
  return { h, a, b };
}

describe('pausing the question timer', () => {
  it('stops the clock: no answers, no closing, and everyone is told the time left', () => {
    const { h, a } = inQuestion();
    h.atElapsed(4000);
    h.host({ type: 'pause', paused: true });
    expect(h.broadcasts('paused')).toEqual([{ type: 'paused', question: 0, remainingMs: 6000 }]);
    expect(h.last).toContainEqual({ kind: 'timer', at: null });
    h.answer(a, 0);
    expect(h.lastError).toBe('not_open');
    expect(h.state.round?.answered).toBe(0);
    // Long past the old deadline, a timer does nothing.
    h.advance(60_000).tick();
    expect(h.state.phase).toBe('question');
    expect(h.snapshot({ role: 'player', playerId: a }).paused).toEqual({ remainingMs: 6000 });
  });

  it('resumes with the deadline and the start moved by the pause, so answer times leave it out', () => {
    const { h, a } = inQuestion();
    const opened = h.openedAt;
    h.atElapsed(4000);
    h.host({ type: 'pause', paused: true });
    h.advance(30_000);
    h.host({ type: 'pause', paused: false });
    expect(h.state.round?.deadline).toBe(opened + 40_000);
    expect(h.state.round?.openedAt).toBe(opened + 30_000);
    expect(h.broadcasts('resumed').at(-1)).toEqual({
      type: 'resumed',
      question: 0,
      openedAt: opened + 30_000,
      deadline: opened + 40_000,
      endsAt: opened + 40_000,
    });
    expect(h.snapshot({ role: 'host' }).paused).toBeUndefined();
    h.advance(1000);
    h.answer(a, 0);
    expect(h.lastError).toBeNull();
    expect(h.player(a).pending?.elapsedMs).toBe(5000);
    h.closeQuestion();
    expect(h.state.phase).toBe('reveal');
  });

  it('pressed twice changes nothing the second time', () => {
    const { h } = inQuestion();
    h.host({ type: 'pause', paused: true });
    expect(h.host({ type: 'pause', paused: true })).toEqual([]);
    h.host({ type: 'pause', paused: false });
    expect(h.broadcasts('resumed')).toHaveLength(1);
    expect(h.host({ type: 'pause', paused: false })).toEqual([]);
  });

  it('is refused outside an open question, and once time is up', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.joinAll('Alice');
    h.host({ type: 'pause', paused: true });
    expect(h.repliesTo(h.hostConn)).toMatchObject([{ type: 'error', code: 'wrong_phase', ref: 'pause' }]);
    h.startGame();
    h.atElapsed(10_100);
    h.host({ type: 'pause', paused: true });
    expect(h.repliesTo(h.hostConn)).toMatchObject([
      { type: 'error', code: 'wrong_phase', message: expect.stringMatching(/Time is already up/) },
    ]);
  });

  it('ends with the question: show answer now, skip or end leave nothing paused', () => {
    const { h, a } = inQuestion();
    h.host({ type: 'pause', paused: true });
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('reveal');
    expect(h.state.pausedAt).toBeNull();
    h.host({ type: 'next' });
    h.host({ type: 'next' });
    expect(h.state.round?.index).toBe(1);
    h.host({ type: 'pause', paused: true });
    h.host({ type: 'skip' });
    expect(h.state.pausedAt).toBeNull();
    expect(h.snapshot({ role: 'player', playerId: a }).paused).toBeUndefined();
  });

  it('survives a host restart: the downtime and the pause are counted once', () => {
    const { h } = inQuestion();
    const opened = h.openedAt;
    h.atElapsed(4000);
    h.host({ type: 'pause', paused: true });
    const copy = restoreGame(serializeGame(h.state));
    expect(copy.pausedAt).toBe(h.now);
    h.advance(5000);
    h.send({ kind: 'resumed', pausedMs: 20_000 });
    h.advance(20_000 + 5000);
    h.host({ type: 'pause', paused: false });
    // Paused 30 s in all (20 s of it while the host was down): the deadline moved by 30 s.
    expect(h.state.round?.deadline).toBe(opened + 40_000);
  });
});
