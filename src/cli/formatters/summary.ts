import type { LedgerItem } from '../../core/model';

/** Items per tag, most frequent first. */
export function countByTag(items: readonly LedgerItem[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.tag, (counts.get(i.tag) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Items grouped by file, files in path order, items in line order. */
export function groupByFile(items: readonly LedgerItem[]): [string, LedgerItem[]][] {
  const groups = new Map<string, LedgerItem[]>();
  for (const i of items) {
    const list = groups.get(i.file) ?? [];
    list.push(i);
    groups.set(i.file, list);
  }
  return [...groups].sort((a, b) => a[0].localeCompare(b[0])).map(([f, list]) => [f, list.sort((a, b) => a.line - b.line || a.column - b.column)]);
}

/** `12 items (TODO 5, FIXME 3...), 2 overdue`. */
export function summaryLine(items: readonly LedgerItem[]): string {
  const overdue = items.filter((i) => i.overdue).length;
  const tags = countByTag(items).map(([t, n]) => `${t} ${n}`).join(', ');
  return `${items.length} item${items.length === 1 ? '' : 's'}${tags ? ` (${tags})` : ''}, ${overdue} overdue`;
}
