/**
 * Reconnecting: a player whose connection drops keeps their place, and comes back with the resume
 * token to the same game, question, deadline, score and streak.
 */
import type WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { answerPoints, streakBonus } from '../../src/main/game';
import { COALESCE_MS } from '../../src/main/server/broadcaster';
import type { ClientView } from '../../src/shared/client/client-view';
import { CLOSE_CODES } from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost, type TestClient } from '../support/test-host';
import { waitFor } from '../support/wait';

let host: TestHost | null = null;
const raws: RawSocket[] = [];

afterEach(async () => {
  for (const raw of raws.splice(0)) raw.destroy();
  await host?.stop();
  host = null;
});

async function raw(url: string, token?: string): Promise<RawSocket> {
  const socket = await RawSocket.hello(url, token);
  raws.push(socket);
  return socket;
}

/** Cuts the client's socket as a lost network does: no closing handshake. */
function dropSocket(c: TestClient): void {
  (c.client as unknown as { ws: WebSocket | null }).ws?.terminate();
}

/** The page is gone: the socket is cut and this client never comes back by itself. */
function losePage(c: TestClient): void {
  dropSocket(c);
  c.client.close();
}

function rosterEntry(view: ClientView, name: string) {
  return view.players.find((p) => p.name === name);
}

/** Host, Ada and Bob; the game has started by itself and question 1 is open. */
async function gameAtFirstQuestion() {
  host = await new TestHost().start();
  const h = host;
  const dashboard = await h.hostClient();
  const ada = await h.player('Ada');
  const bob = await h.player('Bob');
  await ada.waitFor('countdown');
  h.clock.advance(3000);
  const q0 = await ada.waitFor('question', (m) => m.question.index === 0);
  await bob.waitFor('question', (m) => m.question.index === 0);
  await dashboard.waitFor('question', (m) => m.question.index === 0);
  return { h, dashboard, ada, bob, q0 };
}

function errorsOf(c: TestClient) {
  return c.messages.filter((m) => m.type === 'error');
}

