import type { ScanResult } from '../../core/model';
import { hotspots } from '../../core/intel/interest';
import { groupByFile, summaryLine } from './summary';

export interface TableStyle {
  color: boolean;
  /** Terminal width; text is cut to fit. */
  width: number;
  /** `file` groups by file; `interest` and `age` list items in that order, with hotspots for interest. */
  sort?: 'file' | 'interest' | 'age';
}

const ANSI = { dim: '\x1b[2m', bold: '\x1b[1m', red: '\x1b[31m', yellow: '\x1b[33m', cyan: '\x1b[36m', reset: '\x1b[0m' };

/** A terminal report: items grouped by file, then counts and skipped files. */
export function formatTable(result: ScanResult, style: TableStyle): string {
  const paint = (code: keyof typeof ANSI, s: string): string => (style.color ? `${ANSI[code]}${s}${ANSI.reset}` : s);
  const lines: string[] = [];
  const groups = style.sort && style.sort !== 'file' ? [[`by ${style.sort}${style.sort === 'age' ? ' (oldest first)' : ' (costliest first)'}`, result.items] as [string, typeof result.items]] : groupByFile(result.items);
  const tagWidth = Math.max(4, ...result.items.map((i) => i.tag.length));
  for (const [file, items] of groups) {
    lines.push(paint('bold', file));
    for (const item of items) {
      const where = `${item.line}:${item.column}`.padStart(8);
      const rank = style.sort === 'interest' ? `interest ${item.interest}  ${item.file}:${item.line}` : style.sort === 'age' ? `${item.introduced?.date.slice(0, 10) ?? 'uncommitted'}  ${item.file}:${item.line}` : null;
      const meta = (rank ? [rank, item.team] : item.kind === 'resilience' ? [item.client, item.callers && `callers: ${item.callers.join(', ')}`] : [item.owner, item.ticket, item.due && `due ${item.due}`]).filter(Boolean).join('  ');
      const head = `${where}  ${item.tag.padEnd(tagWidth)}  `;
      const room = Math.max(20, style.width - head.length - (meta ? meta.length + 2 : 0));
      const text = item.text.length > room ? `${item.text.slice(0, room - 1)}…` : item.text;
      const tag = paint(item.kind === 'suppression' ? 'yellow' : item.kind === 'resilience' ? (item.severity === 'error' ? 'red' : 'yellow') : 'cyan', item.tag.padEnd(tagWidth));
      let row = `${paint('dim', where)}  ${tag}  ${text || paint('dim', '(no text)')}`;
      if (meta) row += `  ${paint('dim', meta)}`;
      if (item.overdue) row += `  ${paint('red', 'OVERDUE')}`;
      lines.push(row);
    }
    lines.push('');
  }
  if (result.items.length === 0) lines.push('No debt items found.', '');
  if (style.sort === 'interest' && result.items.length > 0) {
    lines.push('Hotspots (files by total interest):');
    for (const h of hotspots(result.items).slice(0, 10)) lines.push(`  ${String(h.interest).padStart(8)}  ${h.file} (${h.items} item${h.items === 1 ? '' : 's'})`);
    lines.push('');
  }
  const fileCount = new Set(result.items.map((i) => i.file)).size;
  lines.push(`${summaryLine(result.items)} in ${fileCount} file${fileCount === 1 ? '' : 's'}${result.stats.filesListed > 0 ? ` (${result.stats.filesScanned} scanned)` : ''}`); // no count for a merged ledger
  const skipped = result.skipped;
  if (skipped.length > 0) {
    lines.push(`${skipped.length} skipped:`);
    for (const s of skipped.slice(0, 20)) lines.push(`  ${s.file}: ${s.reason}`);
    if (skipped.length > 20) lines.push(`  … and ${skipped.length - 20} more (see --format json)`);
  }
  return lines.join('\n') + '\n';
}
