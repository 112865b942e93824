import type { LedgerItem, ScanResult } from '../../core/model';
import { stripControls } from '../escape/controls';
import type { Formatter } from './formatter';

/** RFC 4180 quoting, and a leading `'` on cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : stripControls(String(value));
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = ['id', 'kind', 'tag', 'file', 'line', 'column', 'text', 'owner', 'ticket', 'due', 'overdue', 'rule', 'client', 'severity', 'interest', 'introduced', 'team', 'scope', 'package', 'labels'] as const;

function cellOf(item: LedgerItem, column: (typeof COLUMNS)[number]): string | number | boolean | null {
  if (column === 'introduced') return item.introduced?.date.slice(0, 10) ?? null;
  if (column === 'labels') return item.labels.join(' ');
  return item[column];
}

/** One row per item with a header row; the JSON contract's fields (introduced as its date, labels space-separated). */
export function formatCsv(result: ScanResult): string {
  const rows = [COLUMNS.join(',')];
  for (const item of result.items) rows.push(COLUMNS.map((c) => csvCell(cellOf(item, c))).join(','));
  return rows.join('\r\n') + '\r\n';
}

export const csvFormatter: Formatter = { name: 'csv', summary: 'one row per item for a spreadsheet (formula-safe)', format: formatCsv };
