import { createHash } from 'node:crypto';
import type { LedgerItem, RawItem } from '../model';

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Today's local calendar date as `YYYY-MM-DD`. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Turns one file's raw items into ledger items. The id hashes file, kind, tag and normalised text (never
 * the line), so an edit elsewhere in the file keeps it; identical items in one file get `-2`, `-3`... in
 * document order.
 */
export function toLedgerItems(file: string, raw: readonly RawItem[], today: string): LedgerItem[] {
  const seen = new Map<string, number>();
  return raw.map((item) => {
    const base = createHash('sha1').update(`${file}\0${item.kind}\0${item.tag}\0${normalise(item.text)}`).digest('hex').slice(0, 12);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { ...item, id: n === 1 ? base : `${base}-${n}`, file, overdue: item.due !== null && item.due < today };
  });
}
