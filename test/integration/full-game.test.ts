import { afterEach, describe, expect, it } from 'vitest';
import { answerPoints, streakBonus } from '../../src/main/game';
import { TestHost } from '../support/test-host';

let host: TestHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

// With a turn budget of 0, every upgrade, message and close waits for a later turn of the event
// loop (as when thousands arrive at once): the game must play out exactly the same.
describe.each([
  ['handled as read', undefined],
  ['every input held back a turn', 0],
])('a full game over real sockets (%s)', (_name, inboundTurnBudgetMs) => {
  it('starts by itself with two players, scores answers by speed and ends with the leaderboard', async () => {
    host = await new TestHost({ inboundTurnBudgetMs }).start();
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    expect(ada.view().phase).toBe('lobby');
    const bob = await host.player('Bob');
    // The second player starts the 3-second countdown.
    await ada.waitFor('countdown');

    host.clock.advance(3000);
    await ada.waitFor('question', (m) => m.question.index === 0);
    await bob.waitFor('question', (m) => m.question.index === 0);
    expect(JSON.stringify(ada.messages)).not.toContain('"correct"');
    // Cy comes once the game is under way: not turned away, in for the next game.
    const cy = host.client();
    await cy.waitView((v) => v.ready, 'Cy to connect');
    cy.client.join('Cy');
    await cy.waitView((v) => v.waiting?.name === 'Cy', 'Cy to wait for the next game');
    expect(cy.view().you).toBeNull();

    // Question 1: Ada right at 0.3 s, Bob wrong at 2 s.
    host.clock.advance(300);
    ada.client.answer(0);
    await ada.waitFor('answer_ack');
    host.clock.advance(1700);
    bob.client.answer(3);
    await ada.waitFor('reveal', (m) => m.reveal.index === 0);
    const r1 = await ada.waitFor('result', (m) => m.result.question === 0);
    expect(r1.result).toMatchObject({ correct: true, points: 1000, rank: 1 });
    expect((await bob.waitFor('result', (m) => m.result.question === 0)).result).toMatchObject({
      correct: false,
      points: 0,
    });

    // Reveal, leaderboard, then question 2: both right, Ada at 5 s, Bob at 0.5 s.
    host.clock.advance(5000);
    await ada.waitFor('leaderboard');
    host.clock.advance(5000);
    await ada.waitFor('question', (m) => m.question.index === 1);
    await bob.waitFor('question', (m) => m.question.index === 1);
    host.clock.advance(500);
    bob.client.answer(1);
    await bob.waitFor('answer_ack', (m) => m.answer.question === 1);
    host.clock.advance(4500);
    ada.client.answer(1);
    await ada.waitFor('result', (m) => m.result.question === 1);

    // Question 3 (2000 points): nobody answers; it closes at the deadline.
    host.clock.advance(5000);
    host.clock.advance(5000);
    await ada.waitFor('question', (m) => m.question.index === 2);
    host.clock.advance(10_000 + 300);
    await ada.waitFor('reveal', (m) => m.reveal.index === 2);
    host.clock.advance(5000);
    const finished = await ada.waitFor('finished');

    const adaScore = 1000 + answerPoints(1000, 5000, 10_000) + streakBonus(2);
    const bobScore = answerPoints(1000, 500, 10_000) + streakBonus(1);
    expect(finished.top.map((r) => [r.name, r.score])).toEqual([
      ['Ada', adaScore],
      ['Bob', bobScore],
    ]);
    const standings = await dashboard.waitView(
      (v) => v.phase === 'finished' && v.standings.length === 2,
      'final standings',
    );
    expect(standings.standings.map((r) => r.score)).toEqual([adaScore, bobScore]);
    expect(ada.view().status).toBe('FINISHED');
  });
});
