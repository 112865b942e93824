import type { LedgerItem } from '../../core/model';
import { levelOf } from './ruleInfo';

const LEVEL_RANK = { error: 0, warning: 1, note: 2 } as const;
/** At the same level a resilience gap (a live risk) outranks a marker, and a marker a suppression. */
const KIND_RANK = { resilience: 0, marker: 1, suppression: 2, task: 3 } as const;

/**
 * Most important first, for every output that must cut: new on the branch, then level (error, warning,
 * note), then kind (gaps, markers, suppressions, tasks), then interest (costliest first), then path and line so the order is deterministic.
 */
export function rankItems(items: readonly LedgerItem[], newIds: ReadonlySet<string> = new Set()): LedgerItem[] {
  return [...items].sort((a, b) => {
    const na = newIds.has(a.id) ? 0 : 1;
    const nb = newIds.has(b.id) ? 0 : 1;
    return na - nb
      || LEVEL_RANK[levelOf(a, na === 0)] - LEVEL_RANK[levelOf(b, nb === 0)]
      || KIND_RANK[a.kind] - KIND_RANK[b.kind]
      || b.interest - a.interest
      || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
      || a.line - b.line
      || a.column - b.column;
  });
}
