/**
 * What the host can do: start, cancel the start, next, skip, end, kick, remove the disconnected,
 * settings, new game, and when each is refused.
 */
import { describe, expect, it } from 'vitest';
import type { HostCommand } from '../../src/shared/protocol';
import { EngineHarness, makeQuiz, plainQuiz } from '../support/engine-harness';

function byHand(quiz = plainQuiz(3), settings = {}) {
  const h = new EngineHarness(quiz, { minPlayers: 0, ...settings });
  const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
  return { h, a, b };
}

function expectWrongPhase(h: EngineHarness, command: HostCommand): void {
  const before = h.state.phase;
  h.host(command);
  expect(h.repliesTo(h.hostConn)).toMatchObject([{ type: 'error', code: 'wrong_phase', ref: command.type }]);
  expect(h.state.phase).toBe(before);
}

describe('start', () => {
  it('starts the countdown by hand', () => {
    const { h } = byHand();
    h.host({ type: 'start' });
    expect(h.state.phase).toBe('countdown');
    expect(h.broadcasts('countdown')).toEqual([{ type: 'countdown', endsAt: h.now + 3000 }]);
  });

  it('starts by hand with a single player', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.join('Solo');
    h.host({ type: 'start' });
    expect(h.state.phase).toBe('countdown');
  });

  it('is refused while nobody has joined', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    expectWrongPhase(h, { type: 'start' });
  });

  it('is refused once the game has started', () => {
    const { h } = byHand();
    h.host({ type: 'start' });
    expectWrongPhase(h, { type: 'start' });
    h.startGame();
    expectWrongPhase(h, { type: 'start' });
  });
});

describe('cancel start', () => {
  it('stops the automatic countdown and waits in the lobby for the host from then on', () => {
    const h = new EngineHarness(plainQuiz(2));
    h.joinAll('bot1', 'bot2');
    expect(h.state.phase).toBe('countdown');
    h.host({ type: 'cancel_start' });
    expect(h.state.phase).toBe('lobby');
    expect(h.state.endsAt).toBeNull();
    expect(h.timerAt).toBeNull();
    expect(h.state.settings.minPlayers).toBe(0);
    expect(h.broadcasts('settings', 'everyone')).toMatchObject([{ settings: { minPlayers: 0 } }]);
    expect(h.broadcasts('lobby', 'everyone')).toEqual([{ type: 'lobby' }]);
    // The next join or reconnect does not start it again; the host does.
    h.join('Ada');
    expect(h.state.phase).toBe('lobby');
    h.host({ type: 'start' });
    expect(h.state.phase).toBe('countdown');
  });

  it('lets the lobby drop players who stay away again', () => {
    const h = new EngineHarness(plainQuiz(2));
    const [a] = h.joinAll('A', 'B', 'C');
    h.disconnect(a!);
    h.host({ type: 'cancel_start' });
    expect(h.timerAt).toBe(h.now + 60_000);
    h.fireTimer();
    expect(h.state.players.has(a!)).toBe(false);
  });

  it('is refused outside the countdown', () => {
    const { h } = byHand();
    expectWrongPhase(h, { type: 'cancel_start' });
    h.startGame();
    expectWrongPhase(h, { type: 'cancel_start' });
  });
});

describe('next', () => {
  it('opens the first question during the countdown', () => {
    const { h } = byHand();
    h.host({ type: 'start' });
    h.advance(500);
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('question');
    expect(h.openedAt).toBe(h.now);
  });

  it('closes the open question and scores the answers given', () => {
    const { h, a } = byHand();
    h.startGame();
    h.answer(a, 0);
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('reveal');
    expect(h.broadcasts('reveal')[0]?.reveal.voided).toBe(false);
    expect(h.score(a)).toBe(1000);
  });

  it('goes from reveal to leaderboard, and from leaderboard to the next question', () => {
    const { h } = byHand();
    h.startGame().closeQuestion();
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('leaderboard');
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('question');
    expect(h.state.round?.index).toBe(1);
  });

  it('finishes the game from the reveal of the last question', () => {
    const { h } = byHand(plainQuiz(1));
    h.startGame().closeQuestion();
    h.host({ type: 'next' });
    expect(h.state.phase).toBe('finished');
  });

  it('is refused in the lobby and after the game', () => {
    const { h } = byHand(plainQuiz(1));
    expectWrongPhase(h, { type: 'next' });
    h.startGame().closeQuestion().fireTimer();
    expect(h.state.phase).toBe('finished');
    expectWrongPhase(h, { type: 'next' });
  });
});

