/** After the host process was down: nobody connected, and the running phase keeps the time it had left. */
import { describe, expect, it } from 'vitest';
import { MAX_GRACE_MS } from '../../src/main/game';
import { EngineHarness, plainQuiz } from '../support/engine-harness';

function threePlayers() {
  const h = new EngineHarness(plainQuiz(2), { minPlayers: 0 });
  const ids = h.joinAll('Ada', 'Bob', 'Cy') as [string, string, string];
  return { h, ids };
}

describe('a host that was down', () => {
  it('gives the open question the time it had left, and does not count the downtime in answer times', () => {
    const { h, ids } = threePlayers();
    h.startGame();
    const { openedAt, deadline } = h.state.round!;
    h.atElapsed(4000);
    h.answer(ids[0], 0);
    h.advance(60_000);
    h.send({ kind: 'resumed', pausedMs: 60_000 });
    expect(h.state.phase).toBe('question');
    expect(h.state.round).toMatchObject({ openedAt: openedAt + 60_000, deadline: deadline + 60_000 });
    expect(h.state.endsAt).toBe(deadline + 60_000);
    expect(h.timerAt).toBe(deadline + 60_000 + MAX_GRACE_MS);
    // Answered before, kept as it was; answered after, timed without the downtime.
    expect(h.player(ids[0]).pending).toEqual({ option: 0, elapsedMs: 4000, credit: 1 });
    h.advance(1000);
    h.answer(ids[1], 1);
    expect(h.player(ids[1]).pending).toEqual({ option: 1, elapsedMs: 5000, credit: 0 });
    // The question closes at its new deadline, not before.
    h.at(deadline + 60_000 - 1).tick();
    expect(h.state.phase).toBe('question');
    h.fireTimer();
    expect(h.state.phase).toBe('reveal');
    expect(h.player(ids[2]).answers[0]).toBeNull();
  });

  it('marks everyone disconnected at once, so the open question is not closed on the way', () => {
    const { h, ids } = threePlayers();
    h.startGame();
    h.answer(ids[0], 0);
    h.answer(ids[1], 0);
    h.send({ kind: 'resumed', pausedMs: 0 });
    expect(h.state.phase).toBe('question');
    expect(h.state.connectedCount).toBe(0);
    expect([...h.state.players.values()].every((p) => !p.connected)).toBe(true);
    // One by one, Cy (who had not answered) leaving first would have closed it.
    const other = threePlayers();
    other.h.startGame();
    other.h.answer(other.ids[0], 0);
    other.h.answer(other.ids[1], 0);
    other.h.disconnect(other.ids[2]);
    expect(other.h.state.phase).toBe('reveal');
  });

  it('moves the end of a countdown, a reveal or a leaderboard too, and of nothing that waits for the host', () => {
    const { h } = threePlayers();
    h.host({ type: 'start' });
    const countdownEnd = h.state.endsAt!;
    h.send({ kind: 'resumed', pausedMs: 5000 });
    expect(h.state).toMatchObject({ phase: 'countdown', endsAt: countdownEnd + 5000 });
    expect(h.timerAt).toBe(countdownEnd + 5000);
    h.toQuestion(0).closeQuestion();
    const revealEnd = h.state.endsAt!;
    h.send({ kind: 'resumed', pausedMs: 700 });
    expect(h.state).toMatchObject({ phase: 'reveal', endsAt: revealEnd + 700 });

    const byHand = new EngineHarness(plainQuiz(1), { minPlayers: 0, autoAdvance: false });
    byHand.join('Ada');
    byHand.startGame().closeQuestion();
    const effects = byHand.send({ kind: 'resumed', pausedMs: 5000 });
    expect(byHand.state).toMatchObject({ phase: 'reveal', endsAt: null });
    expect(effects.some((e) => e.kind === 'timer')).toBe(false);
  });

  it('ignores a downtime that is not a time', () => {
    const { h } = threePlayers();
    h.startGame();
    const deadline = h.state.round!.deadline;
    h.send({ kind: 'resumed', pausedMs: -5000 });
    h.send({ kind: 'resumed', pausedMs: Number.NaN });
    expect(h.state.round!.deadline).toBe(deadline);
  });
});
