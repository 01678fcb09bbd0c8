/**
 * What a refusal costs the host, over real sockets: a host command from a guest or player is
 * refused as soon as its type is read (a big quiz is never validated for them), and no error text
 * a client is sent is longer than MAX_ERROR_TEXT, however many issues its message had.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ERROR_TEXT } from '../../src/main/server/broadcaster';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';

let host: TestHost | null = null;
const sockets: RawSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await host?.stop();
  host = null;
});

/** A quiz of many questions, each wrong in several fields: hundreds of issues. */
const brokenQuiz = {
  title: 'Broken',
  questions: Array.from({ length: 60 }, () => ({ kind: 'choice', prompt: '', options: ['a'], correct: 9 })),
};

describe('refusals', () => {
  it('refuses a guest and a player their host commands before validating them, with a short text', async () => {
    host = await new TestHost().start();
    const guest = await RawSocket.hello(host.url);
    const player = await RawSocket.hello(host.url);
    sockets.push(guest, player);
    player.send({ type: 'join', name: 'Ada' });
    await player.waitFor('joined');
    for (const s of [guest, player]) {
      s.send({ type: 'new_game', quiz: brokenQuiz });
      const e = await s.waitError('forbidden');
      expect(e).toMatchObject({ ref: 'new_game', message: 'Only the host can do that.' });
    }
    expect(host.server.game.quiz.title).toBe('Test quiz');
  });

  it('caps the error text of a message with hundreds of issues', async () => {
    host = await new TestHost().start();
    const dashboard = await RawSocket.hello(host.url, host.server.hostToken);
    sockets.push(dashboard);
    dashboard.send({ type: 'new_game', quiz: brokenQuiz });
    const e = await dashboard.waitError('invalid_quiz');
    expect(e.message.length).toBeLessThanOrEqual(MAX_ERROR_TEXT);
    expect(e.message.endsWith('…')).toBe(true);
    expect(e.message).toMatch(/^The quiz of "new_game" is not valid: /);
  });
});
