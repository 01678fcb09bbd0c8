/**
 * The game journal: an append-only file of everything needed to rebuild a room after the host
 * process dies. The engine is deterministic, so the journal holds the room's configuration, every
 * engine input with the time it was applied, and each player's resume token; replaying the inputs
 * through `step` gives back the exact state. Line format and records: journal-records.ts; reading
 * back and telling a torn tail from damage: journal-reader.ts.
 *
 * Durability: records of one event-loop turn are written together with one write() and one
 * fdatasync() before any of their effects (acknowledgements) go out, so an acknowledged answer
 * survives a killed process and a power cut alike. A resume first cuts the file back to its last
 * whole record (and syncs file and folder), so that nothing is ever appended to a torn line.
 *
 * Bounded size: once the file has grown past its threshold, the journal is compacted: the whole
 * game is written as one snapshot record into a new file, which is synced and renamed over the old
 * one (and the folder synced). Compaction waits for the open question to close unless the file
 * reaches twice its threshold. While a phase runs on a timer, an `alive` record is written when
 * nothing else was for a second, so that a resume knows how long the host was down.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { serializeGame, type GameState } from '../game';
import { syncFolderSync } from '../library/atomic-write';
import { ensureOwnerOnlyFolderSync, narrowToOwnerSync, OWNER_ONLY_FILE } from '../library/owner-only';
import type { Clock } from './clock';
import { journalLines } from './journal-lines';
import type { ResumedRoom } from './journal-reader';
import {
  decodeRecord,
  encodeRecord,
  JOURNAL_VERSION,
  type JournalRecord,
  type RoomConfig,
} from './journal-records';

export { JOURNAL_VERSION, type JournalRecord, type RoomConfig } from './journal-records';
export {
  describeDamage,
  JournalDamageError,
  JournalError,
  rebuildRoom,
  scanJournal,
  type JournalDamage,
  type RebuildOptions,
  type JournalScan,
  type ResumedRoom,
} from './journal-reader';

/** The file is compacted once it is this big (or twice its last snapshot, if that is more). */
export const COMPACT_AT_BYTES = 16 * 1024 * 1024;
/** While nothing else is written in a timed phase, an `alive` record at least this often. */
export const ALIVE_MS = 1000;

/** What the journal needs from its room. */
export interface JournalRoom {
  clock: Clock;
  /** The engine's state as of the last appended input: what a compaction writes down. */
  game(): Readonly<GameState>;
  /** Compact past this many bytes instead of COMPACT_AT_BYTES (tests, measurements). */
  compactAtBytes?: number;
}

export class GameJournal {
  private pending: string[] = [];
  /** Bytes in the file. */
  private size: number;
  /** Bytes of the room record and the latest snapshot: what a compaction leaves. */
  private headBytes: number;
  /** Compaction failed (a full disk?): try again once the file has grown this much more. */
  private retryAt = 0;
  private lastWriteAt: number;
  private aliveTimer: unknown = null;
  private closed = false;

  private constructor(
    readonly path: string,
    private fd: number,
    private readonly config: RoomConfig,
    private readonly openedAt: number,
    private readonly tokens: Map<string, string>,
    private readonly room: JournalRoom,
    sizes: { size: number; headBytes: number },
  ) {
    this.size = sizes.size;
    this.headBytes = sizes.headBytes;
    this.lastWriteAt = room.clock.now();
    this.armAlive();
  }

  /** Starts a new journal file for a room in `dir` (a folder only its owner can read). */
  static create(dir: string, config: RoomConfig, room: JournalRoom): GameJournal {
    ensureOwnerOnlyFolderSync(dir);
    const now = room.clock.now();
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    // Two rooms of one process may open in the same millisecond (tests on a fake clock do).
    const path = join(dir, `room-${stamp}-${process.pid}-${randomBytes(3).toString('hex')}.jsonl`);
    const fd = openSync(path, 'ax', OWNER_ONLY_FILE);
    const size = writeSync(fd, encodeRecord({ t: 'open', v: JOURNAL_VERSION, at: now, config }));
    fdatasyncSync(fd);
    syncFolderSync(dir);
    return new GameJournal(path, fd, config, now, new Map(), room, { size, headBytes: size });
  }

