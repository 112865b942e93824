import type { LedgerItem } from '../model';
import type { DashboardData, DashboardItem, FolderTrend } from '../../webview/protocol';
import { hotspots } from './interest';
import { UNCOUNTED_SCOPES } from '../scope/model';
import { HEADLINE_SCOPES, scopeCounts } from '../scope/views';


/** What the Debt Dashboard shows, from ledger items (with age and interest) and each folder's trend. */
export function dashboardData(folders: { name: string; items: readonly LedgerItem[] }[], trends: readonly FolderTrend[], trendNote: string | null, generated: string, headline: readonly string[] = HEADLINE_SCOPES): DashboardData {
  const everything = folders.flatMap((f) => f.items);
  // Headline figures are about the code a team ships (source by default); the rest is listed by scope.
  const all = folders.flatMap((f) => f.items.map((item) => ({ folder: f.name, item }))).filter((a) => headline.includes(a.item.scope));
  const count = <K extends string>(key: (i: LedgerItem) => K | null): { key: K; count: number }[] => {
    const m = new Map<K, number>();
    for (const { item } of all) {
      const k = key(item);
      if (k !== null) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m].map(([k, n]) => ({ key: k, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
  };
  const toItem = ({ folder, item }: { folder: string; item: LedgerItem }): DashboardItem => ({
    folder, file: item.file, line: item.line, tag: item.tag, text: item.kind === 'resilience' ? `${item.reason ?? ''}` : item.text,
    team: item.team, introduced: item.introduced?.date.slice(0, 10) ?? null, due: item.due, interest: item.interest,
  });
  return {
    generated,
    totals: count((i) => i.kind).map((c) => ({ kind: c.key, count: c.count })),
    byTeam: count((i) => i.team).map((c) => ({ team: c.key, count: c.count })),
    trends: [...trends],
    trendNote,
    hotspots: hotspots(all.map((a) => a.item)).slice(0, 10),
    oldest: all.filter((a) => a.item.introduced).sort((a, b) => a.item.introduced!.date.localeCompare(b.item.introduced!.date)).slice(0, 10).map(toItem),
    scopes: scopeCounts(everything).map((c) => ({ ...c, counted: !UNCOUNTED_SCOPES.includes(c.scope) })),
    headlineScopes: [...headline],
    overdue: all.filter((a) => a.item.overdue).sort((a, b) => (a.item.due ?? '').localeCompare(b.item.due ?? '')).slice(0, 20).map(toItem),
  };
}
