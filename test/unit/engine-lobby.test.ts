/** The lobby: joining, names, room limits, presence, and the auto-start rule. */
import { describe, expect, it } from 'vitest';
import { LOBBY_GRACE_MS } from '../../src/main/game';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol';
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
      { type: 'player_count', count: 1, connected: 1, waiting: 0 },
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

  it('rejects a name that looks like one in the room, naming the player it looks like', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.join('Ada');
    for (const lookalike of ['\u0410da', 'ADA', 'Ａda', '\ua4eeda']) {
      expect(h.tryJoin(lookalike)).toBeNull();
      expect(h.repliesTo(h.lastConn)).toEqual([
        {
          type: 'error',
          code: 'name_taken',
          ref: 'join',
          // The names are bidi-isolated, so a right-to-left name cannot reorder the sentence.
          message: `"\u2068${lookalike}\u2069" looks the same as a player already here: \u2068Ada\u2069. Pick another name, such as "\u2068${lookalike} 2\u2069".`,
          suggestion: `${lookalike} 2`,
        },
      ]);
    }
    expect(h.tryJoin('PlayerI')).not.toBeNull();
    expect(h.tryJoin('Playerl')).toBeNull();
    expect(h.lastError).toBe('name_taken');
    expect(h.state.players.size).toBe(2);
  });

  it('offers a free name like a taken one, which the host still checks when it is sent', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.joinAll('Zoë', 'Zoë 2', 'Player 7');
    const suggested = () => {
      const reply = h.repliesTo(h.lastConn)[0];
      return reply?.type === 'error' ? reply.suggestion : undefined;
    };
    expect(h.tryJoin('ZOË')).toBeNull();
    expect(suggested()).toBe('ZOË 3');
    expect(h.tryJoin('player 7')).toBeNull();
    expect(suggested()).toBe('player 8');
    // Shortened to fit the 24-character limit.
    const long = 'Abcdefghijklmnopqrstuvwx';
    h.join(long);
    expect(h.tryJoin(long)).toBeNull();
    expect(suggested()).toBe('Abcdefghijklmnopqrstuv 2');
    // Someone takes the suggestion first: the host refuses it too, and offers the next one.
    h.join('ZOË 3');
    expect(h.tryJoin('zoë 3')).toBeNull();
    expect(suggested()).toBe('zoë 4');
  });

  it('frees a look-alike name when its player is removed', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const a = h.join('Ada');
    h.host({ type: 'kick', playerId: a });
    expect(h.tryJoin('\u0410da')).not.toBeNull();
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

  it('seats a join during the countdown in this game', () => {
    const h = new EngineHarness();
    h.joinAll('A', 'B');
    expect(h.state.phase).toBe('countdown');
    const c = h.join('C');
    expect(h.state.players.has(c)).toBe(true);
    h.toQuestion(0);
    h.answer(c, 0);
    expect(h.lastError).toBeNull();
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
    expect(h.broadcasts('player_count')).toEqual([
      { type: 'player_count', count: 1, connected: 0, waiting: 0 },
    ]);
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

describe('players per address', () => {
  it('allows 4 players from one address by default', () => {
    expect(DEFAULT_SETTINGS.maxPlayersPerAddress).toBe(4);
  });

  it('refuses a join beyond the cap from one address, and says what to do', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, maxPlayersPerAddress: 2 });
    h.join('A', '10.0.0.7');
    h.join('B', '10.0.0.7');
    expect(h.tryJoin('C', '10.0.0.7')).toBeNull();
    expect(h.repliesTo(h.lastConn)).toEqual([
      {
        type: 'error',
        code: 'address_full',
        ref: 'join',
        message:
          "2 players have already joined from this device's network address (10.0.0.7), the most the host allows. Join from your own device, or ask the host to allow more players per address.",
      },
    ]);
    expect(h.tryJoin('C', '10.0.0.8')).not.toBeNull();
  });

  it('frees the slot when a player from that address leaves, is removed or stays away', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, maxPlayersPerAddress: 1 });
    const a = h.join('A', '10.0.0.7');
    h.leave(a);
    const b = h.join('B', '10.0.0.7');
    h.host({ type: 'kick', playerId: b });
    const c = h.join('C', '10.0.0.7');
    h.disconnect(c);
    h.advance(LOBBY_GRACE_MS);
    h.fireTimer();
    expect(h.tryJoin('D', '10.0.0.7')).not.toBeNull();
  });

  it('counts latecomers waiting for the next game against the cap', () => {
    const h = new EngineHarness(plainQuiz(2), { maxPlayersPerAddress: 2 });
    h.join('A', '10.0.0.7');
    h.join('B');
    h.startGame();
    expect(h.tryJoin('C', '10.0.0.7')).not.toBeNull();
    expect(h.tryJoin('D', '10.0.0.7')).toBeNull();
    expect(h.lastError).toBe('address_full');
  });

  it('lets the host raise the cap', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, maxPlayersPerAddress: 1 });
    h.join('A', '10.0.0.7');
    h.host({ type: 'settings', settings: { maxPlayersPerAddress: 2 } });
    expect(h.tryJoin('B', '10.0.0.7')).not.toBeNull();
  });

  it('does not count a join whose address is not known (a journal from before addresses)', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0, maxPlayersPerAddress: 1 });
    for (const [conn, name] of [
      [101, 'A'],
      [102, 'B'],
    ] as const)
      h.send({ kind: 'join', conn, name });
    expect(h.state.players.size).toBe(2);
  });
});

