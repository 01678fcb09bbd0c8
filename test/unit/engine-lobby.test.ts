/** The lobby: joining, names, room limits, presence, and the auto-start rule. */
import { describe, expect, it } from 'vitest';
import { EngineHarness, plainQuiz } from '../support/engine-harness';

describe('joining', () => {
  it('binds an accepted player to the connection and tells the hosts', () => {
    const h = new EngineHarness();
    const id = h.join('Alice');
    expect(h.last).toContainEqual({ kind: 'bind', conn: h.lastConn, playerId: id });
    expect(h.broadcasts('player', 'hosts')).toEqual([
      { type: 'player', player: { id, name: 'Alice', connected: true, score: 0 } },
    ]);
    expect(h.broadcasts('player_count', 'everyone')).toEqual([
      { type: 'player_count', count: 1, connected: 1 },
    ]);
  });

  it('keeps the trimmed nickname', () => {
    const h = new EngineHarness();
    const id = h.join('  Bob  ');
    expect(h.player(id).name).toBe('Bob');
  });

  it('rejects a name already taken, ignoring letter case', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.join('Alice');
    expect(h.tryJoin('aLICE')).toBeNull();
    expect(h.repliesTo(h.lastConn)).toMatchObject([{ type: 'error', code: 'name_taken', ref: 'join' }]);
    expect(h.state.players.size).toBe(1);
  });

  it('rejects an invalid nickname with the reason', () => {
    const h = new EngineHarness();
    expect(h.tryJoin('   ')).toBeNull();
    expect(h.repliesTo(h.lastConn)).toMatchObject([
      { type: 'error', code: 'name_invalid', message: 'Enter a nickname.' },
    ]);
    expect(h.tryJoin('x'.repeat(25))).toBeNull();
    expect(h.lastError).toBe('name_invalid');
    expect(h.tryJoin('Eve\u0007')).toBeNull();
    expect(h.lastError).toBe('name_invalid');
  });

  it('rejects a join when the room is full', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, maxPlayers: 2 });
    h.joinAll('A', 'B');
    expect(h.tryJoin('C')).toBeNull();
    expect(h.lastError).toBe('room_full');
  });

  it('rejects a join once the game has started', () => {
    const h = new EngineHarness();
    h.joinAll('A', 'B');
    expect(h.state.phase).toBe('countdown');
    expect(h.tryJoin('C')).toBeNull();
    expect(h.lastError).toBe('game_started');
  });

  it('accepts a late join when late join is on, and the newcomer may answer the open question', () => {
    const h = new EngineHarness(plainQuiz(2), { lateJoin: true });
    h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    h.answer(c, 0);
    expect(h.lastError).toBeNull();
    expect(h.sentTo(c, 'answer_ack')).toHaveLength(1);
  });

  it('gives every player a distinct id and a growing join order', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const ids = h.joinAll('A', 'B', 'C');
    expect(new Set(ids).size).toBe(3);
    const seqs = ids.map((id) => h.player(id).seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});

describe('presence', () => {
  it('keeps a disconnected player with their slot, name and score', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const a = h.join('Alice');
    h.disconnect(a);
    expect(h.player(a).connected).toBe(false);
    expect(h.state.connectedCount).toBe(0);
    expect(h.broadcasts('player', 'hosts')).toMatchObject([{ player: { id: a, connected: false } }]);
    expect(h.broadcasts('player_count')).toEqual([{ type: 'player_count', count: 1, connected: 0 }]);
    expect(h.tryJoin('alice')).toBeNull();
    expect(h.lastError).toBe('name_taken');
  });

  it('does nothing when a player who is already connected connects again', () => {
    const h = new EngineHarness();
    const a = h.join('Alice');
    expect(h.reconnect(a)).toEqual([]);
  });

  it('ignores presence changes of unknown players', () => {
    const h = new EngineHarness();
    expect(h.reconnect('p999')).toEqual([]);
    expect(h.disconnect('p999')).toEqual([]);
  });
});

describe('auto-start', () => {
  it('does not start with one player', () => {
    const h = new EngineHarness();
    h.join('Alice');
    expect(h.state.phase).toBe('lobby');
    expect(h.broadcasts('countdown')).toEqual([]);
    expect(h.timerAt).toBeNull();
  });

  it('starts a 3-second countdown when the second player joins', () => {
    const h = new EngineHarness();
    h.join('Alice');
    h.advance(1234);
    h.join('Bob');
    expect(h.state.phase).toBe('countdown');
    expect(h.state.settings.countdownSeconds).toBe(3);
    expect(h.broadcasts('countdown', 'everyone')).toEqual([{ type: 'countdown', endsAt: h.now + 3000 }]);
    expect(h.last).toContainEqual({ kind: 'timer', at: h.now + 3000 });
  });

  it('counts only connected players', () => {
    const h = new EngineHarness();
    const a = h.join('Alice');
    h.disconnect(a);
    h.join('Bob');
    expect(h.state.phase).toBe('lobby');
    h.reconnect(a);
    expect(h.state.phase).toBe('countdown');
  });

  it('waits for the number of players the host set', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 3 });
    h.joinAll('A', 'B');
    expect(h.state.phase).toBe('lobby');
    h.join('C');
    expect(h.state.phase).toBe('countdown');
  });

  it('never starts by itself when players needed is 0; the host starts by hand', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.joinAll('A', 'B', 'C', 'D');
    expect(h.state.phase).toBe('lobby');
    expect(h.timerAt).toBeNull();
    h.host({ type: 'start' });
    expect(h.state.phase).toBe('countdown');
  });

  it('starts when the host lowers players needed to those already connected', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 5 });
    h.joinAll('A', 'B');
    expect(h.state.phase).toBe('lobby');
    h.host({ type: 'settings', settings: { minPlayers: 2 } });
    expect(h.state.phase).toBe('countdown');
  });

  it('does not start twice when a third player joins during the countdown', () => {
    const h = new EngineHarness(plainQuiz(1), { lateJoin: true });
    h.joinAll('A', 'B');
    const endsAt = h.state.endsAt;
    h.advance(1000);
    h.join('C');
    expect(h.broadcasts('countdown')).toEqual([]);
    expect(h.state.endsAt).toBe(endsAt);
  });
});
