/**
 * Saving every finished game from a running room: a real server with real clients plays two
 * games in a row (with the journal on, so game over reaches listeners after the journal has the
 * input that ended it), and each game's report is saved with its own start time (the engine's),
 * skipped question and answers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { GameReport } from '../../src/main/reports/game-report';
import { saveReportOnGameOver } from '../../src/main/reports/report-recorder';
import { ReportStore, type SavedReport } from '../../src/main/reports/report-store';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

const root = mkdtempSync(join(tmpdir(), 'quizroom-recorder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let host: TestHost | null = null;
afterEach(async () => {
  await host?.stop();
  host = null;
});

describe('saveReportOnGameOver', () => {
  it('saves a report for each game of the room', async () => {
    host = await new TestHost({ journalDir: join(root, 'journal'), settings: { minPlayers: 0 } }).start();
    const store = new ReportStore(join(root, 'library'));
    const saved: { saved: SavedReport; report: GameReport }[] = [];
    const errors: unknown[] = [];
    const stop = saveReportOnGameOver(host.server, store, {
      onSaved: (s, report) => saved.push({ saved: s, report }),
      onError: (e) => errors.push(e),
    });
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    const bob = await host.player('Bob');

    // Game 1: Ada right at 0.3 s on question 1; the host skips question 2, then ends the game.
    const started1 = host.clock.now();
    dashboard.client.start();
    await ada.waitFor('countdown');
    host.clock.advance(3000);
    await ada.waitFor('question', (m) => m.question.index === 0);
    host.clock.advance(300);
    ada.client.answer(0);
    await ada.waitFor('answer_ack');
    host.clock.advance(10_000 + 300);
    await ada.waitFor('reveal', (m) => m.reveal.index === 0);
    dashboard.client.next();
    await ada.waitFor('leaderboard');
    dashboard.client.next();
    await ada.waitFor('question', (m) => m.question.index === 1);
    dashboard.client.skip();
    await ada.waitFor('reveal', (m) => m.reveal.index === 1);
    dashboard.client.end();
    await ada.waitFor('finished');
    await waitFor(() => (saved.length === 1 ? true : undefined), 'the first report to be saved');

    const first = saved[0]!.report;
    expect(await store.read(saved[0]!.saved.id)).toEqual(first);
    expect(first).toMatchObject({
      roomName: 'Test room',
      gameNo: 1,
      startedAt: new Date(started1).toISOString(),
    });
    expect(first.questions.map((q) => q.status)).toEqual(['played', 'skipped', 'not_reached']);
    expect(first.players.map((p) => [p.name, p.rank, p.correctCount, p.answers[0]?.option ?? null])).toEqual([
      ['Ada', 1, 1, 0],
      ['Bob', 2, 0, null],
    ]);

    // Game 2 in the same room: Bob right and Ada wrong every time; the game runs to its end.
    host.clock.advance(60_000);
    const started2 = host.clock.now();
    dashboard.client.newGame();
    await dashboard.waitView((v) => v.phase === 'lobby', 'the new game');
    dashboard.client.start();
    await bob.waitView((v) => v.phase === 'countdown', 'the second countdown');
    for (let q = 0; q < 3; q++) {
      host.clock.advance(q === 0 ? 3000 : 5000);
      await bob.waitView((v) => v.phase === 'question' && v.question?.index === q, `question ${q + 1}`);
      host.clock.advance(500);
      await ada.waitView(
        (v) => v.phase === 'question' && v.question?.index === q,
        `Ada to see question ${q + 1}`,
      );
      bob.client.answer([0, 1, 1][q]!);
      ada.client.answer([1, 0, 0][q]!);
      await waitFor(() => (host!.server.game.round?.closed ? true : undefined), `question ${q + 1} to close`);
      await bob.waitView(
        (v) => v.phase === 'reveal' && v.reveal?.index === q,
        `the reveal of question ${q + 1}`,
      );
      host.clock.advance(5000);
      if (q < 2)
        await bob.waitView((v) => v.phase === 'leaderboard', `the leaderboard after question ${q + 1}`);
    }
    await waitFor(() => (saved.length === 2 ? true : undefined), 'the second report to be saved');
    const second = saved[1]!.report;
    expect(second).toMatchObject({ gameNo: 2, startedAt: new Date(started2).toISOString() });
    expect(second.questions.map((q) => [q.status, q.right])).toEqual([
      ['played', 1],
      ['played', 1],
      ['played', 1],
    ]);
    expect(second.players.map((p) => [p.name, p.rank, p.correctCount])).toEqual([
      ['Bob', 1, 3],
      ['Ada', 2, 0],
    ]);
    expect((await store.list()).map((s) => s.id).sort()).toEqual(saved.map((s) => s.saved.id).sort());
    expect(errors).toEqual([]);
    await stop();
  });
});
