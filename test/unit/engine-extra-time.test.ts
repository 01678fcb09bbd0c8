/**
 * Extra time for chosen players: the host's grant, each player's own deadline and time limit
 * (answers, scoring, the question and pause messages, snapshots), the question that stays open
 * for them only ("finishing") without telling anything about the answers, and the grant kept
 * through a journal snapshot.
 */
import { describe, expect, it } from 'vitest';
import { deadlineFor, MAX_GRACE_MS, restoreGame, serializeGame } from '../../src/main/game';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import { correctOptionLeaks, EngineHarness, plainQuiz } from '../support/engine-harness';

const LIMIT = 10_000;

/** Alice has `factor` times the time, Bob none; question 0 is open. */
function withExtraTime(factor: 1.5 | 2 = 2, questions = 2) {
  const h = new EngineHarness(plainQuiz(questions), { minPlayers: 0, questionSeconds: LIMIT / 1000 });
  const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
  h.host({ type: 'extra_time', playerId: a, factor });
  h.startGame();
  return { h, a, b };
}

describe('granting extra time', () => {
  it('is kept on the player and shown to the hosts only', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a] = h.joinAll('Alice', 'Bob') as [string, string];
    h.host({ type: 'extra_time', playerId: a, factor: 1.5 });
    expect(h.broadcasts('player', 'hosts')).toEqual([
      { type: 'player', player: { id: a, name: 'Alice', connected: true, score: 0, extraTime: 1.5 } },
    ]);
    expect(h.broadcasts('player', 'everyone')).toEqual([]);
    expect(h.player(a).extraTime).toBe(1.5);
    expect(h.snapshot({ role: 'host' }).players?.find((p) => p.id === a)?.extraTime).toBe(1.5);
    // The same again changes nothing; 1 takes it away.
    h.host({ type: 'extra_time', playerId: a, factor: 1.5 });
    expect(h.last).toEqual([]);
    h.host({ type: 'extra_time', playerId: a, factor: 1 });
    expect(h.player(a).extraTime).toBeUndefined();
    expect(h.broadcasts('player', 'hosts')[0]?.player.extraTime).toBeUndefined();
  });

  it('refuses an unknown player and a factor other than 1, 1.5 or 2, changing nothing', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a] = h.joinAll('Alice') as [string];
    h.host({ type: 'extra_time', playerId: 'p99', factor: 2 });
    expect(h.lastError).toBe('unknown_player');
    h.send({ kind: 'host', conn: 0, command: { type: 'extra_time', playerId: a, factor: 3 as 2 } });
    expect(h.lastError).toBe('invalid_message');
    expect(h.player(a).extraTime).toBeUndefined();
  });

  it('given during a question counts from the next one', () => {
    const h = new EngineHarness(plainQuiz(2), { minPlayers: 0, questionSeconds: 10 });
    const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
    h.startGame();
    h.host({ type: 'extra_time', playerId: a, factor: 2 });
    expect(h.state.round?.extraTime).toBeUndefined();
    h.atElapsed(LIMIT + MAX_GRACE_MS + 1);
    h.answer(a, 0);
    expect(h.lastError).toBe('too_late');
    h.answer(b, 0);
    h.closeQuestion().toQuestion(1);
    expect(h.state.round?.extraTime).toEqual({ [a]: 2 });
  });
});