describe('skip', () => {
  it('voids the open question: nobody scores and streaks are untouched', () => {
    const { h, a, b } = byHand(plainQuiz(4));
    h.startGame();
    h.answer(a, 0);
    h.answer(b, 0);
    h.toQuestion(1);
    h.answer(a, 0);
    h.answer(b, 0);
    expect(h.player(a).streak).toBe(2);
    expect(h.score(a)).toBe(2100);
    h.toQuestion(2);
    h.answer(a, 0); // right, but voided
    h.host({ type: 'skip' }); // b gave no answer: no reset either
    expect(h.state.phase).toBe('reveal');
    expect(h.broadcasts('reveal')[0]?.reveal).toMatchObject({ index: 2, voided: true });
    expect(h.sentTo(a, 'result')[0]?.result).toMatchObject({ points: 0, correct: true, streak: 2 });
    expect(h.score(a)).toBe(2100);
    expect(h.player(a).correctCount).toBe(2);
    expect(h.player(b).streak).toBe(2);
    h.toQuestion(3);
    h.answer(a, 0);
    h.answer(b, 0);
    expect(h.score(a)).toBe(2100 + 1200);
    expect(h.score(b)).toBe(2100 + 1200);
  });

  it('is refused when no question is open', () => {
    const { h } = byHand();
    expectWrongPhase(h, { type: 'skip' });
    h.host({ type: 'start' });
    expectWrongPhase(h, { type: 'skip' });
    h.startGame().closeQuestion();
    expectWrongPhase(h, { type: 'skip' });
  });
});

describe('end', () => {
  it('finishes the game at once and shows everybody the final leaderboard', () => {
    const { h, a, b } = byHand(plainQuiz(5));
    h.startGame();
    h.answer(a, 0);
    h.host({ type: 'end' });
    expect(h.state.phase).toBe('finished');
    expect(h.player(a).answers[0]).toMatchObject({ correct: true, points: 1000 });
    expect(h.broadcasts('finished', 'everyone')[0]?.top.map((r) => [r.id, r.score])).toEqual([
      [a, 1000],
      [b, 0],
    ]);
    expect(h.last).toContainEqual({ kind: 'timer', at: null });
    expect(h.last).toContainEqual(expect.objectContaining({ kind: 'game_over' }));
  });

  it('during the countdown finishes with everyone at 0, ranked by join order', () => {
    const { h, a, b } = byHand();
    h.host({ type: 'start' });
    h.host({ type: 'end' });
    expect(h.state.phase).toBe('finished');
    expect(h.broadcasts('finished')[0]?.top.map((r) => r.id)).toEqual([a, b]);
  });

  it('is refused in the lobby and after the game', () => {
    const { h } = byHand();
    expectWrongPhase(h, { type: 'end' });
    h.host({ type: 'start' });
    h.host({ type: 'end' });
    expectWrongPhase(h, { type: 'end' });
  });
});

