/** A question's life: countdown, opening, answers and their checks, deadline, early close, reveal. */
import { describe, expect, it } from 'vitest';
import { MAX_GRACE_MS } from '../../src/main/game';
import { EngineHarness, makeQuiz, plainQuiz } from '../support/engine-harness';

/** Two players in a game that starts by hand with the default 3 s countdown. */
function twoPlayers(quiz = plainQuiz(3), settings = {}) {
  const h = new EngineHarness(quiz, { minPlayers: 0, ...settings });
  const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
  return { h, a, b };
}

describe('countdown', () => {
  it('opens the first question when the countdown ends', () => {
    const { h } = twoPlayers();
    h.host({ type: 'start' });
    const endsAt = h.now + 3000;
    expect(h.timerAt).toBe(endsAt);
    h.fireTimer();
    expect(h.now).toBe(endsAt);
    expect(h.state.phase).toBe('question');
    const [msg] = h.broadcasts('question', 'everyone');
    expect(msg?.question).toMatchObject({
      index: 0,
      count: 3,
      openedAt: endsAt,
      deadline: endsAt + 10_000,
      timeLimitMs: 10_000,
    });
    expect(msg?.endsAt).toBe(endsAt + 10_000);
  });

  it('lasts as many seconds as the setting says', () => {
    const { h } = twoPlayers(plainQuiz(1), { countdownSeconds: 7 });
    h.host({ type: 'start' });
    expect(h.broadcasts('countdown')).toEqual([{ type: 'countdown', endsAt: h.now + 7000 }]);
    expect(h.timerAt).toBe(h.now + 7000);
  });

  it('with a countdown of 0 the first question opens at once', () => {
    const { h } = twoPlayers(plainQuiz(1), { countdownSeconds: 0 });
    h.host({ type: 'start' });
    expect(h.state.phase).toBe('question');
    expect(h.broadcasts('countdown')).toEqual([]);
    expect(h.state.round?.openedAt).toBe(h.now);
  });

  it('a timer that fires before the countdown ends re-arms itself for the end', () => {
    const { h } = twoPlayers();
    h.host({ type: 'start' });
    const endsAt = h.now + 3000;
    h.advance(1000);
    expect(h.tick()).toEqual([{ kind: 'timer', at: endsAt }]);
    expect(h.state.phase).toBe('countdown');
  });
});

describe('deadline', () => {
  it('arms the timer for the deadline plus the grace for late packets', () => {
    const { h } = twoPlayers();
    h.startGame();
    expect(h.timerAt).toBe(h.openedAt + 10_000 + MAX_GRACE_MS);
  });

  it('a timer before the deadline plus grace re-arms and keeps the question open', () => {
    const { h } = twoPlayers();
    h.startGame();
    const due = h.openedAt + 10_000 + MAX_GRACE_MS;
    h.atElapsed(10_000);
    expect(h.tick()).toEqual([{ kind: 'timer', at: due }]);
    expect(h.state.phase).toBe('question');
  });

  it('closes the question when its time is up', () => {
    const { h } = twoPlayers();
    h.startGame();
    h.atElapsed(10_000 + MAX_GRACE_MS).tick();
    expect(h.state.phase).toBe('reveal');
    expect(h.broadcasts('reveal')).toHaveLength(1);
  });

  it("uses the question's own time limit over the room setting", () => {
    const { h } = twoPlayers(makeQuiz({ timeLimit: 30 }, {}), { questionSeconds: 20 });
    h.startGame();
    expect(h.state.round?.deadline).toBe(h.openedAt + 30_000);
    h.answer('p1', 0).push(...h.answer('p2', 0));
    h.toQuestion(1);
    expect(h.state.round?.deadline).toBe(h.openedAt + 20_000);
  });
});

describe('early close', () => {
  it('closes as soon as every connected player has answered', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.atElapsed(2000);
    h.answer(a, 1);
    expect(h.state.phase).toBe('question');
    h.atElapsed(3000);
    h.answer(b, 0);
    expect(h.state.phase).toBe('reveal');
    expect(h.broadcasts('reveal')).toHaveLength(1);
    expect(h.timerAt).toBe(h.now + 5000);
  });

  it('does not wait for a player who is disconnected', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.disconnect(b);
    h.answer(a, 0);
    expect(h.state.phase).toBe('reveal');
  });

  it('closes when the last player who has not answered disconnects', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.answer(a, 0);
    h.disconnect(b);
    expect(h.state.phase).toBe('reveal');
    expect(h.broadcasts('reveal')).toHaveLength(1);
  });

  it('does not close when nobody is connected; the deadline closes it', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.disconnect(a);
    h.disconnect(b);
    expect(h.state.phase).toBe('question');
    h.closeQuestion();
    expect(h.now).toBe(h.state.round!.deadline + MAX_GRACE_MS);
  });

  it('does not close when the first players back after a mass drop have all answered', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.answer(a, 0);
    h.disconnect(a);
    h.disconnect(b);
    h.reconnect(a);
    expect(h.state.phase).toBe('question');
    h.reconnect(b);
    h.answer(b, 1);
    expect(h.state.phase).toBe('reveal');
  });

  it('counts the answer of a player who answered, dropped and came back', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.answer(a, 0);
    h.disconnect(a);
    h.reconnect(a);
    expect(h.state.phase).toBe('question');
    h.answer(b, 0);
    expect(h.state.phase).toBe('reveal');
  });

  it('waits for a player who answered nothing and came back', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.disconnect(b);
    h.reconnect(b);
    h.answer(a, 0);
    expect(h.state.phase).toBe('question');
  });
});