  /**
   * Continues the journal of a rebuilt room: cuts the file back to the end of the part that was
   * replayed (a torn tail, or damage the host accepted: then a copy of the file as it was is kept
   * beside it) and syncs the file and its folder before anything is appended.
   */
  static resume(path: string, resumed: ResumedRoom, room: JournalRoom): GameJournal {
    const dir = dirname(path);
    ensureOwnerOnlyFolderSync(dir);
    narrowToOwnerSync(path);
    removeStaleTemps(path);
    if (resumed.damage) {
      const stamp = new Date(room.clock.now()).toISOString().replace(/[:.]/g, '-');
      const copy = `${path}.damaged-${stamp}`;
      copyFileSync(path, copy);
      narrowToOwnerSync(copy);
    }
    const fd = openSync(path, 'r+');
    try {
      if (statSync(path).size !== resumed.keptBytes) ftruncateSync(fd, resumed.keptBytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    syncFolderSync(dir);
    return new GameJournal(
      path,
      openSync(path, 'a', OWNER_ONLY_FILE),
      resumed.config,
      resumed.openedAt,
      new Map(resumed.tokens),
      room,
      { size: resumed.keptBytes, headBytes: resumed.headBytes },
    );
  }

  append(record: JournalRecord): void {
    if (record.t === 'token') this.tokens.set(record.playerId, record.token);
    this.pending.push(encodeRecord(record));
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Writes what was appended and waits until the disk has it; compacts the file when due. */
  flush(): void {
    if (this.pending.length > 0) {
      const data = this.pending.join('');
      this.pending = [];
      this.size += writeSync(this.fd, data);
      fdatasyncSync(this.fd);
      this.lastWriteAt = this.room.clock.now();
    }
    if (this.compactionDue()) this.compact();
  }

  /** Marks a clean end (nothing to resume) and closes the file. */
  close(now: number): void {
    this.append({ t: 'closed', at: now });
    this.end();
  }

  /** Closes the file without marking an end (the room may be resumed): notes when it stopped. */
  abandon(now: number): void {
    this.append({ t: 'alive', at: now });
    this.end();
  }

  private end(): void {
    this.room.clock.clearTimeout(this.aliveTimer);
    this.closed = true;
    // What was appended is written; no compaction now that the room stops.
    const data = this.pending.join('');
    this.pending = [];
    if (data) {
      this.size += writeSync(this.fd, data);
      fdatasyncSync(this.fd);
    }
    closeSync(this.fd);
  }

  private threshold(): number {
    return Math.max(this.room.compactAtBytes ?? COMPACT_AT_BYTES, 2 * this.headBytes, this.retryAt);
  }

  private compactionDue(): boolean {
    const threshold = this.threshold();
    if (this.size <= threshold) return false;
    // Answers should not wait for a snapshot: during a question only a file twice too big is.
    const game = this.room.game();
    return game.phase !== 'question' || this.size > 2 * threshold;
  }

  /**
   * Writes the room record and a snapshot of the game into a new file and renames it over the
   * journal. Runs right after a flush, so the snapshot is the state after every record written.
   */
  private compact(): void {
    const now = this.room.clock.now();
    const game = this.room.game();
    const tokens = [...this.tokens].filter(([playerId]) => game.players.has(playerId));
    const head =
      encodeRecord({ t: 'open', v: JOURNAL_VERSION, at: this.openedAt, config: this.config }) +
      encodeRecord({ t: 'snapshot', at: now, game: serializeGame(game), tokens });
    const temp = join(dirname(this.path), `.${basename(this.path)}.${randomBytes(6).toString('hex')}.tmp`);
    let fd: number | null = null;
    try {
      fd = openSync(temp, 'ax', OWNER_ONLY_FILE);
      const size = writeSync(fd, head);
      fdatasyncSync(fd);
      renameSync(temp, this.path);
      closeSync(this.fd);
      this.fd = fd;
      this.size = this.headBytes = size;
      this.tokens.clear();
      for (const [playerId, token] of tokens) this.tokens.set(playerId, token);
      this.retryAt = 0;
    } catch {
      // The journal as it was is whole and stays in use; the room goes on. Tried again later.
      if (fd !== null) closeSync(fd);
      try {
        unlinkSync(temp);
      } catch {
        // Never created.
      }
      this.retryAt = this.size + this.threshold();
      return;
    }
    syncFolderSync(dirname(this.path));
  }

  private armAlive(): void {
    const clock = this.room.clock;
    this.aliveTimer = clock.setTimeout(() => {
      if (this.closed) return;
      const now = clock.now();
      if (this.room.game().endsAt !== null && now - this.lastWriteAt >= ALIVE_MS) {
        this.append({ t: 'alive', at: now });
        this.flush();
      }
      this.armAlive();
    }, ALIVE_MS / 4);
  }
}

/** Compactions cut short by a crash leave their temporary file; the journal itself is whole. */
function removeStaleTemps(path: string): void {
  const prefix = `.${basename(path)}.`;
  for (const name of readdirSync(dirname(path))) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) unlinkSync(join(dirname(path), name));
  }
}

/** The last line of a file, if the file ends with one, read from its end. */
function lastLine(path: string): Buffer | null {
  const fd = openSync(path, 'r');
  try {
    const size = statSync(path).size;
    const length = Math.min(size, 4096);
    const tail = Buffer.alloc(length);
    readSync(fd, tail, 0, length, size - length);
    if (tail[length - 1] !== 0x0a) return null;
    const start = tail.lastIndexOf(0x0a, length - 2) + 1;
    return start === 0 && length < size ? null : tail.subarray(start, length - 1);
  } finally {
    closeSync(fd);
  }
}

/** Whether a journal ends with its room's clean close (read from the end: no need to read it all). */
function closedCleanly(path: string): boolean {
  const line = lastLine(path);
  if (!line) return false;
  const decoded = decodeRecord(line);
  return decoded.ok && decoded.record.t === 'closed';
}

/** Whether a file starts with a room record this app reads. */
function startsAsJournal(path: string): boolean {
  for (const line of journalLines(path)) {
    if (!line.complete) return false;
    const decoded = decodeRecord(line.bytes);
    return decoded.ok && decoded.record.t === 'open' && decoded.record.v === JOURNAL_VERSION;
  }
  return false;
}

/**
 * The most recent journal in `dir` that was not closed cleanly, or null. A damaged one is
 * returned too: reading it (scanJournal, rebuildRoom) says what is damaged.
 */
export function findInterruptedJournal(dir: string): string | null {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith('room-') && n.endsWith('.jsonl'));
  } catch {
    return null;
  }
  const byAge = names
    .map((n) => ({ path: join(dir, n), mtime: statSync(join(dir, n)).mtimeMs }))
    .sort((a, b) => b.mtime - a.mtime);
  for (const { path } of byAge) {
    try {
      if (!closedCleanly(path) && startsAsJournal(path)) return path;
    } catch {
      continue;
    }
  }
  return null;
}
