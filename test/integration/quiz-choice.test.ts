/**
 * Choosing the next quiz: the host's snapshot lists the quizzes it may name (titles and sizes,
 * never questions), `new_game` names one by id, and the host resolves it and journals the quiz
 * itself, so that a resumed room plays what was chosen. Players and guests get no list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { QuizServer } from '../../src/main/server/quiz-server';
import { builtinChoices, builtinPack, findBuiltin } from '../../src/shared/quiz/builtin-pack';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';
import { choice } from '../support/choice-question';

const hosts: TestHost[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
  for (const c of cleanups.splice(0)) await c();
});

async function startHost(options: ConstructorParameters<typeof TestHost>[0] = {}): Promise<TestHost> {
  const h = new TestHost({ settings: { minPlayers: 0 }, ...options });
  hosts.push(h);
  return h.start();
}

const errorsOf = (c: TestClient) =>
  c.messages.flatMap((m) => (m.type === 'error' ? [{ code: m.code, message: m.message, ref: m.ref }] : []));

describe('the quizzes a host may choose', () => {
  it('are listed in the host snapshot only, with titles and sizes and no question', async () => {
    const h = await startHost();
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    const guest = h.client();
    await guest.waitView((v) => v.ready, 'the guest snapshot');

    const hostSnapshot = await dashboard.waitFor('snapshot');
    expect(hostSnapshot.quizzes).toEqual(builtinChoices());
    expect(hostSnapshot.quizzes!.map((q) => q.id)).toEqual(builtinPack().map((p) => `builtin:${p.id}`));
    const listed = JSON.stringify(hostSnapshot.quizzes);
    for (const q of builtinPack().flatMap((p) => p.quiz.questions.map(choice))) {
      expect(listed).not.toContain(q.prompt);
      for (const option of q.options.filter((o) => o.length > 12)) expect(listed).not.toContain(option);
    }
    expect(listed).not.toMatch(/correct|questions|prompt|options/);

    for (const other of [ada, guest])
      for (const m of other.messages) if (m.type === 'snapshot') expect(m).not.toHaveProperty('quizzes');
  });

  it('starts the next game with a built-in quiz named by id, resolved by the host', async () => {
    const h = await startHost();
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    ada.messages.length = 0;

    dashboard.client.newGame({ quizId: 'builtin:history' });
    const snapshot = await ada.waitFor('snapshot');
    expect(snapshot.quiz).toEqual({
      title: 'History',
      questionCount: findBuiltin('builtin:history')!.questions.length,
    });
    expect(h.server.game.quiz).toEqual(findBuiltin('builtin:history'));
    expect(h.server.game.gameNo).toBe(2);
    expect(errorsOf(dashboard)).toEqual([]);
  });

  it('refuses an unknown id, an id with a quiz, and an id from a player, and changes nothing', async () => {
    const h = await startHost();
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');

    dashboard.client.newGame({ quizId: 'builtin:astrology' });
    await waitFor(() => errorsOf(dashboard).length === 1, 'the unknown quiz to be refused');
    expect(errorsOf(dashboard)[0]).toMatchObject({ code: 'unknown_quiz', ref: 'new_game' });
    expect(errorsOf(dashboard)[0]!.message).toContain('"builtin:astrology"');
    expect(errorsOf(dashboard)[0]!.message).toContain('builtin:science');

    dashboard.client.send({
      type: 'new_game',
      quizId: 'builtin:science',
      quiz: findBuiltin('builtin:history')!,
    });
    await waitFor(() => errorsOf(dashboard).length === 2, 'both to be refused');
    expect(errorsOf(dashboard)[1]).toMatchObject({ code: 'invalid_message', ref: 'new_game' });

    ada.client.send({ type: 'new_game', quizId: 'builtin:science' });
    await waitFor(() => errorsOf(ada).length === 1, 'the player to be refused');
    expect(errorsOf(ada)[0]).toMatchObject({ code: 'forbidden', ref: 'new_game' });

    expect(h.server.game.gameNo).toBe(1);
    expect(h.server.game.quiz.title).toBe('Test quiz');
  });

  it('journals the quiz it resolved, so that a resumed room plays it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quizroom-choice-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const h = new TestHost({ settings: { minPlayers: 0 }, journalDir: dir });
    await h.start();
    const dashboard = await h.hostClient();
    dashboard.client.newGame({ quizId: 'builtin:geography' });
    await waitFor(() => h.server.game.quiz.title === 'Geography', 'the Geography quiz');
    const path = h.server.journalPath!;
    dashboard.client.close();
    await h.server.close({ resumable: true });

    const resumed = QuizServer.resume(path, { port: 0, bind: '127.0.0.1', staticDir: null });
    cleanups.push(() => resumed.close());
    expect(resumed.game.quiz).toEqual(findBuiltin('builtin:geography'));
    expect(resumed.game.gameNo).toBe(2);
  });
});
