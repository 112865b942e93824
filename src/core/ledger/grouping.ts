import { AGE_BUCKETS, ageBucket, ageDays } from '../intel/interest';
import type { LedgerItem } from '../model';
import { SCOPES } from '../scope/model';

const SCOPE_ORDER: readonly string[] = SCOPES;

export const GROUP_BY = ['tag', 'folder', 'file', 'owner', 'due', 'age', 'team', 'interest', 'package', 'scope', 'environment'] as const;
/** How the ledger view groups items: by tag, folder (a tree, built by `folderTree.ts`; here: by file), file, owner, due bucket, age bucket (oldest first), team, file by interest (hotspots), monorepo package, scope or call environment. */
export type GroupBy = (typeof GROUP_BY)[number];

export interface LedgerFilter {
  /** Stable ids to keep (new on this branch); null for all. */
  ids?: ReadonlySet<string> | null;
  /** Case-insensitive substring of text, file, tag, owner or ticket; empty for none. */
  text: string;
  /** Upper-cased tags to keep; empty for all. */
  tags: string[];
  /** POSIX path relative to the root to keep only that file's items; null for all. */
  file: string | null;
  /** Scopes to keep (`source`, `test`...); null or absent for all. */
  scopes?: string[] | null;
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
    (!filter.scopes || filter.scopes.includes(i.scope)) &&
    (!filter.ids || filter.ids.has(i.id)) &&
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

const ageRank = (key: string): number => (key === 'age:new' ? -1 : AGE_BUCKETS.findIndex((b) => `age:${b.key}` === key));

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
      case 'folder':
      case 'file': add(`file:${item.file}`, item.file, item); break;
      case 'owner': add(item.owner ? `owner:${item.owner.toLowerCase()}` : 'owner:', item.owner ?? 'No owner', item); break;
      case 'due': {
        const key = dueBucket(item, today);
        add(key, DUE_BUCKETS.find((b) => b.key === key)!.label, item);
        break;
      }
      case 'age': {
        const bucket = item.introduced ? ageBucket(ageDays(item.introduced.date, today)) : null;
        add(bucket ? `age:${bucket.key}` : 'age:new', bucket?.label ?? 'Not committed / not dated yet', item);
        break;
      }
      case 'team': add(item.team ? `team:${item.team.toLowerCase()}` : 'team:', item.team ?? 'No team', item); break;
      case 'interest': add(`interest:${item.file}`, item.file, item); break;
      case 'package': add(item.package ? `package:${item.package}` : 'package:', item.package ?? 'Outside packages', item); break;
      case 'scope': add(`scope:${item.scope}`, item.scope, item); break;
      case 'environment': add(`environment:${item.environment ?? ''}`, item.environment ? `${item.environment[0]!.toUpperCase()}${item.environment.slice(1)}` : 'Not a call (markers)', item); break;
    }
  }
  const list = [...groups.values()];
  const oldestFirst = (a: LedgerItem, b: LedgerItem): number => (a.introduced?.date ?? '9999').localeCompare(b.introduced?.date ?? '9999') || byPlace(a, b);
  const costliestFirst = (a: LedgerItem, b: LedgerItem): number => b.interest - a.interest || byPlace(a, b);
  for (const g of list) g.items.sort(groupBy === 'due' ? (a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || byPlace(a, b) : groupBy === 'age' ? oldestFirst : groupBy === 'interest' ? costliestFirst : byPlace);
  const interestOf = (g: ItemGroup): number => g.items.reduce((n, i) => n + i.interest, 0);
  switch (groupBy) {
    // Markers, then suppressions, then resilience gaps; most items first within each.
    case 'tag': return list.sort((a, b) => kindRank(a) - kindRank(b) || b.items.length - a.items.length || a.label.localeCompare(b.label));
    case 'folder':
    case 'file': return list.sort((a, b) => a.label.localeCompare(b.label));
    case 'owner': return list.sort((a, b) => (a.key === 'owner:' ? 1 : 0) - (b.key === 'owner:' ? 1 : 0) || a.label.localeCompare(b.label));
    case 'due': return list.sort((a, b) => DUE_BUCKETS.findIndex((x) => x.key === a.key) - DUE_BUCKETS.findIndex((x) => x.key === b.key));
    // Oldest bucket first; undated (new) last.
    case 'age': return list.sort((a, b) => ageRank(b.key) - ageRank(a.key));
    case 'team': return list.sort((a, b) => (a.key === 'team:' ? 1 : 0) - (b.key === 'team:' ? 1 : 0) || b.items.length - a.items.length || a.label.localeCompare(b.label));
    // Hotspots: files by total interest.
    case 'interest': return list.sort((a, b) => interestOf(b) - interestOf(a) || a.label.localeCompare(b.label));
    case 'package': return list.sort((a, b) => (a.key === 'package:' ? 1 : 0) - (b.key === 'package:' ? 1 : 0) || b.items.length - a.items.length || a.label.localeCompare(b.label));
    case 'scope': return list.sort((a, b) => SCOPE_ORDER.indexOf(a.label) - SCOPE_ORDER.indexOf(b.label));
    // Server first (where an SRE acts), then universal, browser, and items that are not calls.
    case 'environment': return list.sort((a, b) => ENV_RANK.indexOf(a.key) - ENV_RANK.indexOf(b.key));
  }
}

const ENV_RANK = ['environment:server', 'environment:universal', 'environment:browser', 'environment:'];
