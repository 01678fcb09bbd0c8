/**
 * One person's past games across the saved reports (the reports service's personHistory): found
 * by their identity however it is written, newest first, with their score, rank and right
 * answers; games without them, reports without identities and broken report files are passed by.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportsService } from '../../src/main/desktop/reports-service';
import type { Effect, GameRecord } from '../../src/main/game';
import { buildGameReport } from '../../src/main/reports/build-game-report';
import type { GameSettings } from '../../src/shared/protocol';
import { EngineHarness, T0 } from '../support/engine-harness';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/**
 * A game that starts `day` days after T0, in which each pupil [nickname, identity] joins and the
 * first one answers the first question right; the host ends it after that question.
 */
function game(
  day: number,
  settings: Partial<GameSettings>,
  pupils: [string, string | undefined][],
): GameRecord {
  const h = new EngineHarness(undefined, { minPlayers: 0, ...settings }, T0 + day * 86_400_000);
  const ids = pupils.map(([name, identity], i) => {
    const effects = h.send({
      kind: 'join',
      conn: 100 + i,
      name,
      address: `device-${i}`,
      ...(identity === undefined ? {} : { identity }),
    });
    const bind = effects.find((e): e is Extract<Effect, { kind: 'bind' }> => e.kind === 'bind');
    if (!bind) throw new Error(`${name} was refused`);
    return bind.playerId;
  });
  h.startGame();
  h.atElapsed(1000).answer(
    ids[0]!,
    h.state.round!.question.kind === 'choice' ? h.state.round!.question.correct : 0,
  );
  h.closeQuestion();
  h.host({ type: 'end' });
  const over = h.last.find((e) => e.kind === 'game_over');
  if (!over) throw new Error('the game did not end');
  return over.record;
}

describe('a person’s past games', () => {
  it('follows one identity across saved reports, newest first, and passes by the rest', async () => {
    const library = mkdtempSync(join(tmpdir(), 'quizroom-person-'));
    dirs.push(library);
    const service = new ReportsService(
      library,
      async () => false,
      () => undefined,
      () => undefined,
    );
    const roster = {
      identity: 'roster' as const,
      roster: [{ name: 'Zoë Müller', id: 'S-1' }, { name: 'Ben Okafor' }],
    };
    await service.store.save(
      buildGameReport(
        game(0, roster, [
          ['Zed', 'Zoë Müller'],
          ['Benny', 'Ben Okafor'],
        ]),
        'Room 4B',
      ),
    );
    await service.store.save(
      buildGameReport(
        game(2, roster, [
          ['Benny', 'Ben Okafor'],
          ['Zoom', 'zoe muller'],
        ]),
        'Room 4B',
      ),
    );
    // A game in which she typed an identifier of another kind, and one without identities.
    await service.store.save(
      buildGameReport(
        game(1, { identity: 'field', identityLabel: 'Student number' }, [['Z', '2024-117']]),
        'Lab',
      ),
    );
    await service.store.save(buildGameReport(game(3, {}, [['Zoë Müller', undefined]]), 'Lab'));
    writeFileSync(join(library, 'reports', 'broken.json'), '{ not json');

    const history = await service.personHistory('ZOE MÜLLER');
    if (!history.ok) throw new Error(history.message);
    expect(history.identity).toBe('Zoë Müller');
    expect(history.skipped).toBe(1);
    expect(
      history.games.map((g) => [g.startedAt.slice(0, 10), g.name, g.rank, g.correctCount, g.playerCount]),
    ).toEqual([
      [new Date(T0 + 2 * 86_400_000).toISOString().slice(0, 10), 'Zoom', 2, 0, 2],
      [new Date(T0).toISOString().slice(0, 10), 'Zed', 1, 1, 2],
    ]);
    expect(history.games[1]!.score).toBeGreaterThan(0);
    expect(history.games[0]!.quizTitle).toBe(history.games[1]!.quizTitle);
    expect(history.games.every((g) => g.questionCount > 0)).toBe(true);

    const typed = await service.personHistory(' 2024-117');
    expect(typed.ok && typed.games.map((g) => g.roomName)).toEqual(['Lab']);
    const nobody = await service.personHistory('Nobody');
    expect(nobody.ok && nobody.games).toEqual([]);
  });
});
