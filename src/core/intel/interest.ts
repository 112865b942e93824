import type { LedgerItem } from '../model';

/** Age buckets for views and `--sort age`: `maxDays` is inclusive (365 = up to one year). */
export const AGE_BUCKETS = [
  { key: 'week', label: 'This week', maxDays: 7 },
  { key: 'month', label: 'This month', maxDays: 30 },
  { key: 'quarter', label: 'This quarter', maxDays: 91 },
  { key: 'year', label: 'This year', maxDays: 365 },
  { key: '1-2y', label: '1–2 years', maxDays: 730 },
  { key: '2-5y', label: '2–5 years', maxDays: 1826 },
  { key: 'older', label: 'Older than 5 years', maxDays: Number.POSITIVE_INFINITY },
] as const;

/** Whole days from an ISO date to `today` (`YYYY-MM-DD`); 0 for null (uncommitted: new). */
export function ageDays(isoDate: string | null, today: string): number {
  if (!isoDate) return 0;
  return Math.max(0, Math.floor((Date.parse(`${today}T23:59:59Z`) - Date.parse(isoDate)) / 86_400_000));
}

export function ageBucket(days: number): (typeof AGE_BUCKETS)[number] {
  return AGE_BUCKETS.find((b) => days <= b.maxDays)!;
}

/** How much an item of this kind costs while it stays (see README, "Interest"). */
export function kindWeight(item: LedgerItem): number {
  if (item.kind === 'resilience') return item.severity === 'error' ? 4 : item.severity === 'warning' ? 3 : 2;
  if (item.overdue) return 3;
  if (item.kind === 'suppression') return 1.5;
  return ['FIXME', 'BUG', 'HACK', 'XXX'].includes(item.tag) ? 2 : 1;
}

/**
 * Interest = kind weight x (1 + changes to the file in the churn window) x (1 + age in years).
 * Items in code that keeps changing are paid for on every change; old items have been paid for longest.
 * Rounded to one decimal; higher = costlier.
 */
export function interestOf(item: LedgerItem, churn: number, days: number): number {
  return Math.round(kindWeight(item) * (1 + churn) * (1 + days / 365) * 10) / 10;
}

/** Files by total interest of their items, costliest first. */
export function hotspots(items: readonly LedgerItem[]): { file: string; interest: number; items: number }[] {
  const byFile = new Map<string, { interest: number; items: number }>();
  for (const i of items) {
    const h = byFile.get(i.file) ?? { interest: 0, items: 0 };
    h.interest += i.interest;
    h.items++;
    byFile.set(i.file, h);
  }
  return [...byFile].map(([file, h]) => ({ file, interest: Math.round(h.interest * 10) / 10, items: h.items })).sort((a, b) => b.interest - a.interest || a.file.localeCompare(b.file));
}
