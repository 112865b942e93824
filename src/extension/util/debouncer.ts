import type * as vscode from 'vscode';

/**
 * Per-key debouncing: scheduling a key again within `delayMs` replaces the earlier call. Counts what is
 * pending so `Activity` can tell tests (and the status bar) when the extension is idle.
 */
export class Debouncer<K> implements vscode.Disposable {
  private readonly timers = new Map<K, NodeJS.Timeout>();

  constructor(private readonly delayMs: number, private readonly onPendingChange: () => void = () => undefined) {}

  schedule(key: K, run: () => void): void {
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      try {
        run();
      } finally {
        this.onPendingChange();
      }
    }, this.delayMs));
  }

  get pending(): number {
    return this.timers.size;
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
