/**
 * A step's effects, held back until its input is on disk. With a game journal nothing leaves (no
 * acknowledgement, no question) before the journal has recorded the input that caused it: an
 * acknowledged answer survives a crash. The inputs of one event-loop turn share one write (one
 * fdatasync), after which their effects are released and carried out in slices: one turn's
 * inputs in an answer burst are a thousand acknowledgements, which in one go would hold the event
 * loop for tens of ms. Without a journal, effects are carried out at once.
 */
import type { Effect, Input } from '../game';
import type { GameJournal } from './game-journal';
import { measurementPoints, NO_CONTEXT } from './measurement-points';
import { SLICE_MS } from './send-queue';

export class JournaledEffects {
  private journal: GameJournal | null = null;
  /** Effects waiting for the journal to reach the disk. */
  private outbox: Effect[] = [];
  /** Effects whose inputs are on disk, carried out from `releasedHead` on. */
  private released: Effect[] = [];
  private releasedHead = 0;
  private flushScheduled = false;

  constructor(
    private readonly carryOut: (effect: Effect) => void,
    /** A player's resume token, recorded when the engine binds them so that it survives too. */
    private readonly tokenOf: (playerId: string) => string,
  ) {}

  /** From now on, effects wait for `journal`. */
  attach(journal: GameJournal): void {
    this.journal = journal;
  }

  /** The journal file, if any. */
  get path(): string | null {
    return this.journal?.path ?? null;
  }

  /** The effects of the step that handled `input` (stamped `at`). */
  release(input: Input, at: number, effects: readonly Effect[]): void {
    const journal = this.journal;
    if (!journal) {
      for (const effect of effects) this.carryOut(effect);
      return;
    }
    journal.append({ t: 'in', at, input });
    for (const e of effects) {
      if (e.kind === 'bind')
        journal.append({ t: 'token', playerId: e.playerId, token: this.tokenOf(e.playerId) });
    }
    for (const effect of effects) this.outbox.push(effect);
    this.scheduleFlush();
  }

  /**
   * The room is closing: everything recorded is written and carried out now. The journal is
   * closed (the room is over) or, when `resumable`, left for QuizServer.resume.
   */
  close(resumable: boolean, now: number): void {
    this.flush(Infinity);
    if (resumable) this.journal?.abandon(now);
    else this.journal?.close(now);
    this.journal = null;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /**
   * Writes the journal (one fdatasync), then carries out released effects for up to `budgetMs`.
   * At most one budget per turn: an InboundQueue here (tried) also lets a turn run a slice and
   * then a new flush's budget, and its 5,000-player journal run stalled 83 ms against 50.
   */
  private flush(budgetMs = SLICE_MS): void {
    measurementPoints.journalFlush.around(NO_CONTEXT, () => {
      this.flushScheduled = false;
      if (this.outbox.length > 0) {
        this.journal?.flush();
        for (const effect of this.outbox) this.released.push(effect);
        this.outbox = [];
      }
      const end = performance.now() + budgetMs;
      while (this.releasedHead < this.released.length) {
        this.carryOut(this.released[this.releasedHead++]!);
        if (this.releasedHead < this.released.length && performance.now() >= end) {
          this.scheduleFlush();
          return;
        }
      }
      this.released = [];
      this.releasedHead = 0;
    });
  }
}
