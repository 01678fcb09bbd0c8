/** Ranking: score, then more correct answers, then less total answer time, then earlier join. */
import { describe, expect, it } from 'vitest';
import { comparePlayers } from '../../src/main/game/leaderboard';
import type { Player } from '../../src/main/game';
import { EngineHarness, makeQuiz, plainQuiz } from '../support/engine-harness';

function player(seq: number, fields: Partial<Player>): Player {
  return {
    id: `p${seq}`,
    name: `P${seq}`,
    seq,
    connected: true,
    score: 0,
    streak: 0,
    correctCount: 0,
    totalTimeMs: 0,
    answers: [],
    pending: null,
    lastResult: null,
    rank: null,
    address: null,
    dropAt: null,
    ...fields,
  };
}

const order = (...players: Player[]) => [...players].sort(comparePlayers).map((p) => p.id);

describe('comparing two players', () => {
  it('puts the higher score first', () => {
    expect(order(player(1, { score: 100, correctCount: 5 }), player(2, { score: 200 }))).toEqual([
      'p2',
      'p1',
    ]);
  });

  it('breaks a tie on score by more correct answers', () => {
    expect(
      order(
        player(1, { score: 100, correctCount: 1 }),
        player(2, { score: 100, correctCount: 2, totalTimeMs: 9999 }),
      ),
    ).toEqual(['p2', 'p1']);
  });

  it('then by less total answer time', () => {
    expect(
      order(
        player(1, { score: 100, correctCount: 1, totalTimeMs: 900 }),
        player(2, { score: 100, correctCount: 1, totalTimeMs: 800 }),
      ),
    ).toEqual(['p2', 'p1']);
  });

  it('then by join order', () => {
    expect(order(player(2, { score: 100 }), player(1, { score: 100 }))).toEqual(['p1', 'p2']);
  });
});

describe('the leaderboard in a game', () => {
  function game(quiz = plainQuiz(1)) {
    const h = new EngineHarness(quiz, { minPlayers: 0 });
    const [first, second] = h.joinAll('First', 'Second') as [string, string];
    h.startGame();
    return { h, first, second };
  }
  const finalOrder = (h: EngineHarness) =>
    h.broadcasts('finished', 'everyone', h.allEffects)[0]?.top.map((r) => r.id);

  it('ranks by score', () => {
    const { h, first, second } = game();
    h.atElapsed(5000).answer(first, 0);
    h.atElapsed(6000).answer(second, 0);
    h.fireUntil((s) => s.phase === 'finished');
    expect(finalOrder(h)).toEqual([first, second]);
    expect(h.player(first).rank).toBe(1);
  });

  it('on equal scores ranks the player with more correct answers first', () => {
    // A right answer to a 0-point question scores nothing but counts as correct.
    const { h, first, second } = game(makeQuiz({ points: 0 }, {}));
    h.answer(first, 1);
    h.answer(second, 0);
    h.toQuestion(1);
    h.answer(first, 0);
    h.answer(second, 0);
    h.fireUntil((s) => s.phase === 'finished');
    expect(h.score(first)).toBe(h.score(second));
    expect(finalOrder(h)).toEqual([second, first]);
  });

  it('on equal scores and correct answers ranks the faster player first', () => {
    // Both answers fall within the first half second, so both score the full 1000.
    const { h, first, second } = game();
    h.atElapsed(300).answer(second, 0);
    h.atElapsed(400).answer(first, 0);
    h.fireUntil((s) => s.phase === 'finished');
    expect(h.score(first)).toBe(h.score(second));
    expect(finalOrder(h)).toEqual([second, first]);
  });

  it('counts an unanswered question as its whole time limit', () => {
    const { h, first, second } = game(makeQuiz({ points: 0 }, {}));
    h.atElapsed(9000).answer(first, 1);
    h.closeQuestion();
    expect(h.player(first).totalTimeMs).toBe(9000);
    expect(h.player(second).totalTimeMs).toBe(10_000);
    h.toQuestion(1);
    h.answer(first, 0);
    h.answer(second, 0);
    h.fireUntil((s) => s.phase === 'finished');
    expect(finalOrder(h)).toEqual([first, second]);
  });

  it('on a full tie ranks the earlier joiner first', () => {
    const { h, first, second } = game();
    h.answer(second, 0);
    h.answer(first, 0);
    h.fireUntil((s) => s.phase === 'finished');
    expect(finalOrder(h)).toEqual([first, second]);
  });

  it('keeps a player who dropped out on the leaderboard', () => {
    const { h, first, second } = game();
    h.answer(first, 0);
    h.disconnect(first);
    h.fireUntil((s) => s.phase === 'finished');
    expect(h.broadcasts('finished', 'everyone', h.allEffects)[0]?.top).toMatchObject([
      { id: first, connected: false, score: 1000, rank: 1 },
      { id: second, connected: true, score: 0, rank: 2 },
    ]);
  });

  it('shows the top 5 after a question and the top 10 at the end', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const ids = h.joinAll(...Array.from({ length: 12 }, (_, i) => `Player ${i + 1}`));
    h.startGame();
    ids.forEach((id, i) => h.atElapsed(1000 + i * 100).answer(id, 0));
    expect(h.broadcasts('reveal')[0]?.top.map((r) => r.id)).toEqual(ids.slice(0, 5));
    expect(h.broadcasts('standings', 'hosts')[0]?.rows).toHaveLength(12);
    h.fireTimer();
    expect(h.broadcasts('finished')[0]?.top.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(h.broadcasts('standings', 'hosts')[0]?.rows).toHaveLength(12);
  });
});
