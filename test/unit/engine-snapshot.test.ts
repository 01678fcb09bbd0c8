/** Snapshots: the full picture a guest, a player or a host gets on hello, join or reconnect. */
import { describe, expect, it } from 'vitest';
import { correctOptionCarriers, EngineHarness, makeQuiz, ROOM } from '../support/engine-harness';

function game() {
  const h = new EngineHarness(makeQuiz({ correct: 2 }, { correct: 1 }), { minPlayers: 0 });
  const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
  return { h, a, b };
}

describe('snapshots', () => {
  it('in the lobby show who is there and nothing of the quiz but its title and length', () => {
    const { h, a } = game();
    const guest = h.snapshot({ role: 'guest' });
    expect(guest).toMatchObject({
      type: 'snapshot',
      serverTime: h.now,
      room: ROOM,
      status: 'NOT_STARTED',
      phase: 'lobby',
      endsAt: null,
      quiz: { title: 'Test quiz', questionCount: 2 },
      playerCount: 2,
      connectedCount: 2,
      question: null,
      reveal: null,
      top: [],
      you: null,
    });
    expect(guest.players).toBeUndefined();
    expect(h.snapshot({ role: 'player', playerId: a }).you).toMatchObject({
      id: a,
      name: 'Alice',
      score: 0,
      answer: null,
      result: null,
    });
    expect(h.snapshot({ role: 'host' }).players?.map((p) => p.name)).toEqual(['Alice', 'Bob']);
  });

  it('during the countdown show when it ends but no question yet', () => {
    const { h } = game();
    h.host({ type: 'start' });
    expect(h.snapshot({ role: 'guest' })).toMatchObject({
      status: 'STARTED',
      phase: 'countdown',
      endsAt: h.now + 3000,
      question: null,
    });
  });

  it('during a question show the question without its correct option, and a player their own answer', () => {
    const { h, a, b } = game();
    h.startGame();
    h.atElapsed(1500).answer(a, 3);
    const views = [
      h.snapshot({ role: 'guest' }),
      h.snapshot({ role: 'player', playerId: a }),
      h.snapshot({ role: 'player', playerId: b }),
      h.snapshot({ role: 'host' }),
    ];
    for (const s of views) {
      expect(s).toMatchObject({
        status: 'STARTED',
        phase: 'question',
        endsAt: h.state.round!.deadline,
        reveal: null,
        top: [],
      });
      expect(s.question).toMatchObject({ index: 0, count: 2, prompt: 'Question 1?', openedAt: h.openedAt });
      expect(s.question).not.toHaveProperty('correct');
      expect(correctOptionCarriers(s)).toEqual([]);
      expect(JSON.stringify(s)).not.toContain('"correct"');
    }
    expect(views[1]?.you?.answer).toEqual({ question: 0, option: 3, elapsedMs: 1500 });
    expect(views[2]?.you?.answer).toBeNull();
    expect(views[3]?.answered).toBe(1);
  });

  it('after a question show the reveal and a player their own result', () => {
    const { h, a, b } = game();
    h.startGame();
    h.answer(a, 2);
    h.answer(b, 0);
    const player = h.snapshot({ role: 'player', playerId: a });
    expect(player).toMatchObject({ phase: 'reveal', reveal: { index: 0, correct: 2, counts: [1, 0, 1, 0] } });
    expect(player.you).toMatchObject({
      score: 1000,
      rank: 1,
      answer: null,
      result: { question: 0, option: 2, correct: true, points: 1000 },
    });
    expect(player.top.map((r) => r.id)).toEqual([a, b]);
    h.fireTimer();
    expect(h.snapshot({ role: 'player', playerId: b })).toMatchObject({
      phase: 'leaderboard',
      you: { result: { correct: false } },
    });
  });

  it('at the end show the final leaderboard, and the host the full standings', () => {
    const { h, a, b } = game();
    h.startGame();
    h.host({ type: 'end' });
    expect(h.snapshot({ role: 'guest' })).toMatchObject({
      status: 'FINISHED',
      phase: 'finished',
      endsAt: null,
    });
    expect(h.snapshot({ role: 'guest' }).standings).toBeUndefined();
    expect(h.snapshot({ role: 'host' }).standings?.map((r) => r.id)).toEqual([a, b]);
  });

  it('for a player who was kicked have no "you"', () => {
    const { h, a } = game();
    h.host({ type: 'kick', playerId: a });
    expect(h.snapshot({ role: 'player', playerId: a }).you).toBeNull();
  });
});
