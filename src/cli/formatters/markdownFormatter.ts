import type { ScanResult } from '../../core/model';
import { groupByFile, summaryLine } from './summary';

/**
 * Makes workspace text safe in a Markdown table cell: HTML is escaped (a TODO can contain `<img onerror>`),
 * pipes and backticks cannot break the table, newlines fold.
 */
export function escapeMarkdownCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`')
    .replace(/\r?\n/g, ' ');
}

/** A table fit for a pull-request comment. */
export function formatMarkdown(result: ScanResult): string {
  const lines = ['## Debt Ledger', '', summaryLine(result.items), ''];
  const debt = result.items.filter((i) => i.kind !== 'resilience');
  const gaps = result.items.filter((i) => i.kind === 'resilience');
  if (debt.length > 0) {
    lines.push('| File | Line | Tag | Text | Owner | Ticket | Due |', '| --- | ---: | --- | --- | --- | --- | --- |');
    for (const [, items] of groupByFile(debt)) {
      for (const i of items) {
        const due = i.due ? `${i.due}${i.overdue ? ' **overdue**' : ''}` : '';
        lines.push(`| ${escapeMarkdownCell(i.file)} | ${i.line} | ${escapeMarkdownCell(i.tag)} | ${escapeMarkdownCell(i.text)} | ${escapeMarkdownCell(i.owner ?? '')} | ${escapeMarkdownCell(i.ticket ?? '')} | ${due} |`);
      }
    }
    lines.push('');
  }
  if (gaps.length > 0) {
    lines.push('### Resilience gaps', '', '| File | Line | Rule | Severity | Client | Reason |', '| --- | ---: | --- | --- | --- | --- |');
    for (const [, items] of groupByFile(gaps)) {
      for (const i of items) lines.push(`| ${escapeMarkdownCell(i.file)} | ${i.line} | ${escapeMarkdownCell(i.tag)} | ${i.severity ?? ''} | ${escapeMarkdownCell(i.client ?? '')} | ${escapeMarkdownCell(i.reason ?? '')} |`);
    }
    lines.push('');
  }
  if (result.skipped.length > 0) {
    lines.push(`<details><summary>${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'} skipped</summary>`, '');
    for (const s of result.skipped) lines.push(`- ${escapeMarkdownCell(s.file)}: ${escapeMarkdownCell(s.reason)}`);
    lines.push('', '</details>', '');
  }
  return lines.join('\n');
}
