/**
 * Scoring modes and shuffled questions over real sockets: an accuracy room with a wrong-answer
 * penalty and no streak bonus, asking its questions in a shuffled order, and a survey room.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { choice } from '../support/choice-question';
import { TestHost, TEST_QUIZ } from '../support/test-host';

let host: TestHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

describe('scoring modes over real sockets', () => {
  it('accuracy, penalty, no streak bonus, shuffled: the points the rules say, in the drawn order', async () => {
    host = await new TestHost({
      settings: {
        minPlayers: 0,
        countdownSeconds: 0,
        scoringMode: 'accuracy',
        streakBonus: false,
        wrongAnswerPenalty: 50,
        shuffleQuestions: true,
      },
    }).start();
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    dashboard.client.start();

    const asked: string[] = [];
    const points: number[] = [];
    for (let pos = 0; pos < TEST_QUIZ.questions.length; pos++) {
      const q = (await ada.waitFor('question', (m) => m.question.index === pos)).question;
      asked.push(q.prompt);
      const quizQuestion = choice(TEST_QUIZ.questions.find((x) => x.prompt === q.prompt));
      // Slow answers: accuracy ignores time. Right on the first two asked, wrong on the last.
      host.clock.advance(9_000);
      ada.client.answer(pos < 2 ? quizQuestion.correct : (quizQuestion.correct + 1) % q.options.length);
      const result = (await ada.waitFor('result', (m) => m.result.question === pos)).result;
      points.push(result.points);
      host.clock.advance(5_000);
      if (pos < TEST_QUIZ.questions.length - 1) host.clock.advance(5_000);
    }
    const finished = await ada.waitFor('finished');

    const order = host.server.game.order;
    expect(asked).toEqual(order.map((i) => TEST_QUIZ.questions[i]!.prompt));
    const worth = order.map((i) => TEST_QUIZ.questions[i]!.points);
    const expected: number[] = [worth[0]!, worth[1]!];
    expected.push(-Math.min(worth[2]! / 2, expected[0]! + expected[1]!));
    expect(points).toEqual(expected);
    expect(finished.top[0]).toMatchObject({ name: 'Ada', score: expected[0]! + expected[1]! + expected[2]! });
  });

  it('survey: answers are counted for the host, nobody scores', async () => {
    host = await new TestHost({
      settings: { minPlayers: 0, countdownSeconds: 0, scoringMode: 'survey' },
    }).start();
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    expect(ada.view().settings.scoringMode).toBe('survey');
    dashboard.client.start();
    await ada.waitFor('question', (m) => m.question.index === 0);
    ada.client.answer(0);
    const reveal = await ada.waitFor('reveal', (m) => m.reveal.index === 0);
    expect(reveal.reveal.counts[0]).toBe(1);
    const result = (await ada.waitFor('result', (m) => m.result.question === 0)).result;
    expect(result).toMatchObject({ points: 0, score: 0, streak: 0 });
  });
});
