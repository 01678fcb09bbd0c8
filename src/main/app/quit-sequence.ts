/**
 * What quitting does, and how long it may take. Everything that must end runs at once: the room
 * (its server thread: a close message, terminated after 5 s), the LAN announcement (its goodbye,
 * at most 2 s), browsing, and the editor's saves, the last ones handed over by the window first
 * (at most WINDOW_FLUSH_MS). Quitting then ends the process at the latest QUIT_DEADLINE_MS after
 * it began, whatever hangs: every step's own bound is shorter, so the deadline only catches a
 * step that breaks its bound (a save stuck on a network drive).
 */

/** How long the window has to hand over unsaved edits (a hung page must not hold the quit). */
export const WINDOW_FLUSH_MS = 1000;
/** The longest a quit takes from the request to the process's end. */
export const QUIT_DEADLINE_MS = 6000;

export interface QuitSteps {
  /** Asks the window to send what it has not saved; resolves when it has, or is gone. */
  flushWindow(timeoutMs: number): Promise<unknown>;
  /** Stops the room, the announcement, browsing and waits for saves under way. */
  shutdown(): Promise<unknown>;
  /** Waits for every save under way, including ones that arrive while quitting. */
  settleSaves(): Promise<unknown>;
}

export type QuitOutcome = 'finished' | 'deadline';

/** Runs the steps together; resolves when all have settled, or at the deadline. */
export function runQuit(steps: QuitSteps, deadlineMs = QUIT_DEADLINE_MS): Promise<QuitOutcome> {
  const settle = (run: () => Promise<unknown>) =>
    Promise.resolve()
      .then(run)
      .catch((e: unknown) => console.error('Quizroom: a step of quitting failed:', e));
  const all = Promise.all([
    settle(() => steps.shutdown()),
    settle(() => steps.flushWindow(WINDOW_FLUSH_MS)).then(() => settle(() => steps.settleSaves())),
  ]).then(() => 'finished' as const);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<QuitOutcome>((resolve) => {
    timer = setTimeout(() => resolve('deadline'), deadlineMs);
  });
  return Promise.race([all, deadline]).finally(() => clearTimeout(timer));
}
