import { findingsToItems } from '../../core/ledger/ids';
import type { LedgerItem } from '../../core/model';
import { linkResilience } from '../../core/resilience/link';
import type { ResilienceSummary } from '../../core/resilience/model';
import type { DebtLedgerConfig } from '../../core/config/config';
import { createPlacement } from '../../core/scope/placement';
import { SummaryResolver } from '../../core/resilience/summaryResolver';

/**
 * The scan worker's copy of each root's per-file resilience summaries, so that re-linking findings across
 * files after one file changed (tens of ms on a big repository) runs in the worker, not on the extension
 * host's event loop. Plain data, no vscode: the host keeps the same summaries in its LedgerIndex and takes
 * the linked list from here (falling back to linking itself when none comes).
 */
export class LinkState {
  private readonly roots = new Map<string, Map<string, { summary: ResilienceSummary; json: string }>>();
  /** Per root: alias imports (tsconfig paths, #imports, workspace packages) resolved as the full scan does. */
  private readonly resolvers = new Map<string, SummaryResolver>();

  /** A full scan's summaries replace the root's. */
  reset(root: string, summaries: ReadonlyMap<string, ResilienceSummary> | undefined): void {
    const map = new Map<string, { summary: ResilienceSummary; json: string }>();
    for (const [file, summary] of summaries ?? []) map.set(file, { summary, json: JSON.stringify(summary) });
    this.roots.set(root, map);
    this.resolvers.set(root, new SummaryResolver(root));
  }

  /**
   * One file's new summary (null: none, skipped or deleted). Returns the root's findings re-linked when
   * the summary changed and resilience is on; undefined when nothing changed or the root had no full scan.
   * Findings are placed (scope, package) as the full scan places them.
   */
  update(root: string, file: string, summary: ResilienceSummary | null, config: DebtLedgerConfig): LedgerItem[] | undefined {
    const map = this.roots.get(root);
    if (!map) return undefined;
    const json = summary ? JSON.stringify(summary) : null;
    if ((map.get(file)?.json ?? null) === json) return undefined;
    if (summary) map.set(file, { summary, json: json! });
    else map.delete(file);
    return config.resilience.enabled ? this.link(root, map, config) : undefined;
  }

  /** Drops deleted files (or every file below a deleted folder `dir/`). */
  forget(root: string, file: string): void {
    const map = this.roots.get(root);
    if (!map) return;
    const prefix = file.endsWith('/') ? file : `${file}/`;
    for (const f of [...map.keys()]) if (f === file || f.startsWith(prefix)) map.delete(f);
  }

  private link(root: string, map: Map<string, { summary: ResilienceSummary }>, config: DebtLedgerConfig): LedgerItem[] {
    const summaries = new Map<string, ResilienceSummary>();
    for (const [file, { summary }] of map) summaries.set(file, summary);
    const resolver = this.resolvers.get(root) ?? new SummaryResolver(root);
    this.resolvers.set(root, resolver);
    return createPlacement(root, config).resilienceItems(findingsToItems(linkResilience(resolver.resolveAll(summaries), config.resilience)));
  }
}