describe('latecomers', () => {
  it('are never turned away: after the first question opened they wait for the next game', () => {
    const h = new EngineHarness(plainQuiz(2));
    const [a] = h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('Cleo');
    expect(h.last).toContainEqual({ kind: 'bind', conn: h.lastConn, playerId: c });
    expect(h.state.players.has(c)).toBe(false);
    expect(h.state.waiting.has(c)).toBe(true);
    expect(h.broadcasts('player', 'hosts')).toEqual([]);
    expect(h.broadcasts('player_count')).toEqual([
      { type: 'player_count', count: 2, connected: 2, waiting: 1 },
    ]);
    const snap = h.snapshot({ role: 'player', playerId: c });
    expect(snap.you).toBeNull();
    expect(snap.waiting).toEqual({ id: c, name: 'Cleo' });
    expect(snap.waitingCount).toBe(1);
    expect(h.snapshot({ role: 'player', playerId: a! }).waiting).toBeNull();
  });

  it('cannot answer, hold a question open or appear in this game', () => {
    const h = new EngineHarness(plainQuiz(2));
    const [a, b] = h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    h.answer(c, 0);
    expect(h.repliesTo(h.lastConn)).toMatchObject([{ type: 'error', code: 'not_open', ref: 'answer' }]);
    h.answer(a!, 0);
    h.answer(b!, 1);
    expect(h.state.phase).toBe('reveal');
    expect(h.state.ranking).toEqual([a, b]);
  });

  it('become players when the host starts the next game', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    h.fireUntil((s) => s.phase === 'finished');
    expect(h.state.waiting.has(c)).toBe(true);
    h.host({ type: 'new_game' });
    expect(h.state.waiting.size).toBe(0);
    expect(h.player(c).name).toBe('C');
    expect(h.state.connectedCount).toBe(3);
    expect(h.last).toContainEqual({ kind: 'resync' });
    expect(h.snapshot({ role: 'player', playerId: c }).you).toMatchObject({ id: c, name: 'C', score: 0 });
    h.startGame();
    h.answer(c, 0);
    expect(h.lastError).toBeNull();
  });

  it('keep their place over a disconnect and come back connected or not', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    const d = h.join('D');
    expect(h.disconnect(c)).toEqual([]);
    h.disconnect(d);
    h.reconnect(d);
    h.fireUntil((s) => s.phase === 'finished');
    h.host({ type: 'new_game' });
    expect(h.player(c).connected).toBe(false);
    expect(h.player(d).connected).toBe(true);
    expect(h.state.connectedCount).toBe(3);
  });

  it('take a seat of the room: a full room is full for them too', () => {
    const h = new EngineHarness(plainQuiz(2), { maxPlayers: 3 });
    h.joinAll('A', 'B');
    h.startGame();
    h.join('C');
    expect(h.tryJoin('D')).toBeNull();
    expect(h.lastError).toBe('room_full');
  });

  it('play at once when late join is on', () => {
    const h = new EngineHarness(plainQuiz(2), { lateJoin: true });
    h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    expect(h.state.players.has(c)).toBe(true);
    expect(h.state.waiting.size).toBe(0);
  });

  it('join the room as a player between games', () => {
    const h = new EngineHarness(plainQuiz(1));
    h.joinAll('A', 'B');
    h.startGame();
    h.fireUntil((s) => s.phase === 'finished');
    const c = h.join('C');
    expect(h.state.players.has(c)).toBe(true);
  });

  it('mean two throw-away joins from one address cannot lock anyone out', () => {
    const h = new EngineHarness(plainQuiz(2));
    h.join('bot1', '10.9.9.9');
    h.join('bot2', '10.9.9.9');
    expect(h.state.phase).toBe('countdown');
    h.toQuestion(0);
    const ada = h.join('Ada', '10.0.0.1');
    const bob = h.join('Bob', '10.0.0.2');
    expect(h.state.waiting.size).toBe(2);
    h.fireUntil((s) => s.phase === 'finished');
    h.host({ type: 'new_game' });
    expect(h.state.players.has(ada)).toBe(true);
    expect(h.state.players.has(bob)).toBe(true);
  });
});

