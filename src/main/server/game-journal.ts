/**
 * The game journal: an append-only file of everything needed to rebuild a room after the host
 * process dies. The engine is deterministic, so the journal holds the room's configuration, every
 * engine input with the time it was applied, and each player's resume token; replaying the
 * inputs through `step` gives back the exact state. Records are JSON lines; a torn last line
 * (the process died mid-write) is detected and ignored.
 *
 * Durability: records of one event-loop turn are written together with one write() and one
 * fdatasync() before any of their effects (acknowledgements) go out, so an acknowledged answer
 * survives a killed process and a power cut alike.
 */
import {
  closeSync,
  fdatasyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { GameSettingsSchema } from '../../shared/protocol/settings-schema';
import { QuizSchema, type Quiz } from '../../shared/quiz/quiz-schema';
import type { GameSettings } from '../../shared/protocol';
import type { Input } from '../game';

export const JOURNAL_VERSION = 1;

export interface RoomConfig {
  roomName: string;
  pin: string | null;
  hostToken: string;
  port: number;
  quiz: Quiz;
  settings: GameSettings;
}

const RoomConfigSchema = z.object({
  roomName: z.string(),
  pin: z.string().nullable(),
  hostToken: z.string(),
  port: z.number().int(),
  quiz: QuizSchema,
  settings: GameSettingsSchema,
});

export type JournalRecord =
  | { t: 'open'; v: number; at: number; config: RoomConfig }
  | { t: 'in'; at: number; input: Input }
  | { t: 'token'; playerId: string; token: string }
  | { t: 'closed'; at: number };

const RecordSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('open'), v: z.number(), at: z.number(), config: RoomConfigSchema }),
  // Inputs were produced by the server itself; their shape is checked by replaying them.
  z.object({ t: z.literal('in'), at: z.number(), input: z.object({ kind: z.string() }).passthrough() }),
  z.object({ t: z.literal('token'), playerId: z.string(), token: z.string() }),
  z.object({ t: z.literal('closed'), at: z.number() }),
]);

export interface JournalContents {
  config: RoomConfig;
  inputs: { at: number; input: Input }[];
  tokens: Map<string, string>;
  /** The room was closed cleanly: there is nothing to resume. */
  closed: boolean;
  /** Lines dropped at the end (a torn or damaged tail). */
  droppedLines: number;
}

export class JournalError extends Error {
  override name = 'JournalError';
}

export class GameJournal {
  private readonly fd: number;
  private pending: string[] = [];

  private constructor(readonly path: string) {
    this.fd = openSync(path, 'a');
  }

  /** Starts a new journal file for a room in `dir`. */
  static create(dir: string, config: RoomConfig, now: number): GameJournal {
    mkdirSync(dir, { recursive: true });
    const stamp = new Date(now).toISOString().replace(/[:.]/g, '-');
    const journal = new GameJournal(join(dir, `room-${stamp}-${process.pid}.jsonl`));
    journal.append({ t: 'open', v: JOURNAL_VERSION, at: now, config });
    journal.flush();
    return journal;
  }

  /** Continues an existing journal (after a resume). */
  static reopen(path: string): GameJournal {
    return new GameJournal(path);
  }

  append(record: JournalRecord): void {
    this.pending.push(JSON.stringify(record) + '\n');
  }

  get hasPending(): boolean {
    return this.pending.length > 0;
  }

  /** Writes what was appended and waits until the disk has it. */
  flush(): void {
    if (this.pending.length === 0) return;
    const data = this.pending.join('');
    this.pending = [];
    writeSync(this.fd, data);
    fdatasyncSync(this.fd);
  }

  /** Marks a clean end (nothing to resume) and closes the file. */
  close(now: number): void {
    this.append({ t: 'closed', at: now });
    this.flush();
    closeSync(this.fd);
  }

  /** Closes the file without marking an end (the room may be resumed). */
  abandon(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** Reads a journal; a damaged tail is dropped, a damaged head is an error. */
export function readJournal(path: string): JournalContents {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new JournalError(`Cannot read the game journal ${path}: ${(e as Error).message}`);
  }
  const lines = text.split('\n');
  // The last element is what follows the final newline: empty for a complete file, else torn.
  const tail = lines.pop() ?? '';
  let droppedLines = tail === '' ? 0 : 1;
  const records: JournalRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    let parsed: z.infer<typeof RecordSchema> | null;
    try {
      const result = RecordSchema.safeParse(JSON.parse(lines[i]!));
      parsed = result.success ? result.data : null;
    } catch {
      parsed = null;
    }
    if (!parsed) {
      // A damaged record: everything after it is untrustworthy.
      droppedLines += lines.length - i;
      break;
    }
    records.push(parsed as JournalRecord);
  }
  const open = records[0];
  if (!open || open.t !== 'open')
    throw new JournalError(`${path} is not a game journal (no room record at the start).`);
  if (open.v !== JOURNAL_VERSION)
    throw new JournalError(
      `${path} was written by journal version ${open.v}; this app reads ${JOURNAL_VERSION}.`,
    );
  const contents: JournalContents = {
    config: open.config,
    inputs: [],
    tokens: new Map(),
    closed: false,
    droppedLines,
  };
  for (const r of records.slice(1)) {
    if (r.t === 'in') contents.inputs.push({ at: r.at, input: r.input });
    else if (r.t === 'token') contents.tokens.set(r.playerId, r.token);
    else if (r.t === 'closed') contents.closed = true;
  }
  return contents;
}

/** The most recent journal in `dir` that was not closed cleanly, or null. */
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
      if (!readJournal(path).closed) return path;
    } catch {
      continue;
    }
  }
  return null;
}