describe('kick', () => {
  it('removes the player, kills their token and frees their name', () => {
    const { h, a } = byHand();
    h.host({ type: 'kick', playerId: a });
    expect(h.last).toContainEqual({ kind: 'kick', playerId: a });
    expect(h.broadcasts('player_removed', 'hosts')).toEqual([{ type: 'player_removed', id: a }]);
    expect(h.broadcasts('player_count')).toContainEqual({
      type: 'player_count',
      count: 1,
      connected: 1,
      waiting: 0,
    });
    expect(h.state.players.has(a)).toBe(false);
    expect(h.tryJoin('alice')).not.toBeNull();
  });

  it('leaves a kicked player unable to answer', () => {
    const { h, a } = byHand();
    h.startGame();
    h.host({ type: 'kick', playerId: a });
    h.answer(a, 0);
    expect(h.lastError).toBe('unknown_player');
    expect(h.state.round?.answered).toBe(0);
  });

  it('closes the question when the kicked player was the last one to answer', () => {
    const { h, a, b } = byHand();
    h.startGame();
    h.answer(a, 0);
    h.host({ type: 'kick', playerId: b });
    expect(h.state.phase).toBe('reveal');
  });

  it('leaves the kicked player out of the leaderboard', () => {
    const { h, a, b } = byHand(plainQuiz(1));
    h.startGame();
    h.answer(a, 0);
    h.answer(b, 0);
    h.host({ type: 'kick', playerId: a });
    h.fireTimer();
    expect(h.broadcasts('finished')[0]?.top.map((r) => r.id)).toEqual([b]);
    expect(h.player(b).rank).toBe(1);
  });

  it('is refused for an unknown player', () => {
    const { h } = byHand();
    h.host({ type: 'kick', playerId: 'p99' });
    expect(h.repliesTo(h.hostConn)).toMatchObject([{ type: 'error', code: 'unknown_player', ref: 'kick' }]);
  });
});

describe('remove disconnected', () => {
  it('removes every disconnected player in one command and keeps the connected ones', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const ids = ['A', 'B', 'C', 'D'].map((n) => h.join(n));
    h.disconnect(ids[1]!);
    h.disconnect(ids[3]!);
    h.host({ type: 'remove_disconnected' });
    expect([...h.state.players.keys()]).toEqual([ids[0], ids[2]]);
    expect(h.broadcasts('player_removed', 'hosts')).toEqual([
      { type: 'player_removed', id: ids[1] },
      { type: 'player_removed', id: ids[3] },
    ]);
    expect(h.last).toContainEqual({ kind: 'kick', playerId: ids[1] });
    expect(h.tryJoin('b')).not.toBeNull();
  });

  it('also removes disconnected latecomers after the game, and re-ranks the rest', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a, b] = h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    h.answer(b!, 0);
    h.disconnect(b!);
    h.disconnect(c);
    h.fireUntil((s) => s.phase === 'finished');
    h.host({ type: 'remove_disconnected' });
    expect(h.state.waiting.size).toBe(0);
    expect(h.state.ranking).toEqual([a]);
    expect(h.player(a!).rank).toBe(1);
  });

  it('is refused during a game', () => {
    const { h } = byHand();
    h.host({ type: 'start' });
    expectWrongPhase(h, { type: 'remove_disconnected' });
    h.toQuestion(0);
    expectWrongPhase(h, { type: 'remove_disconnected' });
  });
});

describe('settings', () => {
  it('applies a change and tells everybody', () => {
    const { h } = byHand();
    h.host({ type: 'settings', settings: { countdownSeconds: 5, questionSeconds: 20 } });
    expect(h.state.settings).toMatchObject({ countdownSeconds: 5, questionSeconds: 20, minPlayers: 0 });
    expect(h.broadcasts('settings', 'everyone')).toEqual([{ type: 'settings', settings: h.state.settings }]);
    h.host({ type: 'start' });
    expect(h.state.endsAt).toBe(h.now + 5000);
    h.startGame();
    expect(h.state.round?.deadline).toBe(h.openedAt + 20_000);
  });

  it('refuses more players needed than players allowed', () => {
    const { h } = byHand(plainQuiz(1), { maxPlayers: 10 });
    h.host({ type: 'settings', settings: { minPlayers: 11 } });
    expect(h.repliesTo(h.hostConn)).toMatchObject([
      { type: 'error', code: 'invalid_message', ref: 'settings' },
    ]);
    expect(h.state.settings.minPlayers).toBe(0);
  });

  it('changes the time per question from the next question on', () => {
    const { h, a, b } = byHand(plainQuiz(2));
    h.startGame();
    h.host({ type: 'settings', settings: { questionSeconds: 30 } });
    expect(h.state.round?.deadline).toBe(h.openedAt + 10_000);
    h.answer(a, 0);
    h.answer(b, 0);
    h.toQuestion(1);
    expect(h.state.round?.deadline).toBe(h.openedAt + 30_000);
  });
});