describe('answers', () => {
  it('acknowledges an accepted answer to that player alone, with its time', () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.atElapsed(2500);
    h.answer(a, 2);
    expect(h.sentTo(a, 'answer_ack')).toEqual([
      { type: 'answer_ack', answer: { question: 0, option: 2, elapsedMs: 2500 } },
    ]);
    expect(h.broadcasts('answer_ack')).toEqual([]);
    expect(h.broadcasts('answer_count', 'hosts')).toEqual([
      { type: 'answer_count', question: 0, answered: 1, connected: 2 },
    ]);
  });

  it('rejects a second answer to the same question; the first counts', () => {
    const { h, a } = twoPlayers(makeQuiz({ correct: 1 }));
    h.startGame();
    h.answer(a, 0);
    h.answer(a, 1);
    expect(h.repliesTo(h.connOf.get(a)!)).toMatchObject([
      { type: 'error', code: 'already_answered', ref: 'answer' },
    ]);
    expect(h.sentTo(a, 'answer_ack')).toEqual([]);
    h.closeQuestion();
    const [reveal] = h.broadcasts('reveal', 'everyone', h.allEffects);
    expect(reveal?.reveal.counts).toEqual([1, 0, 0, 0]);
    expect(h.player(a).answers[0]).toMatchObject({ option: 0, correct: false, points: 0 });
    expect(h.score(a)).toBe(0);
  });

  it('rejects an answer while no question is open', () => {
    const { h, a } = twoPlayers();
    h.answer(a, 0, { question: 0 });
    expect(h.lastError).toBe('not_open');
    h.host({ type: 'start' });
    h.answer(a, 0, { question: 0 });
    expect(h.lastError).toBe('not_open');
  });

  it('rejects an answer to a question not yet open', () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.answer(a, 0, { question: 1 });
    expect(h.lastError).toBe('not_open');
    expect(h.state.round?.answered).toBe(0);
    h.answer(a, 0, { question: 0 });
    expect(h.lastError).toBeNull();
  });

  it('rejects an answer to an earlier question as too late', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.closeQuestion().toQuestion(1);
    h.answer(a, 0, { question: 0 });
    expect(h.lastError).toBe('too_late');
    expect(h.state.round?.answered).toBe(0);
    h.answer(b, 0, { question: 1 });
    expect(h.lastError).toBeNull();
  });

  it('rejects an answer to the question that has just closed as too late', () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.closeQuestion();
    expect(h.state.phase).toBe('reveal');
    h.answer(a, 0, { question: 0 });
    expect(h.lastError).toBe('too_late');
  });

  it('rejects an option the question does not have', () => {
    const { h, a } = twoPlayers(makeQuiz({ options: 2, correct: 1 }, {}));
    h.startGame();
    for (const option of [2, 3, 4, -1, 0.5]) {
      h.answer(a, option);
      expect(h.lastError, `option ${option}`).toBe('invalid_option');
    }
    expect(h.state.round?.answered).toBe(0);
    expect(h.state.round?.counts).toEqual([0, 0]);
    h.answer(a, 1);
    expect(h.lastError).toBeNull();
  });

  it('rejects an answer from a player who is not in the game', () => {
    const { h } = twoPlayers();
    h.startGame();
    h.answer('p42', 0, { conn: 77 });
    expect(h.repliesTo(77)).toMatchObject([{ type: 'error', code: 'unknown_player' }]);
  });
});

describe('late answers', () => {
  it('accepts an answer at the deadline', () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.atElapsed(10_000).answer(a, 0);
    expect(h.lastError).toBeNull();
  });

  it('rejects an answer after the deadline when the player has no grace', () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.atElapsed(10_001).answer(a, 0);
    expect(h.lastError).toBe('too_late');
    expect(h.state.round?.answered).toBe(0);
  });

  it("accepts an answer within the player's grace, timed at the deadline", () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.answer(b, 1);
    h.atElapsed(10_150).answer(a, 0, { graceMs: 200 });
    expect(h.lastError).toBeNull();
    expect(h.sentTo(a, 'answer_ack')).toMatchObject([{ answer: { elapsedMs: 10_000 } }]);
    expect(h.state.phase).toBe('reveal');
    expect(h.score(a)).toBe(500);
  });

  it("rejects an answer after the player's grace", () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.atElapsed(10_201).answer(a, 0, { graceMs: 200 });
    expect(h.lastError).toBe('too_late');
  });

  it('caps the grace at MAX_GRACE_MS', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.atElapsed(10_000 + MAX_GRACE_MS).answer(b, 0, { graceMs: 5000 });
    expect(h.lastError).toBeNull();
    h.atElapsed(10_000 + MAX_GRACE_MS + 1).answer(a, 0, { graceMs: 5000 });
    expect(h.lastError).toBe('too_late');
  });

  it('treats a negative grace as none', () => {
    const { h, a } = twoPlayers();
    h.startGame();
    h.atElapsed(10_000).answer(a, 0, { graceMs: -5000 });
    expect(h.lastError).toBeNull();
  });
});

