import type { FolderTrend, TrendRow } from '../../webview/protocol';
import type { BranchTrend } from './branchTrend';
import type { TrendPoint } from './trend';

const row = (p: TrendPoint): TrendRow => ({ date: p.date.slice(0, 10), marker: p.marker, suppression: p.suppression, resilience: p.resilience });

/** A folder's branch trend as the dashboard gets it (dates as days). */
export function folderTrend(folder: string, t: BranchTrend, note: string | null = null): FolderTrend {
  return { folder, branch: t.branch, points: t.points.map(row), base: t.base, reference: t.reference.map(row), note: note ?? (t.points.length === 0 ? 'No commits in the last six months.' : null) };
}

const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0;
const isRow = (r: unknown): r is TrendRow => {
  const x = r as TrendRow;
  return !!x && typeof x === 'object' && typeof x.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(x.date) && isCount(x.marker) && isCount(x.suppression) && isCount(x.resilience);
};
const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 300;

/**
 * The trends stored by the last session (workspace state), when whole; anything else is dropped, so a
 * damaged or older entry costs only the instant first paint of the trend, never the dashboard.
 */
export function readStoredTrends(value: unknown): FolderTrend[] {
  if (!Array.isArray(value)) return [];
  return value.filter((t): t is FolderTrend => {
    const x = t as FolderTrend;
    return !!x && typeof x === 'object' && isString(x.folder) && isString(x.branch) && (x.base === null || isString(x.base)) && (x.note === null || isString(x.note))
      && Array.isArray(x.points) && x.points.length <= 100 && x.points.every(isRow) && Array.isArray(x.reference) && x.reference.length <= 100 && x.reference.every(isRow);
  });
}
