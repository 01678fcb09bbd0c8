/**
 * The engine's identity rules (src/main/game/identity.ts), step by step: a class-list name is
 * free again once its player leaves or is removed, a latecomer's name counts as taken, a change of
 * mode or of the class list takes back what no longer fits, the settings are locked outside the
 * lobby, and a game written down and read back keeps every identity.
 */
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/main/game';
import { restoreGame, serializeGame } from '../../src/main/game/serialized-game';
import type { GameSettings } from '../../src/shared/protocol';
import { EngineHarness, errorCodes, messagesOfType } from '../support/engine-harness';

const ROSTER = [{ name: 'Zoë Müller', id: 'S-1' }, { name: 'Ben Okafor' }, { name: 'Ada Lovelace' }];

function room(settings: Partial<GameSettings> = {}): EngineHarness {
  return new EngineHarness(undefined, { minPlayers: 0, identity: 'roster', roster: ROSTER, ...settings });
}

let conn = 1000;
/** Joins with an identity; the player's id, or null and the refusal's code. */
function join(h: EngineHarness, name: string, identity?: string): { id: string | null; code?: string } {
  const effects = h.send({
    kind: 'join',
    conn: conn++,
    name,
    address: `device-${conn}`,
    ...(identity === undefined ? {} : { identity }),
  });
  const bind = effects.find((e): e is Extract<Effect, { kind: 'bind' }> => e.kind === 'bind');
  return bind ? { id: bind.playerId } : { id: null, code: errorCodes(effects)[0] };
}

describe('identity in the engine', () => {
  it('frees a class-list name when its player leaves or is removed', () => {
    const h = room();
    const zoe = join(h, 'Zed', 'Zoë Müller').id!;
    expect(join(h, 'Other', 'zoe muller').code).toBe('identity_taken');
    h.leave(zoe);
    const again = join(h, 'Other', 'zoe muller').id!;
    expect(h.player(again).identity).toBe('Zoë Müller');
    h.host({ type: 'kick', playerId: again });
    expect(join(h, 'Third', 'Zoë Müller').id).not.toBeNull();
  });

  it('counts a latecomer’s name as taken, and tells guests which names are', () => {
    const h = room();
    join(h, 'Ben', 'Ben Okafor');
    h.startGame();
    const late = join(h, 'Ada', 'Ada Lovelace').id!;
    expect(h.state.waiting.get(late)?.identity).toBe('Ada Lovelace');
    expect(join(h, 'Copy', 'ADA LOVELACE').code).toBe('identity_taken');
    const counts = messagesOfType(h.log.at(-2)!.effects, 'player_count');
    expect(counts.some((m) => m.claimedNames?.join() === 'Ada Lovelace,Ben Okafor')).toBe(true);
  });

  it('takes back what a new mode or class list no longer has, and respells what it keeps', () => {
    const h = room();
    const zoe = join(h, 'Zed', 'Zoë Müller').id!;
    const ben = join(h, 'Ben', 'Ben Okafor').id!;
    const effects = h.host({
      type: 'settings',
      settings: { roster: [{ name: 'ZOË MÜLLER', id: 'S-1' }, { name: 'Ada Lovelace' }] },
    });
    expect(h.player(zoe).identity).toBe('ZOË MÜLLER');
    expect(h.player(ben).identity).toBeUndefined();
    expect(effects).toContainEqual({
      kind: 'send',
      to: ben,
      // The list to pick from again, as the new class list has it (names only).
      msg: {
        type: 'identity_released',
        rosterNames: ['Ada Lovelace', 'ZOË MÜLLER'],
        claimedNames: ['ZOË MÜLLER'],
      },
    });
    h.host({ type: 'settings', settings: { identity: 'field' } });
    expect(h.player(zoe).identity).toBeUndefined();
    // A typed identifier may be given afterwards.
    h.send({ kind: 'identity', conn: 1, playerId: zoe, identity: ' 2024-117 ' });
    expect(h.player(zoe).identity).toBe('2024-117');
  });

  it('locks the identity settings outside the lobby, and leaves other settings alone', () => {
    const h = room();
    join(h, 'Ben', 'Ben Okafor');
    h.startGame();
    h.host({ type: 'settings', settings: { roster: [] } });
    expect(errorCodes(h.last)).toEqual(['wrong_phase']);
    h.host({ type: 'settings', settings: { identityLabel: 'Number' } });
    expect(errorCodes(h.last)).toEqual(['wrong_phase']);
    h.host({ type: 'settings', settings: { revealSeconds: 9 } });
    expect(errorCodes(h.last)).toEqual([]);
    expect(h.state.settings.roster).toEqual(ROSTER);
  });

  it('keeps every identity in a game written down and read back', () => {
    const h = room();
    const zoe = join(h, 'Zed', 'Zoë Müller').id!;
    const back = restoreGame(JSON.parse(JSON.stringify(serializeGame(h.state))));
    expect(back.players.get(zoe)?.identity).toBe('Zoë Müller');
  });

  it('ignores an identity where none is asked for', () => {
    const h = room({ identity: 'none' });
    const ada = join(h, 'Ada', 'anything').id!;
    expect(h.player(ada).identity).toBeUndefined();
    h.send({ kind: 'identity', conn: 2, playerId: ada, identity: 'x' });
    expect(errorCodes(h.last)).toEqual(['identity_invalid']);
  });
});
