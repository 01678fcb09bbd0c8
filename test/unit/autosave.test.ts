/**
 * The editor's autosave: saves are held open by the test, so the order in which they finish is
 * chosen here, not by the machine's load. "All changes saved" may only follow the newest save.
 */
import { describe, expect, it } from 'vitest';
import {
  Autosave,
  type SaveOutcome,
  type SaveStatus,
  type Schedule,
} from '../../src/renderer/editor/autosave';

interface HeldSave {
  value: string;
  finish(outcome: SaveOutcome): Promise<void>;
  fail(error: Error): Promise<void>;
}

function harness() {
  const saves: HeldSave[] = [];
  const statuses: SaveStatus[] = [];
  let timer: { run: () => void; ms: number } | null = null;
  const schedule: Schedule = (run, ms) => {
    const mine = { run, ms };
    timer = mine;
    return () => {
      if (timer === mine) timer = null;
    };
  };
  const settle = () => new Promise<void>((r) => setImmediate(r));
  const autosave = new Autosave<string>({
    delayMs: 600,
    schedule,
    onStatus: (s) => statuses.push(s),
    save: (value) =>
      new Promise<SaveOutcome>((resolve, reject) => {
        saves.push({
          value,
          finish: (outcome) => (resolve(outcome), settle()),
          fail: (error) => (reject(error), settle()),
        });
      }),
  });
  return {
    autosave,
    saves,
    last: () => statuses.at(-1),
    fireTimer: () => {
      const t = timer;
      timer = null;
      t?.run();
    },
    timerPending: () => timer !== null,
  };
}

describe('editor autosave', () => {
  it('saves after the pause with the newest value and then says all changes are saved', async () => {
    const h = harness();
    h.autosave.change('a');
    h.autosave.change('ab');
    expect(h.saves).toHaveLength(0);
    expect(h.last()).toEqual({ kind: 'idle' });
    h.fireTimer();
    expect(h.saves.map((s) => s.value)).toEqual(['ab']);
    expect(h.last()).toEqual({ kind: 'saving' });
    await h.saves[0]!.finish({ kind: 'saved' });
    expect(h.last()).toEqual({ kind: 'saved' });
  });

  it('does not say "saved" when an older save finishes while a newer one is still being written', async () => {
    const h = harness();
    h.autosave.change('first');
    h.autosave.flush();
    h.autosave.change('second');
    h.autosave.flush();
    expect(h.saves.map((s) => s.value)).toEqual(['first', 'second']);
    await h.saves[0]!.finish({ kind: 'saved' });
    expect(h.last()).toEqual({ kind: 'saving' });
    await h.saves[1]!.finish({ kind: 'saved' });
    expect(h.last()).toEqual({ kind: 'saved' });
  });

  it('keeps the newest outcome when the older save finishes last', async () => {
    const h = harness();
    h.autosave.change('bad');
    h.autosave.flush();
    h.autosave.change('good');
    h.autosave.flush();
    await h.saves[1]!.finish({ kind: 'saved' });
    await h.saves[0]!.finish({ kind: 'draft', message: 'Saved as a draft.' });
    expect(h.last()).toEqual({ kind: 'saved' });
  });

  it('does not say "saved" while a newer change still waits for its pause', async () => {
    const h = harness();
    h.autosave.change('one');
    h.autosave.flush();
    h.autosave.change('two');
    await h.saves[0]!.finish({ kind: 'saved' });
    expect(h.last()).toEqual({ kind: 'idle' });
    expect(h.timerPending()).toBe(true);
    h.fireTimer();
    await h.saves[1]!.finish({ kind: 'saved' });
    expect(h.last()).toEqual({ kind: 'saved' });
  });

  it('reports the newest save failing, with its message, and ignores an older failure', async () => {
    const h = harness();
    h.autosave.change('x');
    h.autosave.flush();
    h.autosave.change('y');
    h.autosave.flush();
    await h.saves[0]!.fail(new Error('disk full'));
    expect(h.last()).toEqual({ kind: 'saving' });
    await h.saves[1]!.fail(new Error('the bridge is gone'));
    expect(h.last()).toEqual({ kind: 'error', message: 'the bridge is gone' });
  });

  it('sends at once on flush and does nothing when there is nothing new', () => {
    const h = harness();
    h.autosave.flush();
    expect(h.saves).toHaveLength(0);
    h.autosave.change('now');
    h.autosave.flush();
    expect(h.timerPending()).toBe(false);
    h.autosave.flush();
    expect(h.saves.map((s) => s.value)).toEqual(['now']);
  });
});
