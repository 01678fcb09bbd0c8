/**
 * Teams over real sockets, as a student who wants the winning team would try it: a player cannot
 * move anyone (itself included) with the host's commands, a guest cannot pick, a team that does
 * not exist and a pick during the game are refused without changing anything; the host's moves
 * reach the player's own client; a whole game leaves the teams' table on everyone's view.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';

let host: TestHost | null = null;
const sockets: RawSocket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await host?.stop();
  host = null;
});

const SETTINGS = {
  minPlayers: 0,
  countdownSeconds: 0,
  questionSeconds: 10,
  teamMode: 'teams' as const,
  teamCount: 2,
  teamPick: true,
};

describe('teams over real sockets', () => {
  it('refuses what a player, a guest or a late pick should not do, and changes nothing', async () => {
    host = await new TestHost({ settings: SETTINGS }).start();
    const h = host;
    const mallory = await RawSocket.hello(h.url);
    sockets.push(mallory);
    // A guest picks before joining.
    mallory.send({ type: 'team', team: 1 });
    expect((await mallory.waitError('not_joined')).ref).toBe('team');
    mallory.send({ type: 'join', name: 'Mallory' });
    const me = (await mallory.waitFor('joined')).player.id;
    const teamOf = (id: string) => h.server.game.players.get(id)?.team;
    expect(teamOf(me)).toBe(0);
    // The host's commands are the host's.
    mallory.send({ type: 'set_team', playerId: me, team: 1 });
    expect((await mallory.waitError('forbidden')).ref).toBe('set_team');
    mallory.send({ type: 'balance_teams' });
    await mallory.waitFor('error', (m) => m.code === 'forbidden' && m.ref === 'balance_teams');
    // No such team; nor one the wire does not allow.
    mallory.send({ type: 'team', team: 5 });
    expect((await mallory.waitError('unknown_team')).ref).toBe('team');
    mallory.send({ type: 'team', team: -1 } as never);
    await mallory.waitError('invalid_message');
    expect(teamOf(me)).toBe(0);

    // A pick in the lobby is taken and told.
    mallory.send({ type: 'team', team: 1 });
    expect((await mallory.waitFor('team')).team).toBe(1);

    const dashboard = await h.hostClient();
    const ben = await h.player('Ben');
    dashboard.client.start();
    await ben.waitView((v) => v.phase === 'question', 'the first question');
    mallory.send({ type: 'team', team: 0 });
    expect((await mallory.waitError('wrong_phase')).ref).toBe('team');
    expect(teamOf(me)).toBe(1);
  });

  it('moves a player by the host, and ends a game with the teams’ table on every view', async () => {
    host = await new TestHost({ settings: SETTINGS }).start();
    const dashboard = await host.hostClient();
    const ada = await host.player('Ada');
    const bob = await host.player('Bob');
    const cy = await host.player('Cy');
    const cyId = cy.view().you!.id;
    // Newcomers fill the smallest team: Ada red, Bob blue, Cy red.
    await cy.waitView((v) => v.teamSizes.join() === '2,1', 'the team sizes');
    dashboard.client.setTeam(cyId, 1);
    await cy.waitView((v) => v.you?.team === 1, 'Cy to hear of the move');
    await dashboard.waitView((v) => v.players.find((p) => p.id === cyId)?.team === 1, 'the host to see it');
    dashboard.client.start();
    for (const p of [ada, bob, cy]) await p.waitView((v) => v.question?.index === 0, 'the question');
    const q = ada.view().question!;
    ada.client.answer(0);
    bob.client.answer(0);
    cy.client.answer(1);
    await ada.waitView((v) => v.phase === 'reveal', 'the reveal');
    dashboard.client.end();
    for (const p of [ada, bob, cy, dashboard]) await p.waitView((v) => v.phase === 'finished', 'the end');
    const teams = ada.view().teams;
    expect(teams.map((t) => [t.team, t.members])).toHaveLength(2);
    const scoreOf = (id: string) => host!.server.game.players.get(id)!.score;
    // Red: Ada; Blue: Bob, and Cy whom the host moved.
    const blue = [bob, cy].map((p) => scoreOf(p.view().you!.id));
    expect(teams.find((t) => t.team === 1)).toMatchObject({
      members: 2,
      score: Math.round((blue[0]! + blue[1]!) / 2),
    });
    expect(teams.find((t) => t.team === 0)).toMatchObject({ members: 1, score: scoreOf(ada.view().you!.id) });
    expect(cy.view().teams).toEqual(teams);
    expect(q.index).toBe(0);
  });
});
