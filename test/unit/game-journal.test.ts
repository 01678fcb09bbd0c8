import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  ftruncateSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  chmodSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeGame, step, type GameState, type Input } from '../../src/main/game';
import {
  ALIVE_MS,
  findInterruptedJournal,
  GameJournal,
  JournalDamageError,
  JournalError,
  rebuildRoom,
  scanJournal,
  type RoomConfig,
} from '../../src/main/server/game-journal';
import { MAX_LINE_BYTES } from '../../src/main/server/journal-lines';
import { encodeRecord } from '../../src/main/server/journal-records';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol';
import { FakeClock } from '../support/fake-clock';
import { parseQuiz } from '../../src/shared/quiz/load-quiz';
import type { Quiz } from '../../src/shared/quiz/quiz-schema';
import { TEST_QUIZ } from '../support/test-host';
import { EngineHarness } from '../support/engine-harness';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quizroom-journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const config: RoomConfig = {
  roomName: 'Room',
  pin: null,
  hostToken: 'h'.repeat(24),
  port: 7420,
  quiz: TEST_QUIZ,
  settings: { ...DEFAULT_SETTINGS, minPlayers: 0, lateJoin: true },
};

/**
 * A room as the server runs it, without sockets: inputs go through `step` and into the journal,
 * a flush per "turn", tokens for accepted joins.
 */
class JournaledRoom {
  readonly clock = new FakeClock();
  readonly h: EngineHarness;
  journal: GameJournal;
  /** Inputs that reached the disk (flushed): what a player may have been told about. */
  readonly flushed: Input[] = [];
  private pending: Input[] = [];

  constructor(
    options: { compactAtBytes?: number; resumeFrom?: string; acceptDamageAt?: number; quiz?: Quiz } = {},
  ) {
    this.h = new EngineHarness(options.quiz ?? TEST_QUIZ, config.settings);
    const room = {
      clock: this.clock,
      game: () => this.h.state,
      ...(options.compactAtBytes ? { compactAtBytes: options.compactAtBytes } : {}),
    };
    if (options.resumeFrom) {
      const resumed = rebuildRoom(options.resumeFrom, { acceptDamageAt: options.acceptDamageAt ?? null });
      this.h.state = resumed.game;
      this.journal = GameJournal.resume(options.resumeFrom, resumed, room);
      this.input({ kind: 'resumed', pausedMs: this.clock.now() - resumed.lastAt });
    } else {
      this.journal = GameJournal.create(dir, options.quiz ? { ...config, quiz: options.quiz } : config, room);
    }
  }

  get state(): GameState {
    return this.h.state;
  }

  input(input: Input): void {
    const { effects } = step(this.h.state, input, this.clock.now());
    this.journal.append({ t: 'in', at: this.clock.now(), input });
    for (const e of effects)
      if (e.kind === 'bind')
        this.journal.append({ t: 'token', playerId: e.playerId, token: `tok-${e.playerId}` });
    this.pending.push(input);
  }

  flush(): void {
    this.journal.flush();
    this.flushed.push(...this.pending);
    this.pending = [];
  }

  join(name: string, conn: number): void {
    this.input({ kind: 'join', conn, name });
  }

  /** Lets time pass, firing the phase timer, until question `index` is open. */
  toQuestion(index: number): void {
    for (let i = 0; i < 20 && !(this.state.phase === 'question' && this.state.round?.index === index); i++) {
      this.clock.advance(Math.max(0, (this.state.endsAt ?? this.clock.now()) - this.clock.now()) + 300);
      this.input({ kind: 'timer' });
    }
    expect(this.state.round?.index).toBe(index);
  }

  answer(playerId: string, option: number): void {
    this.input({ kind: 'answer', conn: 1, playerId, question: this.h.state.round?.index ?? 0, option });
  }
}

/** Cuts the file in the middle of a record that was being written: what a crash mid-write leaves. */
function tear(path: string): void {
  appendFileSync(path, encodeRecord({ t: 'in', at: 1, input: { kind: 'timer' } }).slice(0, 23));
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').split('\n');
}

