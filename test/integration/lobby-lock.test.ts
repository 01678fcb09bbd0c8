/**
 * One address cannot fill or lock the room, over real sockets from several loopback source
 * addresses (127.0.0.2, 127.0.0.3 …: each stands for a device on the LAN). With the default
 * settings a bot gets at most four seats; two throw-away joins that start the game by themselves
 * only make everyone else wait for the next game (or the host cancels the countdown); throw-away
 * joins that disconnect vanish from the lobby; a player who leaves frees their seat.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LOBBY_GRACE_MS } from '../../src/main/game';
import { DEFAULT_SETTINGS, type GameSettings } from '../../src/shared/protocol';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

let host: TestHost | null = null;
let sockets: RawSocket[] = [];

afterEach(async () => {
  for (const s of sockets) s.destroy();
  sockets = [];
  await host?.stop();
  host = null;
});

/** The room as it ships, whatever the test host lifts for its other tests. */
async function startRoom(settings: Partial<GameSettings> = {}): Promise<TestHost> {
  host = await new TestHost({
    settings: { maxPlayersPerAddress: DEFAULT_SETTINGS.maxPlayersPerAddress, ...settings },
  }).start();
  return host;
}

/** A guest socket from one loopback address (one device). */
async function device(h: TestHost, address: string, token?: string): Promise<RawSocket> {
  const socket = await RawSocket.hello(h.url, token, { localAddress: address });
  sockets.push(socket);
  return socket;
}

/** Sends a join and waits for its answer: the player's id, or the refusal's code. */
async function join(socket: RawSocket, name: string): Promise<{ id: string } | { code: string }> {
  const joined = socket.of('joined').length;
  const errors = socket.errors.length;
  socket.send({ type: 'join', name });
  await waitFor(
    () => socket.of('joined').length > joined || socket.errors.length > errors,
    `an answer to the join of ${name}`,
  );
  const refusal = socket.errors[errors];
  return refusal ? { code: refusal.code } : { id: socket.of('joined')[joined]!.player.id };
}

