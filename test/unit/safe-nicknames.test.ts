/** Safe nicknames: the swear-word filter, generated names, and "Remove and block". */
import { describe, expect, it } from 'vitest';
import { restoreGame, serializeGame } from '../../src/main/game';
import { isProfaneName } from '../../src/main/game/name-filter';
import { decodeRecord, encodeRecord } from '../../src/main/server/journal-records';
import {
  FRIENDLY_ADJECTIVES,
  FRIENDLY_ANIMALS,
  friendlyName,
  isFriendlyName,
} from '../../src/shared/friendly-names';
import { checkNickname, MAX_NAME_LENGTH } from '../../src/shared/nickname';
import { EngineHarness, plainQuiz } from '../support/engine-harness';

describe('the swear-word filter', () => {
  it('finds swear words in several languages, whatever their case or lookalike letters', () => {
    for (const name of [
      'fuck',
      'FuckFace',
      'ＦＵＣＫ',
      'f.u.c.k',
      'sh1t',
      'shit123',
      'Scheiße',
      'mierda',
      'merde',
    ])
      expect(isProfaneName(name), name).toBe(true);
    // A Cyrillic "о" and "с" in place of the Latin letters.
    expect(isProfaneName('\u0441\u043ek')).toBe(isProfaneName('cok'));
    expect(isProfaneName('Arschloch')).toBe(true);
  });

  it('leaves names alone that only contain a swear word inside another word', () => {
    for (const name of ['Ada', 'Scunthorpe', 'Cassandra', 'Assassin', 'Analyst', 'Shitake', 'Hancock'])
      expect(isProfaneName(name), name).toBe(false);
  });
});

describe('generated names', () => {
  it('are valid nicknames that pass the filter, whichever pair is drawn', () => {
    for (const adjective of FRIENDLY_ADJECTIVES)
      for (const animal of FRIENDLY_ANIMALS) {
        const name = `${adjective} ${animal}`;
        expect(checkNickname(name)).toEqual({ ok: true, name });
        expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH);
        expect(isProfaneName(name), name).toBe(false);
        expect(isFriendlyName(name)).toBe(true);
      }
  });

  it('draws from both lists with the random numbers given', () => {
    expect(friendlyName(() => 0)).toBe(`${FRIENDLY_ADJECTIVES[0]} ${FRIENDLY_ANIMALS[0]}`);
    expect(friendlyName(() => 0.999999)).toBe(`${FRIENDLY_ADJECTIVES.at(-1)} ${FRIENDLY_ANIMALS.at(-1)}`);
    expect(isFriendlyName('Brave  Otter')).toBe(false);
    expect(isFriendlyName('brave otter')).toBe(false);
    expect(isFriendlyName('Brave Otter 2')).toBe(false);
  });
});

describe('joining with the room rules on names', () => {
  it('refuses a swear word by default, and says so without repeating it', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    expect(h.tryJoin('FuckFace')).toBeNull();
    expect(h.repliesTo(h.lastConn)).toEqual([
      {
        type: 'error',
        code: 'name_profane',
        ref: 'join',
        message: 'That nickname is not allowed in this room. Pick another name.',
      },
    ]);
    expect(h.state.players.size).toBe(0);
  });

  it('lets any name through when the host turns the filter off', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, profanityFilter: false });
    expect(h.tryJoin('FuckFace')).not.toBeNull();
  });

  it('takes only generated names when the room says so', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, generatedNamesOnly: true });
    expect(h.tryJoin('Ada')).toBeNull();
    expect(h.lastError).toBe('name_not_generated');
    expect(h.tryJoin('Brave Otter')).not.toBeNull();
    // Uniqueness still holds for generated names.
    expect(h.tryJoin('brave otter')).toBeNull();
    expect(h.lastError).toBe('name_not_generated');
    expect(h.tryJoin('Brave Otter')).toBeNull();
    expect(h.lastError).toBe('name_taken');
  });
});

describe('remove and block', () => {
  it('bars the name and everything that looks like it for the rest of the session', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const ada = h.join('Ada', '10.0.0.7');
    const kicked = h.host({ type: 'kick', playerId: ada, block: true });
    expect(kicked).toContainEqual({ kind: 'kick', playerId: ada });
    for (const name of ['Ada', 'ADA', '\u0410da', 'Ａda']) {
      expect(h.tryJoin(name, '10.0.0.9')).toBeNull();
      expect(h.lastError).toBe('name_blocked');
    }
    expect(h.repliesTo(h.lastConn)[0]).toMatchObject({
      message:
        'The host has blocked the name \u2068Ada\u2069, and "\u2068Ａda\u2069" looks the same. Pick another name.',
    });
    // A new game is the same session: still blocked.
    h.host({ type: 'new_game' });
    expect(h.tryJoin('Ada', '10.0.0.9')).toBeNull();
    expect(h.lastError).toBe('name_blocked');
    expect(h.tryJoin('Grace', '10.0.0.9')).not.toBeNull();
  });

  it("keeps the blocked player's address seat taken", () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, maxPlayersPerAddress: 1 });
    const ada = h.join('Ada', '10.0.0.7');
    h.host({ type: 'kick', playerId: ada, block: true });
    expect(h.tryJoin('Grace', '10.0.0.7')).toBeNull();
    expect(h.lastError).toBe('address_full');
    // A plain kick frees the seat and the name.
    const bob = h.join('Bob', '10.0.0.8');
    h.host({ type: 'kick', playerId: bob });
    expect(h.tryJoin('Bob', '10.0.0.8')).not.toBeNull();
  });

  it('survives being written down and read back, as a journal snapshot', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, generatedNamesOnly: false });
    const ada = h.join('Ada', '10.0.0.7');
    h.host({ type: 'kick', playerId: ada, block: true });
    const line = encodeRecord({ t: 'snapshot', at: h.now, game: serializeGame(h.state), tokens: [] });
    const decoded = decodeRecord(Buffer.from(line.slice(0, -1)));
    if (!decoded.ok || decoded.record.t !== 'snapshot') throw new Error('not a snapshot');
    const back = restoreGame(decoded.record.game);
    expect(back.blockedNames).toEqual(h.state.blockedNames);
    expect(back.settings).toEqual(h.state.settings);
  });

  it('reads a snapshot written before names could be blocked or the new settings existed', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.join('Ada');
    const game = serializeGame(h.state) as unknown as Record<string, unknown>;
    const { blockedNames: _b, ...older } = game;
    const { profanityFilter: _p, generatedNamesOnly: _g, ...olderSettings } = h.state.settings;
    const line = encodeRecord({
      t: 'snapshot',
      at: h.now,
      game: { ...older, settings: olderSettings } as never,
      tokens: [],
    });
    const decoded = decodeRecord(Buffer.from(line.slice(0, -1)));
    if (!decoded.ok || decoded.record.t !== 'snapshot') throw new Error(JSON.stringify(decoded));
    const back = restoreGame(decoded.record.game);
    expect(back.blockedNames.size).toBe(0);
    expect(back.settings.profanityFilter).toBe(true);
    expect(back.settings.generatedNamesOnly).toBe(false);
  });
});
