import type { LedgerItem, RawItem } from '../model';
import type { ResilienceSummary } from '../resilience/model';
import type { Fingerprint, SnapshotResult } from './ledgerSnapshot';
import { namesNoFile, specifierStem, summaryStems } from './importGraph';

/** What scanning one file gave (the scanner's per-file outcome). */
export type PatchOutcome = { items: RawItem[]; summary: ResilienceSummary | null; imports: string[]; note?: string; generated?: boolean } | { reason: string };

/** The most changed files a patch takes on; more, and the per-file cache path is as fast. */
export const MAX_PATCHED_FILES = 64;

/**
 * One or a few files changed since the ledger snapshot (same file list, same key): the snapshot's result
 * with only those files scanned again, instead of the per-file cache over every file and a re-link of
 * every resilience summary. Only when the change cannot reach another file's result: each changed file
 * takes no part in resilience analysis before or after (no summary; no import that may name a summarised
 * file, so the second pass would not analyse it), and was and is scanned without a skip reason or note.
 * Otherwise null: the caller scans the normal way.
 *
 * Items keep the order of a whole scan: each file's markers in file-list order, then the resilience findings.
 */
export function patchSnapshot(
  prev: SnapshotResult,
  fp: Fingerprint,
  changed: readonly number[],
  scanOne: (rel: string) => PatchOutcome,
  toItems: (rel: string, raw: RawItem[], generated: boolean) => LedgerItem[],
  resilience: boolean,
): SnapshotResult | null {
  if (changed.length === 0 || changed.length > MAX_PATCHED_FILES) return null;
  const summarised = new Set(prev.summaries.map(([f]) => f));
  const stems = summaryStems(summarised);
  const skipped = new Set(prev.skipped.map((s) => s.file));
  const fresh = new Map<string, LedgerItem[]>();
  for (const i of changed) {
    const rel = fp.files[i]!;
    if (summarised.has(rel) || skipped.has(rel)) return null;
    const outcome = scanOne(rel);
    if ('reason' in outcome || outcome.note !== undefined) return null;
    if (resilience && (outcome.summary !== null || outcome.imports.some((spec) => mayNameSummarised(spec, stems)))) return null;
    fresh.set(rel, toItems(rel, outcome.items, outcome.generated ?? false));
  }
  const byFile = new Map<string, LedgerItem[]>();
  const findings: LedgerItem[] = [];
  for (const item of prev.items) {
    if (item.kind === 'resilience') findings.push(item);
    else if (!fresh.has(item.file)) {
      let list = byFile.get(item.file);
      if (!list) byFile.set(item.file, (list = []));
      list.push(item);
    }
  }
  for (const [rel, items] of fresh) byFile.set(rel, items);
  const items: LedgerItem[] = [];
  for (const f of fp.files) {
    const list = byFile.get(f);
    if (list) items.push(...list);
  }
  if (items.length + findings.length !== prev.items.length - countIn(prev.items, fresh) + sum(fresh)) return null; // an item outside the file list: not ours to patch
  items.push(...findings);
  return { ...prev, items };
}

function countIn(items: readonly LedgerItem[], files: ReadonlyMap<string, unknown>): number {
  let n = 0;
  for (const i of items) if (i.kind !== 'resilience' && files.has(i.file)) n++;
  return n;
}

function sum(fresh: ReadonlyMap<string, LedgerItem[]>): number {
  let n = 0;
  for (const list of fresh.values()) n += list.length;
  return n;
}

/** Whether an import specifier may resolve to a summarised file (as the scanner's second pass decides; `.`, `..` and bare package names always may). */
function mayNameSummarised(spec: string, stems: ReadonlySet<string>): boolean {
  return stems.has(specifierStem(spec)) || namesNoFile(spec);
}
