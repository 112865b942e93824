import type { LedgerItem, SkippedFile } from '../model';
import { linkResilience } from '../resilience/link';
import type { ResilienceConfig, ResilienceSummary } from '../resilience/model';
import { SummaryResolver } from '../resilience/summaryResolver';
import { findingsToItems } from './ids';

/**
 * The ledger of one root folder, kept per file so that one file's rescan replaces just its items.
 * Plain data: the editor and the CLI build views from `items()`.
 */
export class LedgerIndex {
  private readonly byFile = new Map<string, LedgerItem[]>();
  private readonly skippedByFile = new Map<string, string>();
  /** Per-file resilience summaries; findings are re-linked from them when one changes. */
  private readonly summaries = new Map<string, ResilienceSummary>();
  private resilienceConfig: ResilienceConfig | null = null;
  private resilience: LedgerItem[] | null = [];
  /** Resolves alias imports of summaries set per file (the full scan's come resolved) like the full scan. */
  private readonly resolver: SummaryResolver;
  /** Bumped whenever a file's items change: `items()` is memoized on it and the linked findings. */
  private version = 0;
  private all: { version: number; resilience: LedgerItem[]; items: LedgerItem[] } | null = null;

  constructor(readonly root: string) {
    this.resolver = new SummaryResolver(root);
  }

  /** The resilience settings findings are linked with; null switches resilience off. */
  setResilienceConfig(config: ResilienceConfig | null): void {
    if (JSON.stringify(config) === JSON.stringify(this.resilienceConfig)) return;
    this.resilienceConfig = config;
    this.resilience = null;
  }

  /** Replaces everything with a full scan's result (its resilience items are re-derived from summaries). */
  reset(items: readonly LedgerItem[], skipped: readonly SkippedFile[], summaries?: ReadonlyMap<string, ResilienceSummary>): void {
    this.byFile.clear();
    this.version++;
    this.skippedByFile.clear();
    this.summaries.clear();
    this.resolver.clear();
    for (const [file, summary] of summaries ?? []) this.summaries.set(file, summary);
    this.resilience = null;
    const linked: LedgerItem[] = [];
    for (const item of items) {
      if (item.kind === 'resilience') {
        linked.push(item);
        continue;
      }
      const list = this.byFile.get(item.file) ?? [];
      list.push(item);
      this.byFile.set(item.file, list);
    }
    for (const s of skipped) this.skippedByFile.set(s.file, s.reason);
    // The scan linked its findings from these same summaries: no second linking pass here.
    if (summaries && this.resilienceConfig) this.resilience = linked;
  }

  /**
   * Findings linked elsewhere (the scan worker) from the same summaries as this index's. Ignored when one
   * names a file this index has no summary of (a deletion crossed the answer): then the index links itself.
   */
  setLinkedResilience(items: readonly LedgerItem[]): void {
    if (!this.resilienceConfig || !items.every((i) => this.summaries.has(i.file))) return;
    this.resilience = [...items];
  }

  /**
   * Replaces one file's items (and, when given, its resilience summary); returns false when nothing
   * changed (no refresh needed).
   */
  setFile(file: string, items: readonly LedgerItem[], summary?: ResilienceSummary | null, note?: string): boolean {
    const before = this.byFile.get(file) ?? [];
    // A note (the parser failed, markers came from a comment scan) is kept beside the file's items.
    const noteChanged = (this.skippedByFile.get(file) ?? null) !== (note ?? null);
    if (note) this.skippedByFile.set(file, note);
    else this.skippedByFile.delete(file);
    const summaryChanged = summary !== undefined && this.setSummary(file, summary);
    if (sameItems(before, items)) return summaryChanged || noteChanged;
    this.version++;
    if (items.length === 0) this.byFile.delete(file);
    else this.byFile.set(file, [...items]);
    return true;
  }

  private setSummary(file: string, summary: ResilienceSummary | null): boolean {
    const before = this.summaries.get(file);
    if (JSON.stringify(before ?? null) === JSON.stringify(summary)) return false;
    if (summary) this.summaries.set(file, summary);
    else this.summaries.delete(file);
    this.resilience = null;
    return true;
  }

  /** Marks a file skipped (binary, too large, unreadable), dropping its items. */
  skipFile(file: string, reason: string): void {
    if (this.byFile.delete(file)) this.version++;
    this.skippedByFile.set(file, reason);
  }

  /** Forgets a deleted file; returns false when it had nothing. */
  removeFile(file: string): boolean {
    const had = this.byFile.delete(file);
    if (had) this.version++;
    const hadSummary = this.setSummary(file, null);
    return this.skippedByFile.delete(file) || had || hadSummary;
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

  /** Whether a file has items, a summary or a skip note. */
  has(file: string): boolean {
    return this.byFile.has(file) || this.skippedByFile.has(file) || this.summaries.has(file);
  }

  /**
   * One file's markers and suppressions, without linking resilience findings: the same array until the
   * file's items change, so a caller can skip work when it gets the list it had.
   */
  ownItemsOf(file: string): readonly LedgerItem[] {
    return this.byFile.get(file) ?? NO_ITEMS;
  }

  /** One file's markers and suppressions plus its resilience findings (for editor decorations and hovers). */
  itemsOf(file: string): LedgerItem[] {
    const own = this.byFile.get(file) ?? [];
    const resilience = this.resilienceItems().filter((i) => i.file === file);
    return resilience.length === 0 ? own : [...own, ...resilience];
  }

  /**
   * Markers, suppressions and resilience findings: the same array until something changes (views, the
   * badge and the status bar all ask after each change; a copy each time was most of a render on 1,600
   * items). Do not modify it; copy it to sort.
   */
  items(): readonly LedgerItem[] {
    const resilience = this.resilienceItems();
    if (this.all?.version !== this.version || this.all.resilience !== resilience) {
      this.all = { version: this.version, resilience, items: [...[...this.byFile.values()].flat(), ...resilience] };
    }
    return this.all.items;
  }

  /** Resilience findings, linked across all files' summaries (memoized until a summary changes). */
  resilienceItems(): LedgerItem[] {
    this.resilience ??= this.resilienceConfig ? findingsToItems(linkResilience(this.resolver.resolveAll(this.summaries, this.byFile.keys()), this.resilienceConfig)) : [];
    return this.resilience;
  }

  skipped(): SkippedFile[] {
    return [...this.skippedByFile].map(([file, reason]) => ({ file, reason }));
  }
}

const NO_ITEMS: readonly LedgerItem[] = Object.freeze([]);

function sameItems(a: readonly LedgerItem[], b: readonly LedgerItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i]!;
    return x.id === y.id && x.line === y.line && x.column === y.column && x.endLine === y.endLine && x.text === y.text &&
      x.owner === y.owner && x.ticket === y.ticket && x.due === y.due && x.overdue === y.overdue;
  });
}
