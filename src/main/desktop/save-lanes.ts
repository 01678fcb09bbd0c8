/**
 * Saves of one thing, one at a time and newest last. An editor sends a save on every pause and
 * every blur, so saves of one quiz overlap; written side by side, an older one could finish last
 * and leave its text in the file (or its draft beside a newer valid save). Here a key has one
 * write running at most and one waiting: a save that arrives while another waits replaces it
 * (both callers get the outcome of the newer one, which is what is on disk).
 */
export class SaveLanes<V, R> {
  private readonly lanes = new Map<
    string,
    { queued: { value: V; result: Promise<R>; resolve: (r: Promise<R>) => void } | null }
  >();
  private readonly pending = new Set<Promise<R>>();

  constructor(private readonly write: (key: string, value: V) => Promise<R>) {}

  save(key: string, value: V): Promise<R> {
    const lane = this.lanes.get(key);
    if (!lane) return this.run(key, value);
    if (lane.queued) {
      lane.queued.value = value;
      return lane.queued.result;
    }
    let resolve!: (r: Promise<R>) => void;
    const result = new Promise<R>((r) => (resolve = r));
    lane.queued = { value, result, resolve };
    this.track(result);
    return result;
  }

  /** Resolves when no save is running or waiting, counting saves that start while it waits. */
  async settle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private run(key: string, value: V): Promise<R> {
    const lane = this.lanes.get(key) ?? { queued: null };
    this.lanes.set(key, lane);
    const running = this.write(key, value);
    this.track(running);
    void running.then(
      () => this.next(key),
      () => this.next(key),
    );
    return running;
  }

  private next(key: string): void {
    const lane = this.lanes.get(key);
    const queued = lane?.queued;
    if (!lane || !queued) {
      this.lanes.delete(key);
      return;
    }
    lane.queued = null;
    queued.resolve(this.run(key, queued.value));
  }

  private track(p: Promise<R>): void {
    this.pending.add(p);
    void p.then(
      () => this.pending.delete(p),
      () => this.pending.delete(p),
    );
  }
}