describe('the game journal', () => {
  it('reads back the room, its game and the tokens', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.join('Bob', 2);
    room.flush();
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.clock.advance(3000);
    room.input({ kind: 'timer' });
    room.clock.advance(1200);
    room.answer('p1', 0);
    room.flush();
    room.journal.abandon(room.clock.now());

    const scan = scanJournal(room.journal.path);
    expect(scan).toMatchObject({
      closed: false,
      players: 2,
      tail: null,
      damage: null,
      lastAt: room.clock.now(),
    });
    const back = rebuildRoom(room.journal.path);
    expect(serializeGame(back.game)).toEqual(serializeGame(room.state));
    expect(back.game.players.get('p1')?.pending).toEqual({
      option: 0,
      elapsedMs: 1200,
      credit: expect.any(Number),
    });
    expect([...back.tokens]).toEqual([
      ['p1', 'tok-p1'],
      ['p2', 'tok-p2'],
    ]);
    expect(findInterruptedJournal(dir)).toBe(room.journal.path);
  });

  it('cuts a torn last record, which was never acknowledged, and keeps everything before it', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.flush();
    room.journal.abandon(room.clock.now());
    const whole = statSync(room.journal.path).size;
    tear(room.journal.path);

    const scan = scanJournal(room.journal.path);
    expect(scan.damage).toBeNull();
    expect(scan.tail).toEqual({ bytes: 23, lines: 1 });
    expect(scan.keptBytes).toBe(whole);
    expect(rebuildRoom(room.journal.path).game.players.size).toBe(1);
  });

  it('cuts the file back to its last whole record before appending, so a second crash loses nothing', () => {
    let room = new JournaledRoom();
    room.join('Ada', 1);
    room.join('Bob', 2);
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.flush();
    const path = room.journal.path;
    room.journal.abandon(room.clock.now());
    // Three crashes in a row, each tearing the last write; answers acknowledged in between.
    const acknowledged: string[] = [];
    for (let crash = 0; crash < 3; crash++) {
      tear(path);
      const torn = statSync(path).size;
      room = new JournaledRoom({ resumeFrom: path });
      expect(statSync(path).size).toBeLessThan(torn);
      room.toQuestion(crash);
      room.answer('p1', crash % 2);
      room.answer('p2', (crash + 1) % 2);
      room.flush();
      acknowledged.push(`q${crash}:${crash % 2}/${(crash + 1) % 2}`);
      room.clock.advance(11_000);
      room.input({ kind: 'timer' });
      room.flush();
      room.journal.abandon(room.clock.now());
      expect(scanJournal(path)).toMatchObject({ damage: null, tail: null });
    }
    const back = rebuildRoom(path).game;
    const ada = back.players.get('p1')!;
    const bob = back.players.get('p2')!;
    expect(ada.answers.map((a, i) => `q${i}:${a?.option}/${bob.answers[i]?.option}`)).toEqual(acknowledged);
    expect(serializeGame(back)).toEqual(serializeGame(room.state));
  });

  it('reports damage in the middle with what a resume would drop, and refuses to resume silently', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.join('Bob', 2);
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.clock.advance(3000);
    room.input({ kind: 'timer' });
    room.flush();
    room.clock.advance(1000);
    const goodUntil = room.clock.now();
    room.answer('p1', 0);
    room.flush();
    room.join('Cy', 3);
    room.answer('p2', 1);
    room.flush();
    room.journal.abandon(room.clock.now());
    const path = room.journal.path;
    // One byte of Ada's answer turns (a bad disk block), the records after it are whole.
    const text = lines(path);
    const damaged = text.findIndex((l) => l.includes('"kind":"answer"'));
    text[damaged] = text[damaged]!.replace('"option":0', '"option":7');
    writeFileSync(path, text.join('\n'));
    const sizeBefore = statSync(path).size;

    const scan = scanJournal(path);
    expect(scan.tail).toBeNull();
    expect(scan.damage).toMatchObject({
      line: damaged + 1,
      reason: 'its checksum does not match its content',
      unreadable: 1,
      // Cy's join and token, Bob's answer, and the alive record of the abandon.
      records: 4,
      answers: 1,
      joins: 1,
      backTo: goodUntil,
    });
    expect(() => rebuildRoom(path)).toThrow(JournalDamageError);
    expect(() => rebuildRoom(path)).toThrow(
      new RegExp(
        `damaged at line ${damaged + 1} \\(byte [\\d,]+\\): its checksum does not match its content\\. ` +
          'After it come 4 good records \\(1 answer, 1 player joining, at \\d\\d:\\d\\d:\\d\\d\\) that a resume ' +
          'would drop, going back to the game as it was at \\d\\d:\\d\\d:\\d\\d\\.',
      ),
    );
    expect(() => rebuildRoom(path, { acceptDamageAt: scan.damage!.offset + 1 })).toThrow(JournalDamageError);
    // Nothing was changed by looking.
    expect(statSync(path).size).toBe(sizeBefore);

    const resumed = new JournaledRoom({ resumeFrom: path, acceptDamageAt: scan.damage!.offset });
    expect(resumed.state.players.size).toBe(2);
    expect(resumed.state.players.get('p1')!.pending).toBeNull();
    expect(statSync(path).size).toBe(scan.damage!.offset);
    // The journal as it was is kept beside it for whoever wants to look.
    const copies = readdirSync(dir).filter((n) => n.includes('.damaged-'));
    expect(copies).toHaveLength(1);
    expect(statSync(join(dir, copies[0]!)).size).toBe(sizeBefore);
    resumed.answer('p1', 2);
    resumed.flush();
    resumed.journal.abandon(resumed.clock.now());
    expect(scanJournal(path)).toMatchObject({ damage: null, tail: null });
  });

  it('takes unreadable lines with nothing good after them for a torn tail', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.flush();
    room.journal.abandon(room.clock.now());
    appendFileSync(room.journal.path, 'deadbeef {"t":"in"}\n\0\0\0\0\n\0\0');
    const scan = scanJournal(room.journal.path);
    expect(scan.damage).toBeNull();
    expect(scan.tail).toEqual({ bytes: 20 + 5 + 2, lines: 3 });
  });

  it('offers nothing to resume after a clean close, and refuses to resume it', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.flush();
    room.journal.close(room.clock.now());
    expect(scanJournal(room.journal.path).closed).toBe(true);
    expect(findInterruptedJournal(dir)).toBeNull();
    expect(() => rebuildRoom(room.journal.path)).toThrow(/was closed: there is nothing to resume/);
  });

  it('finds the newest interrupted journal, a damaged one too', () => {
    const first = new JournaledRoom();
    first.flush();
    first.journal.abandon(first.clock.now());
    const second = new JournaledRoom();
    second.join('Ada', 1);
    second.flush();
    second.join('Bob', 2);
    second.flush();
    second.journal.abandon(second.clock.now());
    const text = lines(second.journal.path);
    text[1] = text[1]!.replace('Ada', 'Adb');
    writeFileSync(second.journal.path, text.join('\n'));
    // Make the damaged one the newest without waiting.
    const later = new Date(Date.now() + 60_000);
    utimesSync(second.journal.path, later, later);
    expect(findInterruptedJournal(dir)).toBe(second.journal.path);
    // Ada's join is damaged: her token, Bob's join and token and the last alive come after it.
    expect(scanJournal(second.journal.path).damage).toMatchObject({ line: 2, records: 4, joins: 2 });
  });

  it('refuses a file that is not a journal, or one of an earlier version, saying so', () => {
    const path = join(dir, 'room-x.jsonl');
    writeFileSync(path, 'hello\n');
    expect(() => scanJournal(path)).toThrow(JournalError);
    expect(() => scanJournal(path)).toThrow(/not a game journal/);
    writeFileSync(path, JSON.stringify({ t: 'open', v: 1, at: 1, config }) + '\n');
    expect(() => scanJournal(path)).toThrow(/earlier version of Quizroom \(journal version 1\)/);
    writeFileSync(path, '{"t":"op');
    expect(() => scanJournal(path)).toThrow(/holds no complete record/);
    expect(findInterruptedJournal(dir)).toBeNull();
  });

  it('reads a journal of any size as a stream, holding no more than its longest line', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.flush();
    room.journal.abandon(room.clock.now());
    const path = room.journal.path;
    const kept = statSync(path).size;
    // A sparse run of zero bytes (no newline in it), as a power cut can leave, then good records.
    const fd = openSync(path, 'r+');
    ftruncateSync(fd, kept + 600 * 1024 * 1024);
    closeSync(fd);
    appendFileSync(path, '\n' + encodeRecord({ t: 'alive', at: 5 }));
    const buffersBefore = process.memoryUsage().arrayBuffers;
    const scan = scanJournal(path);
    // 600 MB read, no more than a line's limit held (a file read whole would not even fit a string).
    expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(
      MAX_LINE_BYTES + 16 * 1024 * 1024,
    );
    expect(scan.damage).toMatchObject({
      line: 5,
      offset: kept,
      reason: 'it is too long to be a record',
      records: 1,
    });
  });

  it('keeps its file and folder readable by their owner only', () => {
    if (process.platform === 'win32') return;
    const journalDir = join(dir, 'journal');
    mkdirSync(journalDir, { mode: 0o755 });
    chmodSync(journalDir, 0o755);
    const clock = new FakeClock();
    const state = new EngineHarness(TEST_QUIZ).state;
    const journal = GameJournal.create(journalDir, config, { clock, game: () => state });
    journal.abandon(clock.now());
    expect(statSync(journalDir).mode & 0o777).toBe(0o700);
    expect(statSync(journal.path).mode & 0o777).toBe(0o600);
    // A journal left by an older version, readable by all, is narrowed when resumed.
    chmodSync(journal.path, 0o644);
    const resumed = GameJournal.resume(journal.path, rebuildRoom(journal.path), { clock, game: () => state });
    resumed.abandon(clock.now());
    expect(statSync(journal.path).mode & 0o777).toBe(0o600);
  });

  it('notes once a second that the host is up while a phase runs on a timer, and not in the lobby', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.flush();
    room.clock.advance(10 * ALIVE_MS);
    expect(lines(room.journal.path).filter((l) => l.includes('"t":"alive"'))).toHaveLength(0);
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.flush();
    room.clock.advance(5 * ALIVE_MS);
    const alive = lines(room.journal.path).filter((l) => l.includes('"t":"alive"'));
    expect(alive.length).toBeGreaterThanOrEqual(4);
    expect(alive.length).toBeLessThanOrEqual(5);
    expect(scanJournal(room.journal.path).lastAt).toBeGreaterThan(room.clock.now() - ALIVE_MS - 1);
    room.journal.abandon(room.clock.now());
  });
});

