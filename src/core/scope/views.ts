import type { LedgerItem } from '../model';
import { SCOPES, UNCOUNTED_SCOPES, type Scope } from './model';

/** What a headline figure (status bar, dashboard, hotspots, interest ranking) counts by default. */
export const HEADLINE_SCOPES: readonly Scope[] = ['source'];

/** Items in the given scopes (all when null). */
export function inScopes(items: readonly LedgerItem[], scopes: readonly string[] | null): LedgerItem[] {
  if (!scopes) return [...items];
  const wanted = new Set(scopes);
  return items.filter((i) => wanted.has(i.scope));
}

/** Items that count: everything but generated and vendored copies (listed, never counted, by default). */
export function countedItems(items: readonly LedgerItem[]): LedgerItem[] {
  return items.filter((i) => !UNCOUNTED_SCOPES.includes(i.scope));
}

/** Items per scope, in scope order, scopes with none left out. */
export function scopeCounts(items: readonly LedgerItem[]): { scope: Scope; count: number }[] {
  const counts = new Map<Scope, number>();
  for (const i of items) counts.set(i.scope, (counts.get(i.scope) ?? 0) + 1);
  return SCOPES.filter((s) => counts.has(s)).map((scope) => ({ scope, count: counts.get(scope)! }));
}

/** `source 120, test 40, example 3; not counted: generated 10` for summaries. */
export function scopeSummary(items: readonly LedgerItem[]): string {
  const counts = scopeCounts(items);
  const counted = counts.filter((c) => !UNCOUNTED_SCOPES.includes(c.scope)).map((c) => `${c.scope} ${c.count}`);
  const uncounted = counts.filter((c) => UNCOUNTED_SCOPES.includes(c.scope)).map((c) => `${c.scope} ${c.count}`);
  return [counted.join(', '), uncounted.length > 0 ? `not counted: ${uncounted.join(', ')}` : ''].filter(Boolean).join('; ');
}