describe('a player with extra time', () => {
  it('gets the question with their own limit and deadline, and so does their snapshot', () => {
    const { h, a, b } = withExtraTime(1.5);
    const opened = h.openedAt;
    const question = h.log.findLast((r) =>
      r.effects.some((e) => e.kind === 'broadcast' && e.msg.type === 'question'),
    )!;
    h.last = question.effects;
    expect(h.broadcasts('question', 'everyone')[0]).toMatchObject({
      endsAt: opened + LIMIT,
      question: { deadline: opened + LIMIT, timeLimitMs: LIMIT },
    });
    expect(h.sentTo(a, 'question')).toEqual([
      expect.objectContaining({
        endsAt: opened + 15_000,
        question: expect.objectContaining({ deadline: opened + 15_000, timeLimitMs: 15_000 }),
      }),
    ]);
    expect(h.sentTo(b, 'question')).toEqual([]);
    const mine = h.snapshot({ role: 'player', playerId: a });
    expect(mine.question).toMatchObject({ deadline: opened + 15_000, timeLimitMs: 15_000 });
    expect(mine.endsAt).toBe(opened + 15_000);
    expect(h.snapshot({ role: 'player', playerId: b }).question).toMatchObject({ deadline: opened + LIMIT });
  });

  it("answers after the others' deadline but before their own, scored against their own limit", () => {
    const { h, a, b } = withExtraTime(2);
    h.atElapsed(1000);
    h.answer(b, 1);
    // Everyone else is done: the question stays open for Alice, and the room is told so.
    expect(h.state.phase).toBe('question');
    expect(h.broadcasts('finishing', 'everyone')).toEqual([{ type: 'finishing', question: 0, waiting: 1 }]);
    expect(h.broadcasts('reveal')).toEqual([]);
    h.atElapsed(15_000);
    h.answer(a, 0);
    expect(h.lastError).toBeNull();
    expect(h.state.phase).toBe('reveal');
    // Speed points relative to 20 s: 15 s of 20 is three quarters of the way to half points.
    expect(h.score(a)).toBe(Math.round(1000 * (1 - 15_000 / 20_000 / 2)));
    expect(h.player(a).answers[0]?.elapsedMs).toBe(15_000);
    expect(correctOptionLeaks(h.log)).toEqual([]);
  });

  it('is refused after their own deadline (and the grace), and the question then closes by its timer', () => {
    const { h, a, b } = withExtraTime(2);
    // The round's own deadline passes: finishing, not closed.
    h.fireTimer();
    expect(h.now).toBe(h.openedAt + LIMIT + MAX_GRACE_MS);
    expect(h.state.phase).toBe('question');
    expect(h.broadcasts('finishing')).toEqual([{ type: 'finishing', question: 0, waiting: 1 }]);
    h.advance(1).answer(b, 0, { graceMs: MAX_GRACE_MS });
    expect(h.lastError).toBe('too_late');
    expect(h.timerAt).toBe(h.openedAt + 2 * LIMIT + MAX_GRACE_MS);
    h.atElapsed(2 * LIMIT + 101);
    h.answer(a, 0, { graceMs: 100 });
    expect(h.lastError).toBe('too_late');
    h.fireTimer();
    expect(h.state.phase).toBe('reveal');
    // Not answering costs their own whole limit in the time tie-break.
    expect(h.player(a).totalTimeMs).toBe(2 * LIMIT);
    expect(h.player(b).totalTimeMs).toBe(LIMIT);
  });

  it('the reveal is sent only once the last player with extra time is done', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, questionSeconds: 10 });
    const [a, b, c] = h.joinAll('Alice', 'Bob', 'Cy') as [string, string, string];
    h.host({ type: 'extra_time', playerId: a, factor: 2 });
    h.host({ type: 'extra_time', playerId: b, factor: 1.5 });
    h.startGame();
    const start = h.log.length;
    h.atElapsed(2000).answer(c, 2);
    expect(h.broadcasts('finishing')).toEqual([{ type: 'finishing', question: 0, waiting: 2 }]);
    h.atElapsed(14_000).answer(b, 0);
    expect(h.broadcasts('finishing')).toEqual([{ type: 'finishing', question: 0, waiting: 1 }]);
    h.fireTimer();
    expect(h.state.phase).toBe('reveal');
    expect(h.now).toBe(h.state.round!.openedAt + 20_000 + MAX_GRACE_MS);
    // Before that step, nothing counted answers for anyone but the hosts.
    const before = h.log.slice(start, -1).flatMap((r) => r.effects);
    for (const e of before) {
      if (e.kind !== 'broadcast' || e.audience !== 'everyone') continue;
      expect(['finishing', 'player_count']).toContain(e.msg.type);
    }
    expect(correctOptionLeaks(h.log)).toEqual([]);
  });

  it('does not hold the question once they have left the room', () => {
    const { h, a, b } = withExtraTime(2);
    h.atElapsed(1000).answer(b, 0);
    expect(h.state.phase).toBe('question');
    h.disconnect(a);
    expect(h.state.phase).toBe('reveal');
  });

  it('keeps their own time left through a pause, told to them alone', () => {
    const { h, a, b } = withExtraTime(2);
    const opened = h.openedAt;
    h.atElapsed(4000);
    h.host({ type: 'pause', paused: true });
    expect(h.broadcasts('paused')).toEqual([{ type: 'paused', question: 0, remainingMs: 6000 }]);
    expect(h.sentTo(a, 'paused')).toEqual([{ type: 'paused', question: 0, remainingMs: 16_000 }]);
    expect(h.snapshot({ role: 'player', playerId: a }).paused).toEqual({ remainingMs: 16_000 });
    expect(h.snapshot({ role: 'player', playerId: b }).paused).toEqual({ remainingMs: 6000 });
    h.advance(30_000);
    h.host({ type: 'pause', paused: false });
    expect(h.sentTo(a, 'resumed')).toEqual([
      {
        type: 'resumed',
        question: 0,
        openedAt: opened + 30_000,
        deadline: opened + 50_000,
        endsAt: opened + 50_000,
      },
    ]);
    expect(deadlineFor(h.state.round!, a)).toBe(opened + 50_000);
    // Bob runs out at 40 s: the question goes on for Alice until 50 s.
    h.fireTimer();
    expect(h.now).toBe(opened + 40_000 + MAX_GRACE_MS);
    expect(h.state.phase).toBe('question');
    // Paused again while finishing for Alice only: her time left is kept too.
    h.at(opened + 45_000);
    h.host({ type: 'pause', paused: true });
    expect(h.lastError).toBeNull();
    expect(h.sentTo(a, 'paused')).toEqual([{ type: 'paused', question: 0, remainingMs: 5000 }]);
    h.advance(10_000);
    h.host({ type: 'pause', paused: false });
    h.at(opened + 59_000);
    h.answer(a, 0);
    expect(h.lastError).toBeNull();
    // 4 s before the first pause, 11 s between the pauses, 4 s after: 19 s of her 20.
    expect(h.player(a).answers[0]?.elapsedMs).toBe(19_000);
  });

  it("keeps the grant and the open round's extra time through a journal snapshot", () => {
    const { h, a } = withExtraTime(1.5);
    h.fireTimer();
    const line = encodeRecord({ t: 'snapshot', at: h.now, game: serializeGame(h.state), tokens: [] });
    const decoded = decodeRecord(Buffer.from(line.trimEnd()));
    if (!decoded.ok) throw new Error(decoded.reason);
    if (decoded.record.t !== 'snapshot') throw new Error('not a snapshot');
    const restored = restoreGame(decoded.record.game);
    expect(restored.players.get(a)?.extraTime).toBe(1.5);
    expect(restored.round?.extraTime).toEqual({ [a]: 1.5 });
    expect(restored.round?.finishing).toBe(true);
  });

  it('survives a downtime: the deadlines move by it', () => {
    const { h, a } = withExtraTime(2);
    const opened = h.openedAt;
    h.atElapsed(5000);
    h.advance(60_000);
    h.send({ kind: 'resumed', pausedMs: 60_000 });
    expect(deadlineFor(h.state.round!, a)).toBe(opened + 60_000 + 20_000);
    h.reconnect(a);
    h.at(opened + 60_000 + 19_000);
    h.answer(a, 0);
    expect(h.lastError).toBeNull();
  });
});
