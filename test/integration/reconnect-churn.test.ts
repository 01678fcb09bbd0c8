/**
 * A player who reconnects in a loop (a broken phone, or a script) must not grow the game journal
 * with every loop: the host tells the engine of a player's comings and goings a few times at
 * once, then once per refill, and what it finally tells it is where the player ended up.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESENCE_BURST, PRESENCE_REFILL_MS } from '../../src/main/server/presence-gate';
import { RawSocket } from '../support/raw-socket';
import { TestHost } from '../support/test-host';
import { waitFor } from '../support/wait';

let h: TestHost | null = null;
let dir = '';
afterEach(async () => {
  await h?.stop();
  h = null;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Presence records of one player in the journal. */
function presenceRecords(path: string, playerId: string): number {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => /"kind":"(connected|disconnected)"/.test(l) && l.includes(`"playerId":"${playerId}"`))
    .length;
}

describe('a player who reconnects in a loop', () => {
  it('writes a few journal records, not one per reconnect, and ends where the player ended', async () => {
    dir = mkdtempSync(join(tmpdir(), 'quizroom-churn-'));
    h = await new TestHost({ journalDir: dir, settings: { minPlayers: 0 } }).start();
    const dashboard = await h.hostClient();
    const ada = await h.player('Ada');
    const token = ada.client.currentToken!;
    ada.client.close();
    await dashboard.waitView((v) => v.players.some((p) => p.name === 'Ada' && !p.connected), 'Ada to leave');
    const path = h.server.journalPath!;
    const sizeBefore = statSync(path).size;

    const LOOPS = 200;
    for (let i = 0; i < LOOPS; i++) {
      const raw = await RawSocket.hello(h.url, token);
      raw.ws.close();
      await waitFor(() => raw.closeCode !== null, 'the socket to close');
    }
    // Every close has been handled by the host.
    await waitFor(() => presenceRecords(path, 'p1') >= PRESENCE_BURST, 'the loop to be recorded');
    const written = presenceRecords(path, 'p1');
    // Leaving, then the rest of the burst; nothing per loop (the game clock did not move).
    expect(written).toBe(PRESENCE_BURST);
    const grown = statSync(path).size - sizeBefore;
    console.log(
      `[reliability] reconnect-churn ${JSON.stringify({ loops: LOOPS, records: written, bytes: grown })}`,
    );
    expect(grown).toBeLessThan(PRESENCE_BURST * 200);

    // The loop ended with Ada gone; her last return was told, her last leaving is held.
    expect(h.server.game.players.get('p1')?.connected).toBe(true);
    h.clock.advance(PRESENCE_REFILL_MS);
    await dashboard.waitView(
      (v) => v.players.some((p) => p.name === 'Ada' && !p.connected),
      'Ada to be gone',
    );
    // She comes back and stays: once her turn comes, the host has her connected.
    const back = await RawSocket.hello(h.url, token);
    expect(h.server.game.players.get('p1')?.connected).toBe(false);
    h.clock.advance(PRESENCE_REFILL_MS);
    await dashboard.waitView((v) => v.players.some((p) => p.name === 'Ada' && p.connected), 'Ada to be back');
    expect(presenceRecords(path, 'p1')).toBe(PRESENCE_BURST + 2);
    back.ws.close();
  });
});
