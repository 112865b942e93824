import type { LedgerItem, ScanResult } from '../../core/model';
import { countedItems, HEADLINE_SCOPES, inScopes, scopeSummary } from '../../core/scope/views';
import { hotspots } from '../../core/intel/interest';
import { oneLine } from '../escape/controls';
import type { Formatter } from './formatter';
import { groupByFile, summaryLine } from './summary';

export interface TableStyle {
  color: boolean;
  /** Terminal width; text is cut to fit. */
  width: number;
  /** `file` groups by file; `interest` and `age` list items in that order, with hotspots for interest. */
  sort?: 'file' | 'interest' | 'age';
  emptyMessage?: string;
  /** What hotspots rank (default: the source items listed). */
  ranked?: readonly LedgerItem[];
  /** What the summary counts (default: all listed but generated and vendored). */
  counted?: readonly LedgerItem[];
  /** Items left out of an interest ranking (other scopes), for a hint. */
  hidden?: number;
}

const ANSI = { dim: '\x1b[2m', bold: '\x1b[1m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', reset: '\x1b[0m' };

/** A terminal report: items grouped by file, then counts and skipped files. */
export function formatTable(result: ScanResult, style: TableStyle): string {
  const paint = (code: keyof typeof ANSI, s: string): string => (style.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  const groups = style.sort && style.sort !== 'file' ? [[`by ${style.sort}${style.sort === 'age' ? ' (oldest first)' : ' (costliest first)'}`, result.items] as [string, typeof result.items]] : groupByFile(result.items);
  const tagWidth = Math.max(4, ...result.items.map((i) => i.tag.length));
  for (const [file, items] of groups) {
    lines.push(paint('bold', oneLine(file)));
    for (const item of items) {
      const where = `${item.line}:${item.column}`.padStart(8);
      const rank = style.sort === 'interest' ? `interest ${item.interest}  ${item.file}:${item.line}` : style.sort === 'age' ? `${item.introduced?.date.slice(0, 10) ?? 'uncommitted'}  ${item.file}:${item.line}` : null;
      // Workspace text never reaches the terminal raw: ESC, BEL, OSC 8 and bidi controls are replaced.
      const meta = (rank ? [rank, item.team] : item.kind === 'resilience' ? [item.client, item.callers && `callers: ${item.callers.join(', ')}`] : [item.owner, item.ticket && (item.ticketState ? `${item.ticket} ${item.ticketState}` : item.ticket), item.due && `due ${item.due}`]).filter(Boolean).map((m) => oneLine(String(m))).join('  ');
      const head = `${where}  ${item.tag.padEnd(tagWidth)}  `;
      const room = Math.max(20, style.width - head.length - (meta ? meta.length + 2 : 0));
      const clean = oneLine(item.text);
      const text = clean.length > room ? `${clean.slice(0, room - 1)}…` : clean;
      const tag = paint(item.kind === 'suppression' ? 'yellow' : item.kind === 'resilience' ? (item.severity === 'error' ? 'red' : 'yellow') : 'cyan', item.tag.padEnd(tagWidth));
      let row = `${paint('dim', where)}  ${tag}  ${text || paint('dim', '(no text)')}`;
      if (meta) row += `  ${paint('dim', meta)}`;
      if (item.overdue) row += `  ${paint('red', 'OVERDUE')}`;
      lines.push(row);
    }
    lines.push('');
  }
  if (result.items.length === 0) lines.push(style.emptyMessage ?? 'No debt items found.', '');
  if (style.sort === 'interest' && result.items.length > 0) {
    lines.push('Hotspots (files by total interest):');
    for (const h of hotspots(style.ranked ?? inScopes(result.items, HEADLINE_SCOPES)).slice(0, 10)) lines.push(`  ${String(h.interest).padStart(8)}  ${oneLine(h.file)} (${h.items} item${h.items === 1 ? '' : 's'})`);
    lines.push('');
  }
  const counted = style.counted ?? countedItems(result.items);
  const fileCount = new Set(counted.map((i) => i.file)).size;
  lines.push(`${summaryLine(counted)} in ${fileCount} file${fileCount === 1 ? '' : 's'}${result.stats.filesListed > 0 ? ` (${result.stats.filesScanned} scanned)` : ''}`); // no count for a merged ledger
  if (result.items.length > 0) lines.push(`By scope: ${scopeSummary(result.items)}`);
  const packages = packageSummary(counted);
  if (packages) lines.push(`By package: ${packages}`);
  if (style.hidden) lines.push(`Ranked: source only; ${style.hidden} more item${style.hidden === 1 ? '' : 's'} in test, example, tooling, generated or vendored files not shown (--scope all to include them)`);
  const skipped = result.skipped;
  if (skipped.length > 0) {
    lines.push(`${skipped.length} skipped:`);
    for (const s of skipped.slice(0, 20)) lines.push(`  ${oneLine(s.file)}: ${oneLine(s.reason)}`);
    if (skipped.length > 20) lines.push(`  … and ${skipped.length - 20} more (see --format json)`);
  }
  return lines.join('\n') + '\n';
}

/** `@trpc/server 96, @trpc/client 40, … (outside packages 12)`; empty when nothing is in a package. */
function packageSummary(items: readonly LedgerItem[]): string {
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.package ?? '', (counts.get(i.package ?? '') ?? 0) + 1);
  if (counts.size === 0 || (counts.size === 1 && counts.has(''))) return '';
  const named = [...counts].filter(([k]) => k !== '').sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = named.slice(0, 8).map(([k, n]) => `${k} ${n}`);
  if (named.length > 8) shown.push(`… ${named.length - 8} more`);
  return `${shown.join(', ')}${counts.has('') ? ` (outside packages ${counts.get('')})` : ''}`;
}

export const tableFormatter: Formatter = {
  name: 'table',
  summary: 'grouped by file for a terminal (default)',
  format: formatTable,
};