describe('after a question', () => {
  it('shows everybody the correct option and how many chose each option', () => {
    const { h, a, b } = twoPlayers(makeQuiz({ correct: 2 }, {}));
    const c = h.join('Carol');
    h.startGame();
    h.answer(a, 2);
    h.answer(b, 0);
    h.answer(c, 2);
    const [msg] = h.broadcasts('reveal', 'everyone');
    expect(msg?.reveal).toEqual({
      index: 0,
      kind: 'choice',
      correct: 2,
      counts: [1, 0, 2, 0],
      answered: 3,
      voided: false,
    });
    expect(msg?.endsAt).toBe(h.now + 5000);
    expect(msg?.top.map((r) => r.id)).toEqual([a, c, b]);
  });

  it('tells each player their own result, and the hosts the standings', () => {
    const { h, a, b } = twoPlayers();
    h.startGame();
    h.atElapsed(5000).answer(a, 0);
    h.closeQuestion();
    expect(h.sentTo(a, 'result')).toEqual([
      {
        type: 'result',
        result: {
          question: 0,
          option: 0,
          correct: true,
          credit: 1,
          points: 750,
          score: 750,
          streak: 1,
          rank: 1,
          elapsedMs: 5000,
        },
      },
    ]);
    expect(h.sentTo(b, 'result')).toEqual([
      {
        type: 'result',
        result: {
          question: 0,
          option: null,
          correct: false,
          credit: 0,
          points: 0,
          score: 0,
          streak: 0,
          rank: 2,
          elapsedMs: null,
        },
      },
    ]);
    expect(h.broadcasts('standings', 'hosts')[0]?.rows.map((r) => [r.id, r.score])).toEqual([
      [a, 750],
      [b, 0],
    ]);
  });

  it('keeps a record of every player on every question', () => {
    const { h, a, b } = twoPlayers(plainQuiz(2));
    h.startGame();
    h.atElapsed(1000).answer(a, 0);
    h.answer(b, 3);
    h.toQuestion(1);
    h.atElapsed(2000).answer(b, 0);
    h.closeQuestion();
    expect(h.player(a).answers).toEqual([
      { option: 0, correct: true, credit: 1, elapsedMs: 1000, points: 950 },
      null,
    ]);
    expect(h.player(b).answers).toEqual([
      { option: 3, correct: false, credit: 0, elapsedMs: 1000, points: 0 },
      { option: 0, correct: true, credit: 1, elapsedMs: 2000, points: 900 },
    ]);
  });

  it('moves on from reveal to leaderboard to the next question by itself', () => {
    const { h } = twoPlayers(plainQuiz(2));
    h.startGame().closeQuestion();
    const revealAt = h.now;
    h.fireTimer();
    expect(h.now).toBe(revealAt + 5000);
    expect(h.state.phase).toBe('leaderboard');
    expect(h.broadcasts('leaderboard', 'everyone')).toMatchObject([{ endsAt: h.now + 5000 }]);
    h.fireTimer();
    expect(h.state.phase).toBe('question');
    expect(h.broadcasts('question')[0]?.question.index).toBe(1);
  });

  it('after the last question finishes the game and shows the final leaderboard to everybody', () => {
    const { h, a, b } = twoPlayers(plainQuiz(1));
    h.startGame();
    h.answer(a, 0);
    h.answer(b, 1);
    h.fireTimer();
    expect(h.state.phase).toBe('finished');
    expect(h.broadcasts('leaderboard')).toEqual([]);
    expect(h.broadcasts('finished', 'everyone')[0]?.top.map((r) => r.id)).toEqual([a, b]);
    expect(h.broadcasts('standings', 'hosts')).toHaveLength(1);
    expect(h.last).toContainEqual(expect.objectContaining({ kind: 'game_over' }));
    expect(h.last).toContainEqual({ kind: 'timer', at: null });
    expect(h.state.endsAt).toBeNull();
  });

  it('waits for the host after reveal and leaderboard when auto-advance is off', () => {
    const { h, a, b } = twoPlayers(plainQuiz(2), { autoAdvance: false });
    h.startGame();
    h.answer(a, 0);
    h.answer(b, 0);
    expect(h.broadcasts('reveal')[0]?.endsAt).toBeNull();
    expect(h.last).toContainEqual({ kind: 'timer', at: null });
    h.advance(60_000);
    expect(h.tick()).toEqual([]);
    expect(h.state.phase).toBe('reveal');
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('leaderboard');
    expect(h.state.endsAt).toBeNull();
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('question');
    // Questions keep their deadline even without auto-advance.
    expect(h.timerAt).toBe(h.openedAt + 10_000 + MAX_GRACE_MS);
  });
});
