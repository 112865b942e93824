import type { LedgerItem, SkippedFile } from '../model';

/**
 * The ledger of one root folder, kept per file so that one file's rescan replaces just its items.
 * Plain data: the editor and the CLI build views from `items()`.
 */
export class LedgerIndex {
  private readonly byFile = new Map<string, LedgerItem[]>();
  private readonly skippedByFile = new Map<string, string>();

  constructor(readonly root: string) {}

  /** Replaces everything with a full scan's result. */
  reset(items: readonly LedgerItem[], skipped: readonly SkippedFile[]): void {
    this.byFile.clear();
    this.skippedByFile.clear();
    for (const item of items) {
      const list = this.byFile.get(item.file) ?? [];
      list.push(item);
      this.byFile.set(item.file, list);
    }
    for (const s of skipped) this.skippedByFile.set(s.file, s.reason);
  }

  /** Replaces one file's items; returns false when nothing changed (no refresh needed). */
  setFile(file: string, items: readonly LedgerItem[]): boolean {
    const before = this.byFile.get(file) ?? [];
    this.skippedByFile.delete(file);
    if (sameItems(before, items)) return false;
    if (items.length === 0) this.byFile.delete(file);
    else this.byFile.set(file, [...items]);
    return true;
  }

  /** Marks a file skipped (binary, too large, unreadable), dropping its items. */
  skipFile(file: string, reason: string): void {
    this.byFile.delete(file);
    this.skippedByFile.set(file, reason);
  }

  /** Forgets a deleted file; returns false when it had nothing. */
  removeFile(file: string): boolean {
    const had = this.byFile.delete(file);
    return this.skippedByFile.delete(file) || had;
  }

  /** Forgets every file below a folder (a deleted directory); returns false when none were known. */
  removeUnder(relDir: string): boolean {
    const prefix = relDir.endsWith('/') ? relDir : `${relDir}/`;
    let changed = false;
    for (const file of [...this.byFile.keys(), ...this.skippedByFile.keys()]) {
      if (file.startsWith(prefix)) changed = this.removeFile(file) || changed;
    }
    return changed;
  }

  /** Whether a file has items or a skip note. */
  has(file: string): boolean {
    return this.byFile.has(file) || this.skippedByFile.has(file);
  }

  items(): LedgerItem[] {
    return [...this.byFile.values()].flat();
  }

  skipped(): SkippedFile[] {
    return [...this.skippedByFile].map(([file, reason]) => ({ file, reason }));
  }
}

function sameItems(a: readonly LedgerItem[], b: readonly LedgerItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.id === y.id && x.line === y.line && x.column === y.column && x.endLine === y.endLine && x.text === y.text &&
      x.owner === y.owner && x.ticket === y.ticket && x.due === y.due && x.overdue === y.overdue;
  });
}