describe('leaving', () => {
  it('frees the seat and the name of a player who leaves the lobby; their connection stays', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const a = h.join('Ada');
    h.join('Bob');
    h.leave(a);
    expect(h.last).toContainEqual({ kind: 'release', playerId: a });
    expect(h.last.some((e) => e.kind === 'kick')).toBe(false);
    expect(h.broadcasts('player_removed', 'hosts')).toEqual([{ type: 'player_removed', id: a }]);
    expect(h.broadcasts('player_count')).toEqual([
      { type: 'player_count', count: 1, connected: 1, waiting: 0 },
    ]);
    expect(h.state.players.has(a)).toBe(false);
    expect(h.tryJoin('ada')).not.toBeNull();
  });

  it('refuses to leave a game under way: the score stays', () => {
    const h = new EngineHarness(plainQuiz(2));
    const [a] = h.joinAll('A', 'B');
    h.startGame();
    h.leave(a!);
    expect(h.repliesTo(h.connOf.get(a!)!)).toMatchObject([
      { type: 'error', code: 'wrong_phase', ref: 'leave' },
    ]);
    expect(h.state.players.has(a!)).toBe(true);
  });

  it('lets a latecomer give up their place in the next game at any time', () => {
    const h = new EngineHarness(plainQuiz(2));
    h.joinAll('A', 'B');
    h.startGame();
    const c = h.join('C');
    h.leave(c);
    expect(h.last).toContainEqual({ kind: 'release', playerId: c });
    expect(h.state.waiting.size).toBe(0);
    expect(h.broadcasts('player_removed')).toEqual([]);
  });

  it('says so when the player is not in the room', () => {
    const h = new EngineHarness();
    h.send({ kind: 'leave', conn: 5, playerId: 'p99' });
    expect(h.repliesTo(5)).toMatchObject([{ type: 'error', code: 'unknown_player', ref: 'leave' }]);
  });
});

describe('disconnected players in the lobby', () => {
  it(`keep their seat for ${LOBBY_GRACE_MS / 1000} s, then it is freed`, () => {
    expect(LOBBY_GRACE_MS).toBe(60_000);
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const a = h.join('Ada');
    h.join('Bob');
    h.disconnect(a);
    expect(h.timerAt).toBe(h.now + LOBBY_GRACE_MS);
    h.advance(LOBBY_GRACE_MS - 1);
    h.tick();
    expect(h.state.players.has(a)).toBe(true);
    h.fireTimer();
    expect(h.state.players.has(a)).toBe(false);
    expect(h.last).toContainEqual({ kind: 'release', playerId: a });
    expect(h.broadcasts('player_removed', 'hosts')).toEqual([{ type: 'player_removed', id: a }]);
    expect(h.timerAt).toBeNull();
  });

  it('keep their seat when they come back within the grace', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const a = h.join('Ada');
    h.disconnect(a);
    h.advance(LOBBY_GRACE_MS / 2);
    h.reconnect(a);
    h.advance(LOBBY_GRACE_MS);
    h.tick();
    expect(h.state.players.has(a)).toBe(true);
  });

  it('each get their own grace, dropped in the order they left', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a, b, c] = h.joinAll('A', 'B', 'C');
    h.disconnect(a!);
    h.advance(10_000);
    h.disconnect(b!);
    h.advance(10_000);
    h.disconnect(c!);
    h.reconnect(b!);
    h.fireTimer();
    expect([...h.state.players.keys()]).toEqual([b, c]);
    h.fireTimer();
    expect([...h.state.players.keys()]).toEqual([b]);
    expect(h.timerAt).toBeNull();
  });

  it('are a thousand throw-away joins that vanish after the grace', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const ada = h.join('Ada');
    for (let i = 0; i < 1000; i++) {
      const id = h.join(`bot ${i}`);
      h.disconnect(id);
      h.advance(10);
    }
    expect(h.state.players.size).toBe(1001);
    h.advance(LOBBY_GRACE_MS);
    h.fireTimer();
    expect([...h.state.players.keys()]).toEqual([ada]);
  });

  it('are never dropped during a game: they keep score and seat', () => {
    const h = new EngineHarness(plainQuiz(3));
    const [a, b] = h.joinAll('A', 'B');
    h.startGame();
    h.answer(a!, 0);
    h.disconnect(a!);
    h.answer(b!, 1);
    h.fireUntil((s) => s.phase === 'finished');
    h.advance(LOBBY_GRACE_MS * 2);
    expect(h.player(a!).score).toBeGreaterThan(0);
    expect(h.player(a!).connected).toBe(false);
  });

  it('get a fresh grace when a new game opens the lobby again', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 0 });
    const [a] = h.joinAll('A', 'B');
    h.startGame();
    h.disconnect(a!);
    h.fireUntil((s) => s.phase === 'finished');
    h.advance(LOBBY_GRACE_MS * 3);
    h.host({ type: 'new_game' });
    expect(h.state.players.has(a!)).toBe(true);
    expect(h.timerAt).toBe(h.now + LOBBY_GRACE_MS);
    h.fireTimer();
    expect(h.state.players.has(a!)).toBe(false);
  });

  it('are not dropped once the countdown has begun', () => {
    const h = new EngineHarness(plainQuiz(1), { minPlayers: 2 });
    const [a] = h.joinAll('A', 'B', 'C');
    h.disconnect(a!);
    expect(h.state.phase).toBe('countdown');
    h.toQuestion(0);
    h.advance(LOBBY_GRACE_MS);
    expect(h.state.players.has(a!)).toBe(true);
  });
});