describe('question kinds in the journal', () => {
  const KINDS_QUIZ = parseQuiz({
    title: 'Kinds',
    questions: [
      { kind: 'typed', prompt: 'Which city holds the Louvre?', accepted: ['Paris'], timeLimit: 20 },
      {
        kind: 'multi_select',
        prompt: 'Primes?',
        options: ['2', '4', '5', '9'],
        correct: [0, 2],
        timeLimit: 20,
      },
    ],
  });

  it('resumes mid-question on a typed answer with the answers given, graded the same, and one answer per player', () => {
    const room = new JournaledRoom({ quiz: KINDS_QUIZ });
    room.join('Ada', 1);
    room.join('Bob', 2);
    room.join('Cy', 3);
    room.flush();
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.toQuestion(0);
    room.clock.advance(1000);
    room.input({ kind: 'answer', conn: 1, playerId: 'p1', question: 0, text: ' paris! ' });
    room.input({ kind: 'answer', conn: 2, playerId: 'p2', question: 0, text: 'Lyon' });
    room.flush();
    room.journal.abandon(room.clock.now());
    room.clock.advance(60_000);

    const back = new JournaledRoom({ resumeFrom: room.journal.path });
    expect(back.state.phase).toBe('question');
    expect(back.state.round?.index).toBe(0);
    expect(back.state.round?.groups).toEqual({ paris: 1, lyon: 1 });
    expect(back.state.players.get('p1')?.pending).toEqual({ text: ' paris! ', elapsedMs: 1000, credit: 1 });
    expect(back.state.players.get('p2')?.pending).toEqual({ text: 'Lyon', elapsedMs: 1000, credit: 0 });
    // The first answer still counts after the restart; the others may still answer.
    back.input({ kind: 'answer', conn: 1, playerId: 'p1', question: 0, text: 'Lyon' });
    expect(back.state.players.get('p1')?.pending?.text).toBe(' paris! ');
    back.input({ kind: 'answer', conn: 3, playerId: 'p3', question: 0, text: 'PARIS' });
    back.toQuestion(1);
    expect(back.state.players.get('p1')?.answers[0]).toMatchObject({
      text: ' paris! ',
      correct: true,
      credit: 1,
    });
    expect(back.state.players.get('p2')?.answers[0]).toMatchObject({
      text: 'Lyon',
      correct: false,
      points: 0,
    });
    expect(back.state.players.get('p1')!.score).toBeGreaterThan(0);

    // And a partly right multi-select answer, journaled and read back, keeps its credit.
    back.input({ kind: 'answer', conn: 1, playerId: 'p1', question: 1, options: [0] });
    back.flush();
    const again = rebuildRoom(back.journal.path);
    expect(again.game.players.get('p1')?.pending).toMatchObject({ options: [0], credit: 0.5 });
    expect(serializeGame(again.game)).toEqual(serializeGame(back.state));
  });
});

