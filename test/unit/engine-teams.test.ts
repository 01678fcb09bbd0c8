/**
 * Teams in the engine: newcomers join the smallest team, players pick where the host lets them,
 * the host moves players and evens the teams out (never during a game), the teams' table (the
 * average of members' scores) on the reveal, leaderboard and final messages, team talk before
 * the answers open, and teams kept through a journal snapshot. Properties: after balancing no team
 * is more than one bigger than another, and a team's score lies between its members' lowest and
 * highest.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { restoreGame, serializeGame } from '../../src/main/game';
import { balanceTeams, teamRows, teamSizes } from '../../src/main/game/teams';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import { EngineHarness, plainQuiz } from '../support/engine-harness';

function teamRoom(settings: { teamCount?: number; teamPick?: boolean; teamTalkSeconds?: number } = {}) {
  return new EngineHarness(plainQuiz(2), { minPlayers: 0, teamMode: 'teams', ...settings });
}

describe('joining a room with teams', () => {
  it('puts each newcomer in the smallest team, the first colour among equals', () => {
    const h = teamRoom({ teamCount: 3 });
    const ids = h.joinAll('Ann', 'Ben', 'Cat', 'Dan');
    expect(ids.map((id) => h.player(id).team)).toEqual([0, 1, 2, 0]);
    expect(teamSizes(h.state)).toEqual([2, 1, 1]);
    // Everyone hears the sizes (phones show them to pick from); hosts see each player's team.
    expect(h.broadcasts('player_count', 'everyone').at(-1)?.teams).toEqual([2, 1, 1]);
    expect(h.broadcasts('player', 'hosts').at(-1)?.player.team).toBe(0);
    expect(h.snapshot({ role: 'player', playerId: ids[1]! }).you?.team).toBe(1);
  });

  it('gives nobody a team when teams are off, and says nothing of them', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a] = h.joinAll('Ann');
    expect(h.player(a!).team).toBeUndefined();
    expect(h.broadcasts('player_count').at(-1)).not.toHaveProperty('teams');
    expect(h.snapshot({ role: 'host' })).not.toHaveProperty('teamSizes');
  });
});

describe('picking a team', () => {
  it('is taken in the lobby where the host lets players pick, and the player is told', () => {
    const h = teamRoom({ teamPick: true, teamCount: 4 });
    const [a] = h.joinAll('Ann');
    h.send({ kind: 'team', conn: h.connOf.get(a!)!, playerId: a!, team: 3 });
    expect(h.player(a!).team).toBe(3);
    expect(h.sentTo(a!, 'team')).toEqual([{ type: 'team', team: 3 }]);
    expect(h.broadcasts('player_count').at(-1)?.teams).toEqual([0, 0, 0, 1]);
  });

  it('is refused, changing nothing, where the host puts players in teams, for a team that does not exist, without teams, and during a game', () => {
    const pickNot = teamRoom({ teamPick: false });
    const [a] = pickNot.joinAll('Ann');
    pickNot.send({ kind: 'team', conn: 1, playerId: a!, team: 1 });
    expect(pickNot.lastError).toBe('forbidden');
    expect(pickNot.player(a!).team).toBe(0);

    const h = teamRoom({ teamPick: true, teamCount: 2 });
    const [b, c] = h.joinAll('Ben', 'Cat');
    h.send({ kind: 'team', conn: 1, playerId: b!, team: 2 });
    expect(h.lastError).toBe('unknown_team');
    h.startGame();
    h.send({ kind: 'team', conn: 2, playerId: c!, team: 0 });
    expect(h.lastError).toBe('wrong_phase');
    expect([h.player(b!).team, h.player(c!).team]).toEqual([0, 1]);

    const off = new EngineHarness(plainQuiz(1), { minPlayers: 0, teamPick: true });
    const [d] = off.joinAll('Dan');
    off.send({ kind: 'team', conn: 1, playerId: d!, team: 0 });
    expect(off.lastError).toBe('unknown_team');
    expect(off.player(d!).team).toBeUndefined();
  });
});

describe('the host and the teams', () => {
  it('moves a player, and refuses an unknown player or team', () => {
    const h = teamRoom({ teamCount: 2 });
    const [a] = h.joinAll('Ann', 'Ben');
    h.host({ type: 'set_team', playerId: a!, team: 1 });
    expect(h.player(a!).team).toBe(1);
    expect(h.sentTo(a!, 'team')).toEqual([{ type: 'team', team: 1 }]);
    h.host({ type: 'set_team', playerId: 'p99', team: 0 });
    expect(h.lastError).toBe('unknown_player');
    h.host({ type: 'set_team', playerId: a!, team: 5 });
    expect(h.lastError).toBe('unknown_team');
    expect(h.player(a!).team).toBe(1);
  });

  it('evens the teams out moving the latest joiners, as few as it takes', () => {
    const h = teamRoom({ teamCount: 3, teamPick: true });
    const ids = h.joinAll('A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7');
    for (const [i, id] of ids.entries()) h.send({ kind: 'team', conn: i + 1, playerId: id, team: 0 });
    expect(teamSizes(h.state)).toEqual([7, 0, 0]);
    const moves = h.host({ type: 'balance_teams' });
    expect(teamSizes(h.state)).toEqual([3, 2, 2]);
    expect(moves.filter((e) => e.kind === 'send' && e.msg.type === 'team')).toHaveLength(4);
    // The first three joiners stayed where they were.
    expect(ids.slice(0, 3).map((id) => h.player(id).team)).toEqual([0, 0, 0]);
    // Balanced already: nobody moves.
    h.host({ type: 'balance_teams' });
    expect(h.sentTo(ids[6]!, 'team')).toEqual([]);
  });

  it('turning teams on, changing their number or turning them off fits everyone, only between games', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const ids = h.joinAll('Ann', 'Ben', 'Cat', 'Dan', 'Eve');
    h.host({ type: 'settings', settings: { teamMode: 'teams', teamCount: 2 } });
    expect(ids.map((id) => h.player(id).team)).toEqual([0, 1, 0, 1, 0]);
    h.host({ type: 'settings', settings: { teamCount: 3 } });
    expect(ids.map((id) => h.player(id).team)).toEqual([0, 1, 0, 1, 0]);
    h.host({ type: 'settings', settings: { teamCount: 2 } });
    h.host({ type: 'set_team', playerId: ids[4]!, team: 1 });
    h.host({ type: 'settings', settings: { teamCount: 3 } });
    h.host({ type: 'set_team', playerId: ids[4]!, team: 2 });
    h.host({ type: 'settings', settings: { teamCount: 2 } });
    // The player in the team that is gone joins the smallest one left.
    expect(h.player(ids[4]!).team).toBe(0);
    h.startGame();
    h.host({ type: 'settings', settings: { teamMode: 'off' } });
    expect(h.lastError).toBe('wrong_phase');
    expect(h.state.settings.teamMode).toBe('teams');
    h.host({ type: 'end' });
    h.host({ type: 'settings', settings: { teamMode: 'off' } });
    expect(ids.every((id) => h.player(id).team === undefined)).toBe(true);
    // Hosts see every player without a team.
    expect(h.broadcasts('player', 'hosts').map((m) => m.player.team)).toEqual(ids.map(() => undefined));
  });

  it('cannot move players during a game', () => {
    const h = teamRoom();
    const [a] = h.joinAll('Ann', 'Ben');
    h.startGame();
    h.host({ type: 'set_team', playerId: a!, team: 1 });
    expect(h.lastError).toBe('wrong_phase');
    h.host({ type: 'balance_teams' });
    expect(h.lastError).toBe('wrong_phase');
    expect(h.player(a!).team).toBe(0);
  });
});

describe('team scores', () => {
  it('are the rounded average of the members, on the reveal, the leaderboard and the final table', () => {
    const h = teamRoom({ teamCount: 2 });
    // Red: Ann and Cat; Blue: Ben alone.
    const [a, b, c] = h.joinAll('Ann', 'Ben', 'Cat');
    h.startGame();
    h.atElapsed(1000);
    h.answer(a!, 0);
    h.answer(b!, 0);
    h.answer(c!, 1);
    h.closeQuestion();
    const reveal = h.broadcasts('reveal').at(-1)!;
    const red = Math.round((h.score(a!) + h.score(c!)) / 2);
    expect(reveal.teams).toEqual([
      { rank: 1, team: 1, score: h.score(b!), members: 1 },
      { rank: 2, team: 0, score: red, members: 2 },
    ]);
    expect(reveal.top.find((r) => r.id === a)?.team).toBe(0);
    h.fireTimer();
    expect(h.broadcasts('leaderboard').at(-1)?.teams).toEqual(reveal.teams);
    expect(h.snapshot({ role: 'player', playerId: c! }).teams).toEqual(reveal.teams);
    h.host({ type: 'end' });
    expect(h.broadcasts('finished').at(-1)?.teams).toEqual(reveal.teams);
  });

  it('rank equal scores by more right answers on average, then by colour', () => {
    const h = teamRoom({ teamCount: 3 });
    h.joinAll('Ann', 'Ben', 'Cat');
    for (const p of h.state.players.values()) p.score = 500;
    h.player('p2').correctCount = 1;
    expect(teamRows(h.state).map((r) => [r.team, r.rank])).toEqual([
      [1, 1],
      [0, 2],
      [2, 3],
    ]);
  });

  it('are not sent without teams', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.joinAll('Ann', 'Ben');
    h.startGame();
    h.closeQuestion();
    expect(h.broadcasts('reveal').at(-1)).not.toHaveProperty('teams');
  });
});

describe('team talk', () => {
  it('opens the answers that many seconds after the question is shown, with teams only', () => {
    const h = teamRoom({ teamTalkSeconds: 8 });
    const [a] = h.joinAll('Ann', 'Ben');
    h.startGame();
    const shownAt = h.now;
    expect(h.state.round!.openedAt).toBe(shownAt + 8000);
    h.answer(a!, 0);
    expect(h.lastError).toBe('not_open');
    const off = new EngineHarness(plainQuiz(1), { minPlayers: 0, teamTalkSeconds: 8 });
    off.joinAll('Ann');
    off.startGame();
    expect(off.state.round!.openedAt).toBe(off.now);
  });
});

describe('teams in a journal', () => {
  it('come back with the players', () => {
    const h = teamRoom({ teamCount: 3 });
    const ids = h.joinAll('Ann', 'Ben', 'Cat');
    const line = encodeRecord({ t: 'snapshot', at: h.now, game: serializeGame(h.state), tokens: [] });
    const decoded = decodeRecord(Buffer.from(line.trimEnd()));
    if (!decoded.ok) throw new Error(decoded.reason);
    if (decoded.record.t !== 'snapshot') throw new Error('not a snapshot');
    const restored = restoreGame(decoded.record.game);
    expect(ids.map((id) => restored.players.get(id)?.team)).toEqual([0, 1, 2]);
    expect(restored.settings.teamCount).toBe(3);
  });
});

describe('properties', () => {
  const opArb = fc.oneof(
    fc.record({ op: fc.constant('join' as const) }),
    fc.record({ op: fc.constant('pick' as const), who: fc.nat(40), team: fc.nat(9) }),
    fc.record({ op: fc.constant('kick' as const), who: fc.nat(40) }),
  );

  it('balancing leaves no team more than one bigger than another, and moves nobody when already even', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 8 }), fc.array(opArb, { maxLength: 60 }), (count, ops) => {
        const h = teamRoom({ teamCount: count, teamPick: true });
        let n = 0;
        for (const o of ops) {
          const ids = [...h.state.players.keys()];
          if (o.op === 'join') h.tryJoin(`Player ${n++}`);
          else if (ids.length > 0) {
            const id = ids[o.who % ids.length]!;
            if (o.op === 'pick')
              h.send({ kind: 'team', conn: h.connOf.get(id)!, playerId: id, team: o.team });
            else h.host({ type: 'kick', playerId: id });
          }
        }
        const before = teamSizes(h.state);
        const moved = balanceTeams(h.state);
        const after = teamSizes(h.state);
        expect(after.reduce((s, x) => s + x, 0)).toBe(before.reduce((s, x) => s + x, 0));
        expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(1);
        if (Math.max(...before) - Math.min(...before) <= 1) expect(moved).toEqual([]);
        // Every move takes a seat from a team above the final share to one below it.
        const share = Math.ceil(h.state.players.size / count);
        expect(moved.length).toBeLessThanOrEqual(
          before.reduce((s, x) => s + Math.max(0, x - share), 0) + count,
        );
      }),
    );
  });

  it("a team's score lies between its members' lowest and highest, and ranks run 1..n best first", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 8 }),
        fc.array(fc.record({ team: fc.nat(7), score: fc.nat(20_000) }), { minLength: 1, maxLength: 40 }),
        (count, members) => {
          const h = teamRoom({ teamCount: count, teamPick: true });
          for (const [i, m] of members.entries()) {
            const id = h.join(`Player ${i}`);
            h.player(id).team = m.team % count;
            h.player(id).score = m.score;
          }
          const rows = teamRows(h.state);
          expect(rows.map((r) => r.rank)).toEqual(rows.map((_, i) => i + 1));
          for (let i = 1; i < rows.length; i++)
            expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score);
          for (const row of rows) {
            const scores = [...h.state.players.values()]
              .filter((p) => p.team === row.team)
              .map((p) => p.score);
            expect(row.members).toBe(scores.length);
            expect(row.score).toBeGreaterThanOrEqual(Math.min(...scores));
            expect(row.score).toBeLessThanOrEqual(Math.max(...scores));
          }
        },
      ),
    );
  });
});
