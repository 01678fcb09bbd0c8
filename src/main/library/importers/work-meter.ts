/**
 * Counting the work an importer does, with no clock: every scanner adds the characters it
 * examines and every parser the input it is handed. Tests read the count for an input of size n
 * and 2n and check that it grows in step (linear), which a timing could only suggest.
 */
export interface WorkMeter {
  add(steps: number): void;
}

/** The meter imports use when nobody is counting. */
export const UNMETERED: WorkMeter = { add() {} };

export class StepCounter implements WorkMeter {
  steps = 0;

  add(steps: number): void {
    this.steps += steps;
  }
}
