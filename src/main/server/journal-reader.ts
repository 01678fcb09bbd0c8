/**
 * Reading a game journal back, in one streamed pass: which part of it can be trusted, what a
 * crash or damage took, and the room rebuilt from it.
 *
 * Two kinds of trouble are told apart by the records' checksums:
 * - a **torn tail**: unreadable bytes after the last good record and nothing good after them. It
 *   is what a crash mid-write leaves; nothing in it was acknowledged (effects wait for the disk),
 *   so it is cut without asking;
 * - **damage in the middle**: an unreadable record followed by good ones. Resuming would drop
 *   the good ones too (nothing after a gap can be replayed), so it is refused unless the host
 *   accepts, for this very damage, what would be lost; `describeDamage` says what that is.
 */
import { createGame, restoreGame, step, type GameState } from '../game';
import { journalLines } from './journal-lines';
import { decodeRecord, JOURNAL_VERSION, type JournalRecord, type RoomConfig } from './journal-records';

export class JournalError extends Error {
  override name = 'JournalError';
}

/** What damage in the middle of a journal would take if the room were resumed up to it. */
export interface JournalDamage {
  /** The first unreadable record: its line and byte offset, and why it cannot be read. */
  line: number;
  offset: number;
  reason: string;
  /** Lines from there to the end that cannot be read. */
  unreadable: number;
  /** Good records after the damage, which would be dropped with it. */
  records: number;
  /** Of those: answers, and players who joined (got a resume token). */
  answers: number;
  joins: number;
  /** Host-clock times of the first and last dropped record that has one. */
  firstAt: number | null;
  lastAt: number | null;
  /** The time of the last good record before the damage: the room goes back to then. */
  backTo: number;
}

export interface JournalScan {
  path: string;
  config: RoomConfig;
  /** When the room was opened (its first record). */
  openedAt: number;
  /** The room was closed on purpose: there is nothing to resume. */
  closed: boolean;
  /** Players who have a resume token, in the part that is kept. */
  players: number;
  /** The latest time in the kept part: the host was up until at least then. */
  lastAt: number;
  /** Bytes of the kept part (whole good records up to the first unreadable one). */
  keptBytes: number;
  /** Bytes of the room record and the latest snapshot: the least the file can shrink to. */
  headBytes: number;
  /** A torn or unreadable tail after the last good record (never acknowledged), if any. */
  tail: { bytes: number; lines: number } | null;
  damage: JournalDamage | null;
}

/** A good record of the kept part, as a rebuild sees it. */
type RecordVisitor = (record: JournalRecord, line: number) => void;

/**
 * Reads the whole journal once, calling `visit` for each record of the part that is kept (in
 * order, none after the first unreadable line). Throws JournalError when the file is not a
 * journal this app can read.
 */
export function scanJournal(path: string, visit?: RecordVisitor): JournalScan {
  let scan: JournalScan | null = null;
  let size = 0;
  /** The first unreadable line, until it is known whether good records follow it. */
  let suspect: JournalDamage | null = null;
  let torn = false;
  try {
    for (const line of journalLines(path)) {
      size = line.end;
      if (!line.complete) {
        torn = true;
        break;
      }
      const decoded = line.oversized
        ? ({ ok: false, reason: 'it is too long to be a record' } as const)
        : decodeRecord(line.bytes);
      if (scan === null) {
        const open = openRecord(path, line.bytes, decoded);
        scan = newScan(path, open, line.end);
        visit?.(open, line.number);
        continue;
      }
      if (!decoded.ok) {
        if (suspect) suspect.unreadable++;
        else
          suspect = {
            line: line.number,
            offset: line.start,
            reason: decoded.reason,
            unreadable: 1,
            records: 0,
            answers: 0,
            joins: 0,
            firstAt: null,
            lastAt: null,
            backTo: scan.lastAt,
          };
        continue;
      }
      const record = decoded.record;
      if (suspect) {
        countDropped(suspect, record);
        continue;
      }
      keep(scan, record, line.end);
      visit?.(record, line.number);
    }
  } catch (e) {
    if (e instanceof JournalError) throw e;
    throw new JournalError(`Cannot read the game journal ${path}: ${(e as Error).message}`);
  }
  if (scan === null)
    throw new JournalError(
      `${path} holds no complete record: it is not a game journal, or the host stopped while creating it.`,
    );
  if (suspect && suspect.records > 0) scan.damage = suspect;
  else if (suspect || torn) {
    const from = suspect ? suspect.offset : scan.keptBytes;
    scan.tail = { bytes: size - from, lines: (suspect?.unreadable ?? 0) + (torn ? 1 : 0) };
  }
  return scan;
}

