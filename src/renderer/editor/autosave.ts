/**
 * The editor's autosave, without React: a change is saved after a short pause, or at once on
 * `flush()`. Saves may overlap (a flush must send at once: the desktop window asks for one just
 * before it closes), so each save gets a ticket and only the latest one may report its outcome.
 * An older save that finishes after a newer one started says nothing, and nothing at all is
 * reported while a change is still waiting to be sent: "All changes saved" means the newest change
 * is written. Plain TypeScript so the race can be reproduced in a unit test with held promises.
 */

/** What the person sees next to the editor's heading. */
export type SaveStatus = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'draft' | 'error'; message: string };

/** How one save ended, in the words the status shows. */
export type SaveOutcome = { kind: 'saved' } | { kind: 'draft' | 'error'; message: string };

/** Starts a timer and returns the function that cancels it. */
export type Schedule = (run: () => void, ms: number) => () => void;

const realSchedule: Schedule = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface AutosaveOptions<T> {
  save: (value: T) => Promise<SaveOutcome>;
  onStatus: (status: SaveStatus) => void;
  delayMs: number;
  schedule?: Schedule;
}

export class Autosave<T> {
  private pending: { value: T } | null = null;
  private cancelTimer: (() => void) | null = null;
  private latest = 0;

  constructor(private readonly options: AutosaveOptions<T>) {}

  /** Where later saves go (the editor's API and quiz id may change while it lives). */
  saveWith(save: (value: T) => Promise<SaveOutcome>): void {
    this.options.save = save;
  }

  /** A new value to keep: shown as unsaved, written after the pause unless flushed sooner. */
  change(value: T): void {
    this.pending = { value };
    this.options.onStatus({ kind: 'idle' });
    this.cancelTimer?.();
    this.cancelTimer = (this.options.schedule ?? realSchedule)(() => this.flush(), this.options.delayMs);
  }

  /** Sends the pending change now (nothing happens when there is none). */
  flush(): void {
    this.cancelTimer?.();
    this.cancelTimer = null;
    const pending = this.pending;
    if (!pending) return;
    this.pending = null;
    const ticket = ++this.latest;
    this.options.onStatus({ kind: 'saving' });
    const report = (outcome: SaveOutcome) => {
      // Only the newest save speaks, and only when no newer change waits to be sent.
      if (ticket !== this.latest || this.pending) return;
      this.options.onStatus(outcome);
    };
    let saving: Promise<SaveOutcome>;
    try {
      saving = this.options.save(pending.value);
    } catch (e) {
      saving = Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
    void saving.then(report, (e: unknown) =>
      report({ kind: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }
}