describe('one address in the lobby', () => {
  it('cannot fill the room: it gets at most its share of seats, and other devices still get in', async () => {
    const h = await startRoom({ minPlayers: 0, maxPlayers: 8 });
    const bot = await device(h, '127.0.0.2');
    const answers = [];
    for (let i = 0; i < 8; i++) {
      // A fresh socket per join, as a bot would: the cap belongs to the address, not the socket.
      const socket = i === 0 ? bot : await device(h, '127.0.0.2');
      answers.push(await join(socket, `bot ${i}`));
    }
    expect(answers.filter((a) => 'id' in a)).toHaveLength(DEFAULT_SETTINGS.maxPlayersPerAddress);
    expect(answers.slice(4)).toEqual(Array(4).fill({ code: 'address_full' }));
    const refusal = sockets[4]!.errors[0]!;
    expect(refusal.message).toMatch(/127\.0\.0\.2.*ask the host to allow more players per address/);

    for (const [i, address] of ['127.0.0.3', '127.0.0.4', '127.0.0.5', '127.0.0.6'].entries()) {
      expect(await join(await device(h, address), `Player ${i}`)).toHaveProperty('id');
    }
    const players = [...h.server.game.players.values()];
    expect(players).toHaveLength(8);
    expect(players.filter((p) => p.address === '127.0.0.2')).toHaveLength(4);
  });

  it('cannot lock the room by starting the game with two throw-away joins', async () => {
    // The original rule: the second player starts a 3-second countdown.
    const h = await startRoom();
    expect(h.server.game.settings.minPlayers).toBe(2);
    const dashboard = await h.hostClient();
    const bots = [await device(h, '127.0.0.2'), await device(h, '127.0.0.2')];
    await join(bots[0]!, 'x');
    await join(bots[1]!, 'y');
    await bots[0]!.waitFor('countdown');
    h.clock.advance(3000);
    await bots[0]!.waitFor('question');
    // The bots go away; the game they started runs on without them.
    for (const b of bots) b.destroy();

    // Someone who arrives now is not turned away: they are in for the next game.
    const ada = await device(h, '127.0.0.3');
    const answer = await join(ada, 'Ada');
    expect(answer).toHaveProperty('id');
    const waiting = await ada.waitFor('snapshot', (m) => m.waiting !== null);
    expect(waiting.waiting).toMatchObject({ name: 'Ada' });
    expect(waiting.you).toBeNull();
    expect(waiting.room.name).toBe('Test room');

    // The host ends the bots' game and starts the next one: Ada plays, the bots drop out of
    // the lobby once their grace is over.
    dashboard.client.end();
    await dashboard.waitView((v) => v.phase === 'finished', 'the bots game to end');
    dashboard.client.newGame();
    const seated = await ada.waitFor('snapshot', (m) => m.you?.name === 'Ada');
    expect(seated.phase).toBe('lobby');
    h.clock.advance(LOBBY_GRACE_MS);
    await dashboard.waitView((v) => v.players.map((p) => p.name).join() === 'Ada', 'only Ada in the lobby');
    expect([...h.server.game.players.values()].map((p) => p.name)).toEqual(['Ada']);
  });

  it('cannot start the game when the host cancels the countdown it triggered', async () => {
    const h = await startRoom();
    const dashboard = await h.hostClient();
    const bots = [await device(h, '127.0.0.2'), await device(h, '127.0.0.2')];
    await join(bots[0]!, 'x');
    await join(bots[1]!, 'y');
    await dashboard.waitView((v) => v.phase === 'countdown', 'the countdown');
    dashboard.client.cancelStart();
    await dashboard.waitView((v) => v.phase === 'lobby', 'back to the lobby');
    expect(dashboard.view().settings.minPlayers).toBe(0);
    await bots[0]!.waitFor('lobby');
    h.clock.advance(10_000);
    const ada = await device(h, '127.0.0.3');
    expect(await join(ada, 'Ada')).toHaveProperty('id');
    expect(h.server.game.phase).toBe('lobby');
    // The host removes the bots and starts when the room is ready.
    dashboard.client.kick(bots[0]!.of('joined')[0]!.player.id);
    dashboard.client.kick(bots[1]!.of('joined')[0]!.player.id);
    await dashboard.waitView((v) => v.players.length === 1, 'only Ada left');
    dashboard.client.start();
    await ada.waitFor('countdown');
  });

  it('loses its throw-away joins from the lobby: by themselves after the grace, or at once by the host', async () => {
    const h = await startRoom({ minPlayers: 0 });
    const dashboard = await h.hostClient();
    const ada = await device(h, '127.0.0.3');
    await join(ada, 'Ada');
    for (let i = 0; i < 4; i++) {
      const bot = await device(h, '127.0.0.2');
      await join(bot, `bot ${i}`);
      bot.destroy();
    }
    await dashboard.waitView((v) => v.players.filter((p) => !p.connected).length === 4, 'four bots gone');
    // Their seats are held for the grace: the address is still full.
    expect(await join(await device(h, '127.0.0.2'), 'bot 4')).toEqual({ code: 'address_full' });

    h.clock.advance(LOBBY_GRACE_MS);
    await dashboard.waitView((v) => v.players.length === 1, 'the bots dropped');
    expect(await join(await device(h, '127.0.0.2'), 'bot 5')).toHaveProperty('id');

    // The host need not wait: one command removes every disconnected player.
    sockets.at(-1)!.destroy();
    await dashboard.waitView((v) => v.players.some((p) => !p.connected), 'bot 5 gone');
    dashboard.client.removeDisconnected();
    await dashboard.waitView((v) => v.players.length === 1, 'only Ada left');
    expect(ada.open).toBe(true);
  });

  it('frees a seat when its player leaves the lobby; the socket stays, as a guest', async () => {
    const h = await startRoom({ minPlayers: 0, maxPlayersPerAddress: 1 });
    const phone = await device(h, '127.0.0.2');
    const first = await join(phone, 'Ada');
    expect(first).toHaveProperty('id');
    const token = phone.of('joined')[0]!.token;
    phone.send({ type: 'leave' });
    await phone.waitFor('left');
    // hello, joined and left each brought a snapshot; the last one is a guest's.
    await waitFor(() => phone.of('snapshot').length === 3, 'a guest snapshot after leaving');
    expect(phone.of('snapshot')[2]!.you).toBeNull();
    expect(h.server.game.players.size).toBe(0);

    // The slot and the name are free again, from the same address and socket.
    expect(await join(phone, 'Ada')).toHaveProperty('id');
    // The old token is void.
    const again = await device(h, '127.0.0.3', token);
    expect(again.errors.map((e) => e.code)).toEqual(['unknown_token']);
  });
});