describe('reconnecting with the resume token', () => {
  it('brings a player back mid-question with the same name, score, streak, question and deadline', async () => {
    const { h, dashboard, ada, bob } = await gameAtFirstQuestion();
    const adaId = ada.view().you!.id;

    // Question 1: Ada right at 0.3 s (1000 points, streak 1), Bob wrong.
    h.clock.advance(300);
    ada.client.answer(0);
    await ada.waitFor('answer_ack');
    bob.client.answer(3);
    await ada.waitFor('result', (m) => m.result.question === 0);
    h.clock.advance(5000);
    h.clock.advance(5000);
    const q1 = await ada.waitFor('question', (m) => m.question.index === 1);
    await bob.waitFor('question', (m) => m.question.index === 1);

    // Two seconds in, Ada's page is gone; one more second passes before she is back.
    h.clock.advance(2000);
    const token = ada.client.currentToken;
    expect(token).toBeTruthy();
    losePage(ada);
    await dashboard.waitView(
      (v) => v.players.some((p) => p.name === 'Ada' && !p.connected),
      'Ada shown as disconnected',
    );
    h.clock.advance(1000);

    const back = h.client(token!);
    const snapshot = await back.waitFor('snapshot');
    expect((await back.waitFor('welcome')).role).toBe('player');
    expect(snapshot.phase).toBe('question');
    expect(snapshot.question?.index).toBe(1);
    expect(snapshot.question?.prompt).toBe(q1.question.prompt);
    expect(snapshot.question?.deadline).toBe(q1.question.deadline);
    expect(snapshot.endsAt).toBe(q1.endsAt);
    expect(snapshot.endsAt! - snapshot.serverTime).toBe(10_000 - 3000);
    expect(snapshot.you).toMatchObject({ id: adaId, name: 'Ada', score: 1000, streak: 1, answer: null });
    expect(JSON.stringify(snapshot)).not.toContain('"correct"');
    await dashboard.waitView(
      (v) => v.players.some((p) => p.name === 'Ada' && p.connected),
      'Ada shown as back',
    );
    expect(h.server.game.players.size).toBe(2);

    // Her answer after coming back counts, once.
    back.client.answer(1);
    const ack = await back.waitFor('answer_ack');
    expect(ack.answer).toEqual({ question: 1, option: 1, elapsedMs: 3000 });
    back.client.send({ type: 'answer', question: 1, option: 2 });
    expect((await back.waitFor('error')).code).toBe('already_answered');

    bob.client.answer(0);
    const result = (await back.waitFor('result', (m) => m.result.question === 1)).result;
    const points = answerPoints(1000, 3000, 10_000) + streakBonus(2);
    expect(result).toMatchObject({
      option: 1,
      correct: true,
      points,
      score: 1000 + points,
      streak: 2,
      rank: 1,
    });
    expect(h.server.game.players.get(adaId)?.answers[1]).toMatchObject({ option: 1, points });
    expect(errorsOf(bob)).toEqual([]);
    expect(errorsOf(dashboard)).toEqual([]);
  });

  it("counts down to the host's deadline after coming back, even when the player's clock is off", async () => {
    const { h, ada } = await gameAtFirstQuestion();
    h.clock.advance(4000);
    const token = ada.client.currentToken!;
    losePage(ada);
    // This device's clock is 12.345 s behind the host's.
    const skew = 12_345;
    const back = h.client(token, { now: () => h.clock.now() - skew });
    await back.waitFor('pong');
    expect(back.client.clockOffset).toBe(skew);
    expect(back.client.serverNow()).toBe(h.clock.now());
    const view = await back.waitView(
      (v) => v.phase === 'question' && v.you?.name === 'Ada',
      'Ada back in the question',
    );
    expect(view.endsAt! - back.client.serverNow()).toBe(10_000 - 4000);
  });

  it("gives back the player's own answer to the open question, and still refuses a second one", async () => {
    const { h, ada, bob } = await gameAtFirstQuestion();
    h.clock.advance(1500);
    ada.client.answer(2);
    await ada.waitFor('answer_ack');
    const token = ada.client.currentToken!;
    losePage(ada);
    await waitFor(
      () => !h.server.game.players.get(ada.view().you!.id)?.connected,
      'the host to see Ada leave',
    );

    const back = h.client(token);
    const snapshot = await back.waitFor('snapshot');
    expect(snapshot.phase).toBe('question');
    expect(snapshot.you?.answer).toEqual({ question: 0, option: 2, elapsedMs: 1500 });
    expect(back.view().you?.answer).toEqual({ question: 0, option: 2, elapsedMs: 1500 });

    back.client.send({ type: 'answer', question: 0, option: 0 });
    expect((await back.waitFor('error')).code).toBe('already_answered');

    // Bob's answer is the last one missing: the question closes, with Ada's first answer scored.
    bob.client.answer(0);
    const reveal = await back.waitFor('reveal');
    expect(reveal.reveal.counts).toEqual([1, 0, 1, 0]);
    expect((await back.waitFor('result')).result).toMatchObject({
      option: 2,
      correct: false,
      points: 0,
      score: 0,
    });
    expect((await bob.waitFor('result')).result).toMatchObject({
      correct: true,
      points: answerPoints(1000, 1500, 10_000),
    });
  });

  it('shows a player who comes back during the reveal the right option and their own result', async () => {
    const { h, ada, bob } = await gameAtFirstQuestion();
    h.clock.advance(300);
    ada.client.answer(0);
    await ada.waitFor('answer_ack');
    bob.client.answer(2);
    const result = (await ada.waitFor('result')).result;
    const token = ada.client.currentToken!;
    losePage(ada);

    const back = h.client(token);
    const snapshot = await back.waitFor('snapshot');
    expect(snapshot.phase).toBe('reveal');
    expect(snapshot.reveal).toMatchObject({ index: 0, correct: 0, counts: [1, 0, 1, 0], answered: 2 });
    expect(snapshot.you?.result).toEqual(result);
    expect(snapshot.you).toMatchObject({ score: 1000, streak: 1, rank: 1 });
    expect(snapshot.top.map((r) => [r.name, r.score])).toEqual([
      ['Ada', 1000],
      ['Bob', 0],
    ]);

    // And the game carries on for her from there.
    h.clock.advance(5000);
    h.clock.advance(5000);
    await back.waitFor('question', (m) => m.question.index === 1);
  });

  it('reconnects by itself after the socket drops, and answers once on the new socket', async () => {
    const { h, dashboard, ada, bob } = await gameAtFirstQuestion();
    h.clock.advance(700);
    dropSocket(ada);
    await ada.waitView((v) => v.connection === 'reconnecting', 'Ada to notice the drop');
    await waitFor(
      () => ada.messages.filter((m) => m.type === 'welcome').length === 2,
      'Ada to reconnect by herself',
    );
    const view = await ada.waitView(
      (v) => v.connection === 'open' && v.phase === 'question',
      'Ada to be back in the question',
    );
    expect(view.role).toBe('player');
    expect(view.you).toMatchObject({ name: 'Ada', score: 0, streak: 0, answer: null });
    expect(view.question?.index).toBe(0);
    await dashboard.waitView((v) => rosterEntry(v, 'Ada')?.connected === true, 'Ada back on the roster');

    ada.client.answer(0);
    expect((await ada.waitFor('answer_ack')).answer).toEqual({ question: 0, option: 0, elapsedMs: 700 });
    ada.client.send({ type: 'answer', question: 0, option: 1 });
    expect((await ada.waitFor('error')).code).toBe('already_answered');
    bob.client.answer(1);
    const points = answerPoints(1000, 700, 10_000);
    expect((await ada.waitFor('result')).result).toMatchObject({
      correct: true,
      points,
      score: points,
      streak: 1,
    });
    expect(h.server.game.players.size).toBe(2);
  });

  it("keeps a dropped player on the host's roster as disconnected and on the leaderboard", async () => {
    const { h, dashboard, ada, bob } = await gameAtFirstQuestion();
    h.clock.advance(300);
    ada.client.answer(0);
    await ada.waitFor('answer_ack');
    losePage(ada);
    const roster = await dashboard.waitView(
      (v) => rosterEntry(v, 'Ada')?.connected === false,
      'Ada shown as disconnected',
    );
    expect(roster.players).toHaveLength(2);
    expect(roster.playerCount).toBe(2);
    // Counters go out in batches, on the game clock.
    h.clock.advance(COALESCE_MS);
    await dashboard.waitView((v) => v.connectedCount === 1, 'the connected count to drop to 1');

    // Bob is the only one connected: his answer closes the question, and Ada's answer still counts.
    bob.client.answer(1);
    const reveal = await bob.waitFor('reveal');
    expect(reveal.top.map((r) => [r.name, r.score, r.connected])).toEqual([
      ['Ada', 1000, false],
      ['Bob', 0, true],
    ]);

    dashboard.client.end();
    const finished = await bob.waitFor('finished');
    expect(finished.top.map((r) => [r.rank, r.name, r.score, r.connected])).toEqual([
      [1, 'Ada', 1000, false],
      [2, 'Bob', 0, true],
    ]);
    const final = await dashboard.waitView((v) => v.standings.length === 2, 'the final standings');
    expect(final.standings.find((r) => r.name === 'Ada')).toMatchObject({ score: 1000, connected: false });
    const health = (await (await fetch(`http://127.0.0.1:${h.server.port}/health`)).json()) as {
      players: number;
    };
    expect(health.players).toBe(2);
    expect(errorsOf(dashboard)).toEqual([]);
  });

  it('lets a second connection with the same token replace the first, which is told so and closed', async () => {
    host = await new TestHost().start();
    const dashboard = await host.hostClient();
    const first = await raw(host.url);
    first.send({ type: 'join', name: 'Ada' });
    const joined = await first.waitFor('joined');

    const second = host.client(joined.token);
    await second.waitView((v) => v.you?.name === 'Ada', 'the second connection to play as Ada');
    expect(second.view().you?.id).toBe(joined.player.id);

    const replaced = await first.waitError('replaced');
    expect(replaced.message).toMatch(/another connection/);
    expect(await first.waitClose()).toBe(CLOSE_CODES.replaced);
    expect(host.server.game.players.size).toBe(1);
    expect(rosterEntry(dashboard.view(), 'Ada')?.connected).toBe(true);
    expect(dashboard.view().players).toHaveLength(1);

    // The newer connection goes on playing: a second player starts the game and it reaches Ada.
    await host.player('Bob');
    await second.waitFor('countdown');
    expect(second.view().connection).toBe('open');
    expect(host.server.game.players.get(joined.player.id)?.connected).toBe(true);
  });

  it('stops a replaced QuizClient from reconnecting (it would take the game back)', async () => {
    host = await new TestHost().start();
    const ada = await host.player('Ada');
    const token = ada.client.currentToken!;
    const other = host.client(token);
    await other.waitView((v) => v.you?.name === 'Ada', 'the other window to play as Ada');
    await ada.waitView((v) => v.connection === 'closed', 'the replaced client to stop');
    expect(ada.view().closedReason).toBeTruthy();
    expect(ada.view().error?.code).toBe('replaced');
    // It stays stopped: the other window keeps the game.
    expect(other.view().connection).toBe('open');
    expect(host.server.game.players.size).toBe(1);
    expect(ada.messages.filter((m) => m.type === 'welcome')).toHaveLength(1);
  });

  it("kills a kicked player's token: hello with it gets unknown_token and stays a guest", async () => {
    host = await new TestHost({ settings: { minPlayers: 0 } }).start();
    const dashboard = await host.hostClient();
    const bob = await raw(host.url);
    bob.send({ type: 'join', name: 'Bob' });
    const joined = await bob.waitFor('joined');
    await dashboard.waitView((v) => v.players.length === 1, 'Bob on the roster');

    dashboard.client.kick(joined.player.id);
    expect((await bob.waitError('kicked')).message).toMatch(/removed/);
    expect(await bob.waitClose()).toBe(CLOSE_CODES.kicked);
    await dashboard.waitView((v) => v.players.length === 0, 'Bob off the roster');

    const again = await RawSocket.open(host.url);
    raws.push(again);
    again.send({ type: 'hello', protocol: 1, token: joined.token });
    expect((await again.waitError('unknown_token')).ref).toBe('hello');
    expect((await again.waitFor('welcome')).role).toBe('guest');
    expect((await again.waitFor('snapshot')).you).toBeNull();
    again.send({ type: 'answer', question: 0, option: 0 });
    expect((await again.waitError('not_joined')).ref).toBe('answer');
    expect(host.server.game.players.size).toBe(0);

    // QuizClient forgets a dead token.
    const client = host.client(joined.token);
    await client.waitView(
      (v) => v.ready && v.error?.code === 'unknown_token',
      'the client to hear its token is dead',
    );
    expect(client.view().role).toBe('guest');
    expect(client.client.currentToken).toBeNull();
  });

  it('stops a kicked QuizClient for good and makes it forget its token', async () => {
    host = await new TestHost({ settings: { minPlayers: 0 } }).start();
    const dashboard = await host.hostClient();
    const bob = await host.player('Bob');
    expect(bob.client.currentToken).toBeTruthy();
    dashboard.client.kick(bob.view().you!.id);
    const view = await bob.waitView((v) => v.connection === 'closed', 'Bob to stop');
    expect(view.closedReason).toMatch(/removed/);
    expect(bob.client.currentToken).toBeNull();
    expect(bob.messages.filter((m) => m.type === 'welcome')).toHaveLength(1);
    expect(host.server.game.players.size).toBe(0);
  });

  it('lets the host reconnect with the host token and see the roster again', async () => {
    host = await new TestHost({ settings: { minPlayers: 0 } }).start();
    const dashboard = await host.hostClient();
    await host.player('Ada');
    await dashboard.waitView((v) => v.players.length === 1, 'Ada on the roster');
    losePage(dashboard);
    const back = await host.hostClient();
    expect(back.view().role).toBe('host');
    expect(back.view().players.map((p) => p.name)).toEqual(['Ada']);
    back.client.start();
    await back.waitFor('countdown');
  });
});
