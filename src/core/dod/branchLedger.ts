import * as path from 'node:path';
import type { DebtLedgerConfig } from '../config/config';
import { findingsToItems, localToday } from '../ledger/ids';
import type { LedgerItem, ScanResult } from '../model';
import { linkResilience } from '../resilience/link';
import { SummaryResolver } from '../resilience/summaryResolver';
import type { ResilienceSummary } from '../resilience/model';
import { isScannedPath, scanFileTextFull, scanWorkspace } from '../scan/scanner';
import { readAt, type BranchFacts } from '../git/branchFacts';
import { createPlacement } from '../scope/placement';
import { realRoot } from '../fs/safeFs';

/** The ledger now and at the merge base, limited to what the branch changed. */
export interface BranchLedger {
  /** Every item now (markers, suppressions, resilience), paths relative to the scan root. */
  current: LedgerItem[];
  /** Items that are new on the branch (ids absent at the merge base). */
  added: LedgerItem[];
  /** Items the branch removed (present at the merge base, gone now). */
  removed: LedgerItem[];
  /** Changed files, relative to the scan root. */
  changedFiles: string[];
}

/**
 * Compares the ledger of the work tree (HEAD in CI) with the ledger at the merge base. Only changed files
 * can differ, so only they are read from git at the base; a renamed file is scanned at the base under its
 * new name, so the stable ids match and moved items are not new. Resilience findings are linked twice,
 * from current summaries and from summaries with the changed files' base versions.
 */
export async function branchLedger(
  root: string,
  config: DebtLedgerConfig,
  facts: BranchFacts,
  options: { useCache?: string | null; overrides?: ReadonlyMap<string, string>; current?: ScanResult } = {},
): Promise<BranchLedger> {
  const rel = (p: string): string | null => {
    const r = path.relative(realRoot(root), path.join(facts.top, p)).split(path.sep).join('/');
    return r.startsWith('..') ? null : r;
  };
  // In CI (uncommitted excluded) a dirty work tree must not count: read changed files at HEAD instead.
  const overrides = new Map(options.overrides ?? []);
  if (!facts.includesUncommitted) {
    for (const c of facts.changed) {
      const r = rel(c.path);
      if (r && c.status !== 'D') overrides.set(r, (await readAt(facts.top, 'HEAD', c.path)) ?? '');
    }
  }
  // A scan the caller already made is the same scan when nothing is overridden: do not scan twice.
  const now = options.current && overrides.size === 0 ? options.current : await scanWorkspace({ root, config, useGit: true, cacheFile: options.useCache ?? null, overrides });
  const today = localToday();
  const changedFiles: string[] = [];
  const baseItems = new Map<string, LedgerItem[]>();
  const baseSummaries = new Map<string, ResilienceSummary>(now.summaries ?? []);
  for (const c of facts.changed) {
    const r = rel(c.path);
    if (!r) continue;
    changedFiles.push(r);
    baseSummaries.delete(r);
    if (!isScannedPath(config, r) || c.status === 'A') continue;
    const text = await readAt(facts.top, facts.mergeBase, c.oldPath ?? c.path);
    if (text === null) continue;
    const scan = scanFileTextFull(config, r, text, today, root);
    baseItems.set(r, scan.items);
    if (scan.summary) baseSummaries.set(r, scan.summary);
  }
  const changed = new Set(changedFiles);
  const currentIds = new Set(now.items.map((i) => i.id));
  const baseResilience = config.resilience.enabled ? createPlacement(root, config).resilienceItems(findingsToItems(linkResilience(new SummaryResolver(root).resolveAll(baseSummaries), config.resilience))) : [];
  const baseIds = new Set([...[...baseItems.values()].flat().map((i) => i.id), ...baseResilience.map((i) => i.id)]);
  const added = now.items.filter((i) => (i.kind === 'resilience' || changed.has(i.file)) && !baseIds.has(i.id));
  const removed = [...[...baseItems.values()].flat(), ...baseResilience].filter((i) => !currentIds.has(i.id));
  return { current: now.items, added, removed, changedFiles };
}
