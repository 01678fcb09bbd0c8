import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/shared/protocol';
import {
  findInterruptedJournal,
  GameJournal,
  JournalError,
  readJournal,
  type RoomConfig,
} from '../../src/main/server/game-journal';
import { TEST_QUIZ } from '../support/test-host';

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
  settings: DEFAULT_SETTINGS,
};

function writeSome(): GameJournal {
  const j = GameJournal.create(dir, config, 1000);
  j.append({ t: 'in', at: 1001, input: { kind: 'join', conn: 1, name: 'Ada' } });
  j.append({ t: 'token', playerId: 'p1', token: 't'.repeat(24) });
  j.append({ t: 'in', at: 1002, input: { kind: 'answer', conn: 1, playerId: 'p1', question: 0, option: 2 } });
  j.flush();
  return j;
}

describe('the game journal', () => {
  it('reads back the room, the inputs with their times, and the tokens', () => {
    const j = writeSome();
    j.abandon();
    const c = readJournal(j.path);
    expect(c.config.roomName).toBe('Room');
    expect(c.inputs.map((i) => [i.at, i.input.kind])).toEqual([
      [1001, 'join'],
      [1002, 'answer'],
    ]);
    expect(c.tokens.get('p1')).toBe('t'.repeat(24));
    expect(c.closed).toBe(false);
    expect(c.droppedLines).toBe(0);
    expect(findInterruptedJournal(dir)).toBe(j.path);
  });

  it('ignores a torn last write and keeps the rest', () => {
    const j = writeSome();
    j.abandon();
    const full = readFileSync(j.path, 'utf8');
    // Cut the file in the middle of its last record, as a process killed mid-write leaves it.
    truncateSync(j.path, full.length - 20);
    const c = readJournal(j.path);
    expect(c.inputs.map((i) => i.input.kind)).toEqual(['join']);
    expect(c.droppedLines).toBe(1);
  });

  it('drops everything after a damaged record', () => {
    const j = writeSome();
    j.abandon();
    appendFileSync(j.path, '{"t":"in","at":5,"input":{"kind":"timer"}}\n');
    const lines = readFileSync(j.path, 'utf8').split('\n');
    lines[2] = '{"t":"token","playerId":';
    writeFileSync(j.path, lines.join('\n'));
    const c = readJournal(j.path);
    expect(c.inputs.map((i) => i.input.kind)).toEqual(['join']);
    expect(c.tokens.size).toBe(0);
    expect(c.droppedLines).toBe(3);
  });

  it('offers nothing to resume after a clean close', () => {
    const j = writeSome();
    j.close(2000);
    expect(readJournal(j.path).closed).toBe(true);
    expect(findInterruptedJournal(dir)).toBeNull();
  });

  it('refuses a file that is not a journal, saying so', () => {
    const path = join(dir, 'room-x.jsonl');
    writeFileSync(path, 'hello\n');
    expect(() => readJournal(path)).toThrow(JournalError);
    expect(() => readJournal(path)).toThrow(/not a game journal/);
    expect(findInterruptedJournal(dir)).toBeNull();
  });
});
