import type { LedgerItem } from '../model';

export const GROUP_BY = ['tag', 'file', 'owner', 'due'] as const;
/** How the ledger view groups items. `tag` groups suppressions under their marker (`@ts-ignore`). */
export type GroupBy = (typeof GROUP_BY)[number];

export interface LedgerFilter {
  /** Case-insensitive substring of text, file, tag, owner or ticket; empty for none. */
  text: string;
  /** Upper-cased tags to keep; empty for all. */
  tags: string[];
  /** POSIX path relative to the root to keep only that file's items; null for all. */
  file: string | null;
}

export const NO_FILTER: LedgerFilter = { text: '', tags: [], file: null };

export interface ItemGroup {
  /** Stable key for the view (keeps expansion state across refreshes). */
  key: string;
  label: string;
  items: LedgerItem[];
}

export function isFilterActive(filter: LedgerFilter): boolean {
  return filter.text !== '' || filter.tags.length > 0;
}

export function filterItems(items: readonly LedgerItem[], filter: LedgerFilter): LedgerItem[] {
  const needle = filter.text.toLowerCase();
  const tags = new Set(filter.tags.map((t) => t.toUpperCase()));
  return items.filter((i) =>
    (filter.file === null || i.file === filter.file) &&
    (tags.size === 0 || tags.has(i.tag.toUpperCase())) &&
    (needle === '' || [i.text, i.file, i.tag, i.owner ?? '', i.ticket ?? ''].some((s) => s.toLowerCase().includes(needle))));
}

/** Days from `today` to `due`, both `YYYY-MM-DD`. */
function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

const DUE_BUCKETS = [
  { key: 'due:overdue', label: 'Overdue' },
  { key: 'due:30', label: 'Due within 30 days' },
  { key: 'due:later', label: 'Due later' },
  { key: 'due:none', label: 'No due date' },
] as const;

function dueBucket(item: LedgerItem, today: string): (typeof DUE_BUCKETS)[number]['key'] {
  if (item.due === null) return 'due:none';
  if (item.overdue) return 'due:overdue';
  return daysUntil(item.due, today) <= 30 ? 'due:30' : 'due:later';
}

const KIND_RANK: Record<string, number> = { marker: 0, suppression: 1, resilience: 2 };
const kindRank = (g: ItemGroup): number => KIND_RANK[g.items[0]?.kind ?? 'marker'] ?? 0;

const byPlace = (a: LedgerItem, b: LedgerItem): number => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column;

/**
 * Groups items for the ledger view: by tag (most items first), by file (path order), by owner
 * (unowned last) or by due date (overdue first). Items inside a group are in file and line order,
 * or by date when grouped by due date.
 */
export function groupItems(items: readonly LedgerItem[], groupBy: GroupBy, today: string): ItemGroup[] {
  const groups = new Map<string, ItemGroup>();
  const add = (key: string, label: string, item: LedgerItem): void => {
    const g = groups.get(key) ?? { key, label, items: [] };
    g.items.push(item);
    groups.set(key, g);
  };
  for (const item of items) {
    switch (groupBy) {
      case 'tag': add(`tag:${item.tag}`, item.tag, item); break;
      case 'file': add(`file:${item.file}`, item.file, item); break;
      case 'owner': add(item.owner ? `owner:${item.owner.toLowerCase()}` : 'owner:', item.owner ?? 'No owner', item); break;
      case 'due': {
        const key = dueBucket(item, today);
        add(key, DUE_BUCKETS.find((b) => b.key === key)!.label, item);
        break;
      }
    }
  }
  const list = [...groups.values()];
  for (const g of list) g.items.sort(groupBy === 'due' ? (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || byPlace(a, b) : byPlace);
  switch (groupBy) {
    // Markers, then suppressions, then resilience gaps; most items first within each.
    case 'tag': return list.sort((a, b) => kindRank(a) - kindRank(b) || b.items.length - a.items.length || a.label.localeCompare(b.label));
    case 'file': return list.sort((a, b) => a.label.localeCompare(b.label));
    case 'owner': return list.sort((a, b) => (a.key === 'owner:' ? 1 : 0) - (b.key === 'owner:' ? 1 : 0) || a.label.localeCompare(b.label));
    case 'due': return list.sort((a, b) => DUE_BUCKETS.findIndex((x) => x.key === a.key) - DUE_BUCKETS.findIndex((x) => x.key === b.key));
  }
}
