/** The referee's promises: no early answers, one answer each, no correct option before the close. */
import { describe, expect, it } from 'vitest';
import {
  correctOptionCarriers,
  correctOptionLeaks,
  EngineHarness,
  errorCodes,
  makeQuiz,
  messagesIn,
} from '../support/engine-harness';

/** A full game with every kind of event, on a quiz whose correct options differ. */
function busyGame(): EngineHarness {
  const quiz = makeQuiz(
    { correct: 2 },
    { correct: 3, points: 2000 },
    { correct: 1, options: 2 },
    { correct: 0, points: 0 },
  );
  const h = new EngineHarness(quiz, { lateJoin: true });
  const [a, b] = h.joinAll('Alice', 'Bob') as [string, string];
  h.toQuestion(0);
  h.answer(a, 2, { question: 1 }); // not open yet
  const c = h.join('Carol');
  h.atElapsed(1200).answer(a, 2);
  h.answer(a, 3); // second answer
  h.answer(b, 9); // no such option
  h.disconnect(c);
  h.atElapsed(4000).answer(b, 1);
  h.toQuestion(1);
  h.reconnect(c);
  h.answer(c, 3);
  h.host({ type: 'settings', settings: { revealSeconds: 3 } });
  h.answer(a, 0, { question: 0 }); // too late
  h.host({ type: 'skip' });
  h.toQuestion(2);
  h.answer(b, 1);
  h.host({ type: 'kick', playerId: c });
  h.atElapsed(10_100).answer(a, 0, { graceMs: 200 });
  h.toQuestion(3);
  h.answer(a, 0);
  h.host({ type: 'next' });
  h.fireUntil((s) => s.phase === 'finished');
  return h;
}

describe('the correct option', () => {
  it('is in no message before its question closes', () => {
    const h = busyGame();
    const codes = new Set(errorCodes(h.allEffects));
    expect([...codes].sort()).toEqual(['already_answered', 'invalid_option', 'not_open', 'too_late']);
    expect(correctOptionLeaks(h.log)).toEqual([]);
  });

  it('is told in the reveal of every question once it closes', () => {
    const h = busyGame();
    const reveals = h
      .broadcasts('reveal', 'everyone', h.allEffects)
      .map((m) => [m.reveal.index, m.reveal.correct]);
    expect(reveals).toEqual([
      [0, 2],
      [1, 3],
      [2, 1],
      [3, 0],
    ]);
  });

  it('is caught by the leak check when a question is sent with it', () => {
    const h = new EngineHarness(makeQuiz({ correct: 3 }), { minPlayers: 0 });
    h.join('Alice');
    h.startGame();
    const question = h.broadcasts('question')[0]!;
    const tampered = { ...question, question: { ...question.question, correct: 3 } };
    const record = h.log.at(-1)!;
    const log = [
      { ...record, effects: [{ kind: 'broadcast' as const, audience: 'everyone' as const, msg: tampered }] },
    ];
    expect(correctOptionCarriers(tampered)).toHaveLength(1);
    expect(correctOptionLeaks(log)).toHaveLength(1);
  });

  it('is not hinted by the acknowledgment of a right or a wrong answer', () => {
    const h = new EngineHarness(makeQuiz({ correct: 1 }), { minPlayers: 0 });
    const [a, b, c] = h.joinAll('Alice', 'Bob', 'Carol') as [string, string, string];
    h.startGame();
    h.atElapsed(2000);
    const right = h.answer(a, 1);
    const wrong = h.answer(b, 2);
    expect(h.sentTo(a, 'answer_ack', right)).toEqual([
      { type: 'answer_ack', answer: { question: 0, option: 1, elapsedMs: 2000 } },
    ]);
    expect(h.sentTo(b, 'answer_ack', wrong)).toEqual([
      { type: 'answer_ack', answer: { question: 0, option: 2, elapsedMs: 2000 } },
    ]);
    // Hosts see how many answered, not what they chose.
    expect(messagesIn(wrong).filter((m) => m.type === 'answer_count')).toEqual([
      { type: 'answer_count', question: 0, answered: 2, connected: 3 },
    ]);
    expect(h.state.phase).toBe('question');
    expect(c).toBeDefined();
  });
});

describe('one answer per player per question', () => {
  it('counts only the first of several answers, however many are sent', () => {
    const h = new EngineHarness(makeQuiz({ correct: 3 }), { minPlayers: 0 });
    const [a] = h.joinAll('Alice', 'Bob') as [string, string];
    h.startGame();
    const codes: (string | null)[] = [];
    for (const option of [0, 1, 2, 3]) {
      h.answer(a, option);
      codes.push(h.lastError);
    }
    expect(codes).toEqual([null, 'already_answered', 'already_answered', 'already_answered']);
    expect(h.state.round?.counts).toEqual([1, 0, 0, 0]);
    h.closeQuestion();
    expect(h.score(a)).toBe(0);
  });

  it('lets every player answer once', () => {
    const h = new EngineHarness(makeQuiz({ correct: 3 }), { minPlayers: 0 });
    const ids = h.joinAll('A', 'B', 'C', 'D');
    h.startGame();
    ids.forEach((id, i) => h.answer(id, i));
    expect(h.broadcasts('reveal')[0]?.reveal).toMatchObject({ counts: [1, 1, 1, 1], answered: 4 });
  });
});
