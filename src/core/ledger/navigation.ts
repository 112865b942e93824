import type { LedgerItem } from '../model';

/** A place in the workspace: file (POSIX, relative) and 1-based line and column. */
export interface Place {
  file: string;
  line: number;
  column: number;
}

const byPlace = (a: Place, b: Place): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column);

/**
 * The next (or previous) item from `at`: first in the same file, then in the following files in path
 * order, wrapping around the workspace. Resilience findings are left out (they are diagnostics); null
 * when there is nothing else to go to.
 */
export function nextItem(items: readonly LedgerItem[], at: Place, direction: 'next' | 'previous'): LedgerItem | null {
  const list = items.filter((i) => i.kind !== 'resilience').sort(byPlace);
  if (list.length === 0) return null;
  if (direction === 'next') return list.find((i) => byPlace(i, at) > 0) ?? list[0]!;
  for (let n = list.length - 1; n >= 0; n--) if (byPlace(list[n]!, at) < 0) return list[n]!;
  return list[list.length - 1]!;
}

/** The item whose range (tag line to its last text line) holds `line` (1-based) in `file`, else null. */
export function itemAt(items: readonly LedgerItem[], file: string, line: number): LedgerItem | null {
  return items.find((i) => i.file === file && i.kind !== 'resilience' && line >= i.line && line <= i.endLine) ?? null;
}
