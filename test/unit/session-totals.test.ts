/**
 * Running totals: every finished game adds each player's score to their session total (kept with
 * the setting off too, shown only with it on); the session's table ranks by total, then games,
 * then join order; each player hears their own line; a latecomer starts from nothing; totals come
 * back from a journal; reports and the results export carry them.
 */
import { describe, expect, it } from 'vitest';
import { restoreGame, serializeGame } from '../../src/main/game';
import { addGameToSession, sessionRows } from '../../src/main/game/session-totals';
import { buildGameReport } from '../../src/main/reports/build-game-report';
import { reportCsv } from '../../src/main/reports/report-csv';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import { resultsCsv } from '../../src/shared/results-csv';
import { EngineHarness, plainQuiz } from '../support/engine-harness';

/** Plays one game of one question: `right` answer it right after `ms` each, the others wrong. */
function playGame(h: EngineHarness, right: Record<string, number>, wrong: string[] = []) {
  if (h.state.phase === 'finished') h.host({ type: 'new_game' });
  h.startGame();
  for (const [id, ms] of Object.entries(right)) h.atElapsed(ms).answer(id, 0);
  for (const id of wrong) h.answer(id, 1);
  h.closeQuestion();
  h.host({ type: 'end' });
  if (h.state.phase !== 'finished') h.fireUntil((s) => s.phase === 'finished');
}

describe('running totals', () => {
  it('add each finished game to the session, and rank the session by total', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, runningTotals: true });
    const [a, b] = h.joinAll('Ada', 'Bob') as [string, string];
    playGame(h, { [a]: 1000 }, [b]);
    const first = h.score(a);
    expect(h.broadcasts('finished').at(-1)?.session).toEqual([
      { rank: 1, id: a, name: 'Ada', total: first, games: 1 },
      { rank: 2, id: b, name: 'Bob', total: 0, games: 1 },
    ]);
    expect(h.sentTo(b, 'session_total')).toEqual([{ type: 'session_total', total: 0, rank: 2, games: 1 }]);

    playGame(h, { [b]: 500 }, [a]);
    const second = h.score(b);
    expect(second).toBeGreaterThan(first);
    const rows = h.broadcasts('standings', 'hosts').at(-1)?.session;
    expect(rows).toEqual([
      { rank: 1, id: b, name: 'Bob', total: second, games: 2 },
      { rank: 2, id: a, name: 'Ada', total: first, games: 2 },
    ]);
    expect(h.snapshot({ role: 'player', playerId: a }).you?.session).toEqual({
      total: first,
      rank: 2,
      games: 2,
    });
    expect(h.snapshot({ role: 'host' }).session).toEqual(rows);
  });

  it('start a latecomer from nothing, and are kept but not shown with the setting off', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a] = h.joinAll('Ada', 'Bob') as [string, string];
    playGame(h, { [a]: 1000 });
    expect(h.broadcasts('finished').at(-1)).not.toHaveProperty('session');
    expect(h.snapshot({ role: 'host' })).not.toHaveProperty('session');
    h.host({ type: 'new_game' });
    const c = h.join('Cy');
    h.host({ type: 'settings', settings: { runningTotals: true } });
    playGame(h, { [c]: 1000 });
    const table = sessionRows(h.state);
    expect(table.find((r) => r.id === c)).toMatchObject({ games: 1, total: h.score(c) });
    expect(table.find((r) => r.id === a)?.games).toBe(2);
  });

  it('break equal totals by more games, then by who joined first', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, runningTotals: true });
    const [a, b, c] = h.joinAll('Ada', 'Bob', 'Cy') as [string, string, string];
    for (const [id, total, games] of [
      [a, 100, 1],
      [b, 100, 2],
      [c, 100, 2],
    ] as const) {
      h.player(id).sessionScore = total;
      h.player(id).sessionGames = games;
    }
    // Nobody scores in the lobby: ranking the session again keeps their totals' order.
    addGameToSession(h.state);
    expect(sessionRows(h.state).map((r) => r.id)).toEqual([b, c, a]);
    // A player removed since is left out, and the places close up.
    h.host({ type: 'kick', playerId: b });
    expect(sessionRows(h.state).map((r) => [r.id, r.rank])).toEqual([
      [c, 1],
      [a, 2],
    ]);
  });

  it('come back from a journal', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, runningTotals: true });
    const [a] = h.joinAll('Ada', 'Bob') as [string, string];
    playGame(h, { [a]: 1000 });
    const line = encodeRecord({ t: 'snapshot', at: h.now, game: serializeGame(h.state), tokens: [] });
    const decoded = decodeRecord(Buffer.from(line.trimEnd()));
    if (!decoded.ok || decoded.record.t !== 'snapshot') throw new Error('not a snapshot');
    const restored = restoreGame(decoded.record.game);
    expect(restored.players.get(a)).toMatchObject({ sessionScore: h.score(a), sessionGames: 1 });
    expect(sessionRows(restored)).toEqual(sessionRows(h.state));
  });

  it('are in the game report and both CSV exports', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, runningTotals: true });
    const [a, b] = h.joinAll('Ada', 'Bob') as [string, string];
    playGame(h, { [a]: 1000 });
    playGame(h, { [b]: 1000, [a]: 2000 });
    const over = h.last.find((e) => e.kind === 'game_over');
    if (!over || over.kind !== 'game_over') throw new Error('no game over');
    const report = buildGameReport(over.record, 'Room');
    const total = (id: string) => h.player(id).sessionScore;
    expect(report.players.map((p) => [p.name, p.sessionTotal])).toEqual([
      ['Bob', total(b)],
      ['Ada', total(a)],
    ]);
    const csv = reportCsv(report).split('\r\n');
    expect(csv[0]!.split(',').slice(0, 7)).toEqual([
      'Rank',
      'Name',
      'Score',
      'Correct answers',
      'Total time (s)',
      'Extra time',
      'Session total',
    ]);
    expect(csv[2]!.split(',')[6]).toBe(String(total(a)));
    const host = h.snapshot({ role: 'host' });
    const results = resultsCsv(host.standings!, host.session).split('\r\n');
    expect(results[0]).toBe('Rank,Name,Score,Correct answers,Connected at the end,Session total');
    expect(results[1]).toBe(`1,Bob,${h.score(b)},1,yes,${total(b)}`);
    // Without running totals the export is as it always was.
    expect(resultsCsv(host.standings!).split('\r\n')[0]).toBe(
      'Rank,Name,Score,Correct answers,Connected at the end',
    );
  });
});
