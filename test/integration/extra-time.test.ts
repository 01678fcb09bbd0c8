/**
 * Extra time over real sockets: only the host may grant it (a player granting itself is refused);
 * a player with extra time gets the question with their own deadline, answers after the others'
 * deadline and is scored against their own limit, is refused after their own; the room is told
 * the question is finishing, and the reveal comes only after the last of them is done. The grant
 * is in the journal a crashed host resumes from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deadlineFor } from '../../src/main/game';
import { rebuildRoom } from '../../src/main/server/game-journal';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';

let host: TestHost | null = null;
const sockets: RawSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await host?.stop();
  host = null;
});

const SETTINGS = { minPlayers: 0, countdownSeconds: 0, questionSeconds: 10 };

describe('extra time over real sockets', () => {
  it('a player cannot grant itself extra time', async () => {
    host = await new TestHost({ settings: SETTINGS }).start();
    const player = await RawSocket.hello(host.url);
    sockets.push(player);
    player.send({ type: 'join', name: 'Ada' });
    const joined = await player.waitFor('joined');
    player.send({ type: 'extra_time', playerId: joined.player.id, factor: 2 });
    const e = await player.waitError('forbidden');
    expect(e).toMatchObject({ ref: 'extra_time' });
    expect(host.server.game.players.get(joined.player.id)?.extraTime).toBeUndefined();
  });

  it('the host grants it; the player answers after the others, scored against their own time', async () => {
    host = await new TestHost({ settings: SETTINGS }).start();
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    const bob = await host.player('Bob');
    const adaId = ada.view().you!.id;
    dashboard.client.extraTime(adaId, 2);
    await dashboard.waitView(
      (v) => v.players.find((p) => p.id === adaId)?.extraTime === 2,
      'the host to see the extra time',
    );
    // Only hosts hear of it.
    expect(bob.messages.some((m) => m.type === 'player')).toBe(false);
    dashboard.client.start();

    const adaView = await ada.waitView(
      (v) => v.question?.index === 0 && v.question.timeLimitMs === 20_000,
      'her own time',
    );
    const bobView = await bob.waitView((v) => v.question?.index === 0, 'the question');
    expect(adaView.question!.deadline).toBe(adaView.question!.openedAt + 20_000);
    expect(adaView.endsAt).toBe(adaView.question!.deadline);
    expect(bobView.question!.deadline).toBe(bobView.question!.openedAt + 10_000);

    bob.client.answer(1);
    await bob.waitFor('answer_ack');
    // Who answered goes to the host with the batched counters.
    host.clock.advance(100);
    await dashboard.waitView((v) => v.answeredIds.length === 1, 'the host to see who answered');
    expect(dashboard.view().answeredIds).toEqual([bob.view().you!.id]);
    // Everyone else has answered: the question is finishing, for Ada only.
    await bob.waitFor('finishing', (m) => m.waiting === 1);
    await dashboard.waitView((v) => v.finishing?.waiting === 1, 'the host to see "finishing"');
    host.clock.advance(14_900);
    ada.client.answer(0);
    await ada.waitFor('answer_ack');
    const result = (await ada.waitFor('result')).result;
    // Speed points against 20 s: 15 s of 20 is three quarters of the way to half points.
    expect(result.points).toBe(Math.round(1000 * (1 - 15_000 / 20_000 / 2)));
    // The reveal came after her answer, never before.
    for (const c of [ada, bob, dashboard]) {
      const reveal = c.messages.findIndex((m) => m.type === 'reveal');
      expect(reveal).toBeGreaterThan(-1);
      expect(c.messages.slice(0, reveal).some((m) => m.type === 'reveal' || m.type === 'result')).toBe(false);
    }
    expect(ada.messages.findIndex((m) => m.type === 'answer_ack')).toBeLessThan(
      ada.messages.findIndex((m) => m.type === 'reveal'),
    );
    expect(bob.messages.findIndex((m) => m.type === 'finishing')).toBeLessThan(
      bob.messages.findIndex((m) => m.type === 'reveal'),
    );
  });

  it("refuses an answer after the player's own deadline, while the question waits for another", async () => {
    host = await new TestHost({ settings: SETTINGS }).start();
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    const cy = await host.player('Cy');
    dashboard.client.extraTime(ada.view().you!.id, 1.5);
    dashboard.client.extraTime(cy.view().you!.id, 2);
    await dashboard.waitView((v) => v.players.filter((p) => p.extraTime).length === 2, 'both grants');
    dashboard.client.start();
    await ada.waitView((v) => v.question?.index === 0 && v.question.timeLimitMs === 15_000, 'her own time');
    await cy.waitView((v) => v.question?.index === 0 && v.question.timeLimitMs === 20_000, 'his own time');
    host.clock.advance(16_000);
    await cy.waitFor('finishing');
    ada.client.answer(0);
    const e = await ada.waitFor('error', (m) => m.ref === 'answer');
    expect(e.code).toBe('too_late');
    cy.client.answer(0);
    await cy.waitFor('answer_ack');
    const result = (await cy.waitFor('result')).result;
    expect(result.points).toBe(Math.round(1000 * (1 - 16_000 / 20_000 / 2)));
    expect((await ada.waitFor('result')).result.points).toBe(0);
  });

  it('tells the host every player who answered, however the answers were batched', async () => {
    host = await new TestHost({ settings: SETTINGS }).start();
    const dashboard = await host.hostClient();
    const players = [await host.player('Ada'), await host.player('Bob'), await host.player('Cy')];
    await host.player('Dee');
    dashboard.client.start();
    for (const p of players) await p.waitFor('question');
    for (const p of players) {
      p.client.answer(0);
      await p.waitFor('answer_ack');
    }
    host.clock.advance(100);
    const ids = players.map((p) => p.view().you!.id);
    await dashboard.waitView((v) => v.answeredIds.length === 3, 'the three ticks');
    expect([...dashboard.view().answeredIds].sort()).toEqual([...ids].sort());
    // One batched message carried all three; players never get it.
    expect(dashboard.messages.filter((m) => m.type === 'answered')).toHaveLength(1);
    for (const p of players) expect(p.messages.some((m) => m.type === 'answered')).toBe(false);
    // A host that reconnects gets them in its snapshot.
    const again = await host.hostClient();
    expect([...again.view().answeredIds].sort()).toEqual([...ids].sort());
  });

  it('keeps the grant in the journal: a host resumed mid-question still gives the player their time', async () => {
    const journalDir = mkdtempSync(join(tmpdir(), 'quizroom-extra-time-'));
    try {
      host = await new TestHost({ settings: SETTINGS, journalDir }).start();
      const dashboard = await host.hostClient();
      const ada = await host.player('Ada');
      await host.player('Bob');
      const adaId = ada.view().you!.id;
      dashboard.client.extraTime(adaId, 1.5);
      await dashboard.waitView((v) => v.players.some((p) => p.extraTime === 1.5), 'the grant');
      dashboard.client.start();
      await ada.waitView((v) => v.question?.timeLimitMs === 15_000, 'her own time');
      const path = host.server.journalPath!;
      await host.server.close({ resumable: true });
      const resumed = rebuildRoom(path).game;
      expect(resumed.players.get(adaId)?.extraTime).toBe(1.5);
      expect(deadlineFor(resumed.round!, adaId) - resumed.round!.openedAt).toBe(15_000);
    } finally {
      rmSync(journalDir, { recursive: true, force: true });
    }
  });
});