describe('compaction', () => {
  /** A room of `players` that plays `questions` questions, with reconnects; returns the largest size seen. */
  function play(room: JournaledRoom, players: number, questions: number): number {
    let largest = 0;
    const watch = () => {
      room.flush();
      largest = Math.max(largest, statSync(room.journal.path).size);
    };
    for (let i = 0; i < players; i++) room.join(`Player ${i}`, i + 1);
    watch();
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.clock.advance(3000);
    room.input({ kind: 'timer' });
    watch();
    for (let q = 0; q < questions; q++) {
      for (let i = 1; i <= players; i++) {
        room.input({ kind: 'disconnected', playerId: `p${i}` });
        room.input({ kind: 'connected', playerId: `p${i}` });
        room.clock.advance(7);
        room.answer(`p${i}`, (i + q) % 2);
        if (i % 10 === 0) watch();
      }
      watch();
      room.input({ kind: 'host', conn: 0, command: { type: 'next' } });
      watch();
      if (room.state.phase === 'finished') break;
      room.input({ kind: 'host', conn: 0, command: { type: 'next' } });
      room.input({ kind: 'host', conn: 0, command: { type: 'next' } });
      watch();
    }
    return largest;
  }

  it('keeps the file bounded with snapshots, and a resume from them is the same game', () => {
    const limit = 16 * 1024;
    const room = new JournaledRoom({ compactAtBytes: limit });
    const largest = play(room, 40, 3);
    const path = room.journal.path;
    expect(readFileSync(path, 'utf8')).toContain('"t":"snapshot"');
    // Past the threshold it is compacted at the next flush outside a question; within one, at twice it.
    expect(largest).toBeLessThan(2 * limit + 8 * 1024);
    room.journal.abandon(room.clock.now());
    tear(path);
    const back = rebuildRoom(path);
    expect(serializeGame(back.game)).toEqual(serializeGame(room.state));
    expect(back.tokens.size).toBe(40);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the open question alone until the file is twice its threshold', () => {
    const limit = 8 * 1024;
    const room = new JournaledRoom({ compactAtBytes: limit });
    for (let i = 0; i < 30; i++) room.join(`Player ${i}`, i + 1);
    room.input({ kind: 'host', conn: 0, command: { type: 'start' } });
    room.clock.advance(3000);
    room.input({ kind: 'timer' });
    room.flush();
    const headBefore = lines(room.journal.path)[1]!;
    let i = 1;
    while (statSync(room.journal.path).size <= limit + 1024) {
      room.input({ kind: 'disconnected', playerId: `p${(i % 30) + 1}` });
      room.input({ kind: 'connected', playerId: `p${(i++ % 30) + 1}` });
      room.flush();
    }
    expect(room.state.phase).toBe('question');
    expect(lines(room.journal.path)[1]).toBe(headBefore);
    while (!lines(room.journal.path)[1]!.includes('"t":"snapshot"')) {
      expect(statSync(room.journal.path).size).toBeLessThanOrEqual(2 * limit + 1024);
      room.input({ kind: 'disconnected', playerId: `p${(i % 30) + 1}` });
      room.input({ kind: 'connected', playerId: `p${(i++ % 30) + 1}` });
      room.flush();
    }
    room.journal.abandon(room.clock.now());
    expect(serializeGame(rebuildRoom(room.journal.path).game)).toEqual(serializeGame(room.state));
  });

  it('cleans up after a compaction cut short by a crash', () => {
    const room = new JournaledRoom();
    room.join('Ada', 1);
    room.flush();
    room.journal.abandon(room.clock.now());
    const stale = join(dir, `.${room.journal.path.split('/').pop()}.abc123.tmp`);
    writeFileSync(stale, 'half a snapshot');
    const resumed = new JournaledRoom({ resumeFrom: room.journal.path });
    resumed.journal.abandon(resumed.clock.now());
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('writes a snapshot small enough to compact a 5,000-player game', () => {
    const room = new JournaledRoom({ compactAtBytes: 1 });
    for (let i = 0; i < 5000; i++) room.join(`Player ${i}`, i + 1);
    room.flush();
    room.journal.abandon(room.clock.now());
    // About 220 bytes a player in the lobby: a compaction is one write of about 1 MB.
    expect(statSync(room.journal.path).size).toBeLessThan(5000 * 300);
    expect(rebuildRoom(room.journal.path).game.players.size).toBe(5000);
  });
});