/** The room record that every journal starts with; anything else is refused, saying why. */
function openRecord(
  path: string,
  bytes: Buffer,
  decoded: ReturnType<typeof decodeRecord>,
): Extract<JournalRecord, { t: 'open' }> {
  if (!decoded.ok) {
    const older = olderVersion(bytes);
    if (older !== null)
      throw new JournalError(
        `${path} was written by an earlier version of Quizroom (journal version ${older}); this version reads version ${JOURNAL_VERSION} and cannot resume it.`,
      );
    throw new JournalError(
      `${path} is not a game journal, or its first record (the room) is damaged: ${decoded.reason}. It cannot be resumed.`,
    );
  }
  const open = decoded.record;
  if (open.t !== 'open')
    throw new JournalError(`${path} is not a game journal (no room record at the start).`);
  if (open.v !== JOURNAL_VERSION)
    throw new JournalError(
      `${path} was written by journal version ${open.v}; this app reads ${JOURNAL_VERSION}.`,
    );
  return open;
}

function newScan(path: string, open: Extract<JournalRecord, { t: 'open' }>, end: number): JournalScan {
  return {
    path,
    config: open.config,
    openedAt: open.at,
    closed: false,
    players: 0,
    lastAt: open.at,
    keptBytes: end,
    headBytes: end,
    tail: null,
    damage: null,
  };
}

/** The version of a journal from before checksums (its lines are bare JSON), or null. */
function olderVersion(bytes: Buffer): number | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as { t?: unknown; v?: unknown };
    return value.t === 'open' && typeof value.v === 'number' ? value.v : null;
  } catch {
    return null;
  }
}

function keep(scan: JournalScan, record: JournalRecord, end: number): void {
  scan.keptBytes = end;
  if ('at' in record) scan.lastAt = Math.max(scan.lastAt, record.at);
  switch (record.t) {
    case 'snapshot':
      scan.headBytes = end;
      scan.players = record.tokens.length;
      return;
    case 'token':
      scan.players++;
      return;
    case 'closed':
      scan.closed = true;
      return;
    default:
      return;
  }
}

function countDropped(damage: JournalDamage, record: JournalRecord): void {
  damage.records++;
  if (record.t === 'in' && record.input.kind === 'answer') damage.answers++;
  if (record.t === 'token') damage.joins++;
  if ('at' in record) {
    damage.firstAt ??= record.at;
    damage.lastAt = record.at;
  }
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const clock = (at: number) => new Date(at).toTimeString().slice(0, 8);

/** What resuming up to the damage would drop, in words a host can act on. */
export function describeDamage(path: string, damage: JournalDamage): string {
  const what = [count(damage.answers, 'answer'), count(damage.joins, 'player joining', 'players joining')];
  const when =
    damage.firstAt === null
      ? ''
      : damage.firstAt === damage.lastAt
        ? `, at ${clock(damage.firstAt)}`
        : `, from ${clock(damage.firstAt)} to ${clock(damage.lastAt!)}`;
  const unreadable =
    damage.unreadable > 1
      ? ` (${count(damage.unreadable - 1, 'more line')} after it cannot be read either)`
      : '';
  return (
    `The game journal ${path} is damaged at line ${damage.line.toLocaleString('en-US')} (byte ` +
    `${damage.offset.toLocaleString('en-US')}): ${damage.reason}${unreadable}. After it come ` +
    `${count(damage.records, 'good record')} (${what.join(', ')}${when}) that a resume would drop, ` +
    `going back to the game as it was at ${clock(damage.backTo)}.`
  );
}

export class JournalDamageError extends JournalError {
  constructor(
    readonly path: string,
    readonly damage: JournalDamage,
  ) {
    super(describeDamage(path, damage));
  }
}

/** A room rebuilt from its journal, ready to go on. */
export interface ResumedRoom extends JournalScan {
  game: GameState;
  tokens: Map<string, string>;
}

export interface RebuildOptions {
  /**
   * Resume up to damage in the middle that starts at this byte offset (as `JournalDamage.offset`
   * reported it), dropping what comes after. Damage anywhere else is still refused.
   */
  acceptDamageAt?: number | null;
}

/**
 * Rebuilds the room: the latest snapshot, then every input after it replayed through `step` at
 * its recorded time, and the players' tokens. Refuses a journal that was closed on purpose and
 * one with damage in the middle that was not accepted.
 */
export function rebuildRoom(path: string, options: RebuildOptions = {}): ResumedRoom {
  let game: GameState | null = null;
  let tokens = new Map<string, string>();
  const scan = scanJournal(path, (record, line) => {
    try {
      switch (record.t) {
        case 'open':
          game = createGame(record.config.quiz, { settings: record.config.settings });
          return;
        case 'snapshot':
          game = restoreGame(record.game);
          tokens = new Map(record.tokens);
          return;
        case 'in':
          step(game!, record.input, record.at);
          return;
        case 'token':
          tokens.set(record.playerId, record.token);
          return;
        default:
          return;
      }
    } catch (e) {
      throw new JournalError(`${path}: record ${line} cannot be replayed (${(e as Error).message}).`);
    }
  });
  if (scan.closed)
    throw new JournalError(`${path} belongs to a room that was closed: there is nothing to resume.`);
  if (scan.damage && scan.damage.offset !== options.acceptDamageAt)
    throw new JournalDamageError(path, scan.damage);
  return { ...scan, game: game!, tokens };
}
