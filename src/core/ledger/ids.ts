import { createHash } from 'node:crypto';
import type { LedgerItem, RawItem } from '../model';
import type { ResilienceFinding } from '../resilience/link';

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
    return { ...item, id: n === 1 ? base : `${base}-${n}`, file, overdue: item.due !== null && item.due < today, ...NO_RESILIENCE };
  });
}

const NO_RESILIENCE = { rule: null, client: null, reason: null, severity: null, endColumn: null, callers: null, introduced: null, team: null, author: null, interest: 0, scope: 'source', package: null } as const;

/**
 * Resilience findings as ledger items. The id hashes file, rule, callee and enclosing function (never
 * the line), with `-N` for repeats, so unrelated edits keep it.
 */
export function findingsToItems(findings: readonly ResilienceFinding[]): LedgerItem[] {
  const seen = new Map<string, number>();
  const sorted = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.span.line - b.span.line || a.span.column - b.span.column || a.rule.localeCompare(b.rule));
  return sorted.map((f) => {
    const base = createHash('sha1').update(`${f.file}\0resilience\0${f.rule}\0${f.identity}`).digest('hex').slice(0, 12);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return {
      id: n === 1 ? base : `${base}-${n}`, kind: 'resilience', tag: f.rule, file: f.file, line: f.span.line, column: f.span.column, endLine: f.span.endLine,
      text: f.reason, owner: null, owners: [], labels: [], ticket: null, due: null, overdue: false,
      rule: f.rule, client: f.client, reason: f.reason, severity: f.severity, endColumn: f.span.endColumn, callers: f.callers.length > 0 ? f.callers : null,
      introduced: null, team: null, author: null, interest: 0, scope: 'source', package: null, environment: f.environment,
    };
  });
}
