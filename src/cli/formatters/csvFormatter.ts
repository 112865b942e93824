import type { ScanResult } from '../../core/model';
import { stripControls } from '../escape/controls';
import type { Formatter } from './formatter';

/** RFC 4180 quoting, and a leading `'` on cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | boolean | null): string {
  let s = value === null ? '' : stripControls(String(value));
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const COLUMNS = ['id', 'kind', 'tag', 'file', 'line', 'column', 'text', 'owner', 'ticket', 'due', 'overdue', 'rule', 'client', 'severity'] as const;

/** One row per item with a header row; same fields as the JSON contract. */
export function formatCsv(result: ScanResult): string {
  const rows = [COLUMNS.join(',')];
  for (const item of result.items) rows.push(COLUMNS.map((c) => csvCell(item[c])).join(','));
  return rows.join('\r\n') + '\r\n';
}

export const csvFormatter: Formatter = { name: 'csv', summary: 'one row per item for a spreadsheet (formula-safe)', format: formatCsv };
