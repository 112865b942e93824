/**
 * Tracks work in flight (scans, debounced updates) so that callers can wait until the extension is idle.
 * Used by the test API; costs nothing when nobody waits.
 */
export class Activity {
  private running = 0;
  private waiters: (() => void)[] = [];
  private readonly pendingSources: (() => number)[] = [];

  /** Adds a source of pending work, e.g. a debouncer's timer count. */
  addPendingSource(count: () => number): void {
    this.pendingSources.push(count);
  }

  async track<T>(work: Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work;
    } finally {
      this.running--;
      this.check();
    }
  }

  /** Call when a pending source may have become empty. */
  check(): void {
    if (!this.busy) {
      const ws = this.waiters;
      this.waiters = [];
      for (const w of ws) w();
    }
  }

  get busy(): boolean {
    return this.running > 0 || this.pendingSources.some((p) => p() > 0);
  }

  whenIdle(): Promise<void> {
    return this.busy ? new Promise((resolve) => this.waiters.push(resolve)) : Promise.resolve();
  }
}