describe('new game', () => {
  it('is refused while a game runs', () => {
    const { h } = byHand();
    h.host({ type: 'start' });
    expectWrongPhase(h, { type: 'new_game' });
    h.startGame();
    expectWrongPhase(h, { type: 'new_game' });
  });

  it('keeps the players, resets their scores and asks every client to resync', () => {
    const { h, a, b } = byHand(plainQuiz(1));
    h.startGame();
    h.answer(a, 0);
    h.answer(b, 1);
    h.fireTimer();
    expect(h.state.phase).toBe('finished');
    h.disconnect(b);
    h.host({ type: 'new_game' });
    expect(h.state.phase).toBe('lobby');
    expect(h.state.gameNo).toBe(2);
    expect([...h.state.players.keys()]).toEqual([a, b]);
    for (const id of [a, b]) {
      expect(h.player(id)).toMatchObject({
        score: 0,
        streak: 0,
        correctCount: 0,
        totalTimeMs: 0,
        answers: [],
        rank: null,
        lastResult: null,
      });
    }
    expect(h.player(b).connected).toBe(false);
    expect(h.state.round).toBeNull();
    expect(h.state.ranking).toEqual([]);
    expect(h.last).toContainEqual({ kind: 'resync' });
    expect(h.last).toContainEqual({ kind: 'timer', at: null });
    h.startGame();
    expect(h.state.round?.index).toBe(0);
  });

  it('plays a new quiz when one is given', () => {
    const { h } = byHand(plainQuiz(1));
    h.startGame().closeQuestion().fireTimer();
    const quiz = makeQuiz({}, {}, {});
    h.host({ type: 'new_game', quiz });
    expect(h.state.quiz).toBe(quiz);
    h.startGame();
    expect(h.broadcasts('question')[0]?.question.count).toBe(3);
  });

  it('waits in the lobby for the host, even with enough players for the automatic start', () => {
    const h = new EngineHarness(plainQuiz(1));
    h.joinAll('A', 'B');
    h.toQuestion(0).closeQuestion().fireTimer();
    expect(h.state.phase).toBe('finished');
    h.host({ type: 'new_game' });
    expect(h.last).toContainEqual({ kind: 'resync' });
    expect(h.state.phase).toBe('lobby');
    // Everyone is told that the host starts this one.
    expect(h.broadcasts('settings').at(-1)?.settings.minPlayers).toBe(0);
    expect(h.state.settings.minPlayers).toBe(0);
    // A newcomer or a phone coming back does not start it either.
    const c = h.join('C');
    h.disconnect(c);
    h.reconnect(c);
    expect(h.state.phase).toBe('lobby');
    h.host({ type: 'start' });
    expect(h.state.phase).toBe('countdown');
  });

  it('starts by itself again when the host sets a number that is already reached, and can be cancelled', () => {
    const h = new EngineHarness(plainQuiz(1));
    h.joinAll('A', 'B');
    h.toQuestion(0).closeQuestion().fireTimer();
    h.host({ type: 'new_game' });
    h.host({ type: 'settings', settings: { minPlayers: 2 } });
    expect(h.state.phase).toBe('countdown');
    expect(h.broadcasts('countdown').at(-1)?.endsAt).toBe(h.state.endsAt);
    h.host({ type: 'cancel_start' });
    expect(h.state.phase).toBe('lobby');
    expect(h.state.settings.minPlayers).toBe(0);
  });
});
