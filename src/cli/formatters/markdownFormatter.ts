import type { LedgerItem, ScanResult } from '../../core/model';
import { encodePath, markdownCell } from '../escape/markdown';
import type { FormatContext, Formatter, LinkBase } from './formatter';
import { rankItems } from './rank';
import { summaryLine } from './summary';

/** GitHub rejects comments over 65,536 characters; stay well under it by default. */
export const DEFAULT_MARKDOWN_BUDGET = 60_000;

/** Kept for callers of the old name: the table-cell escaping of `escape/markdown`. */
export const escapeMarkdownCell = markdownCell;

/** `[src/a.ts:12](<blob>/src/a.ts#L12)` when the permalink base is known, else the plain location. */
export function locationCell(file: string, line: number, links: LinkBase | null | undefined): string {
  const label = `${markdownCell(file)}:${line}`;
  return links ? `[${label}](${links.blob}${encodePath(file)}#L${line})` : label;
}

/** Longest workspace text in a cell: one runaway comment must not eat the whole comment's budget. */
const CELL_MAX = 300;
const clip = (text: string): string => (text.length > CELL_MAX ? `${text.slice(0, CELL_MAX - 1)}…` : text);

function debtRow(i: LedgerItem, links: LinkBase | null | undefined, isNew: boolean): string {
  const due = i.due ? `${i.due}${i.overdue ? ' **overdue**' : ''}` : '';
  return `| ${locationCell(i.file, i.line, links)} | ${markdownCell(i.tag)}${isNew ? ' 🆕' : ''} | ${markdownCell(clip(i.text))} | ${markdownCell(clip(i.owner ?? ''))} | ${markdownCell(clip(i.ticket ?? ''))}${i.ticketState ? ` (${i.ticketState})` : ''} | ${due} |`;
}

function gapRow(i: LedgerItem, links: LinkBase | null | undefined, isNew: boolean): string {
  return `| ${locationCell(i.file, i.line, links)} | ${markdownCell(i.tag)}${isNew ? ' 🆕' : ''} | ${i.severity ?? ''} | ${markdownCell(clip(i.client ?? ''))} | ${markdownCell(clip(i.reason ?? ''))} |`;
}

interface Section {
  title: string;
  header: string[];
  items: LedgerItem[];
  row: (i: LedgerItem) => string;
}

/**
 * A pull-request comment under a hard size budget: the summary first (counts, new on this branch),
 * then one `<details>` block per section. Rows are admitted most important first (new, level, interest)
 * until `maxItems` or the budget is reached; each cut section ends with "and N more".
 */
export function formatMarkdown(result: ScanResult, ctx: Pick<FormatContext, 'newIds' | 'maxItems' | 'budget' | 'links'> = {}): string {
  const budget = ctx.budget ?? DEFAULT_MARKDOWN_BUDGET;
  const newIds = ctx.newIds ?? new Set<string>();
  const news = result.items.filter((i) => newIds.has(i.id)).length;
  const head = ['## Debt Ledger', '', `${markdownCell(summaryLine(result.items))}${newIds.size > 0 || news > 0 ? `, **${news} new on this branch**` : ''}.`, ''];
  const sections: Section[] = [
    { title: 'Debt', header: ['| Where | Tag | Text | Owner | Ticket | Due |', '| --- | --- | --- | --- | --- | --- |'], items: [], row: (i) => debtRow(i, ctx.links, newIds.has(i.id)) },
    { title: 'Resilience gaps', header: ['| Where | Rule | Severity | Client | Reason |', '| --- | --- | --- | --- | --- |'], items: [], row: (i) => gapRow(i, ctx.links, newIds.has(i.id)) },
  ];
  const sectionOf = (i: LedgerItem): Section => sections[i.kind === 'resilience' ? 1 : 0]!;
  const totals = new Map(sections.map((s) => [s, result.items.filter((i) => sectionOf(i) === s).length]));
  const skipped = result.skipped.length > 0 ? [`<details><summary>${result.skipped.length} file${result.skipped.length === 1 ? '' : 's'} skipped</summary>`, '', ...result.skipped.slice(0, 50).map((s) => `- ${markdownCell(s.file)}: ${markdownCell(s.reason)}`), ...(result.skipped.length > 50 ? [`- and ${result.skipped.length - 50} more`] : []), '', '</details>', ''] : [];
  // Fixed cost: head, each section's frame and its "and N more" line, the skipped block.
  const frame = (s: Section): number => `<details><summary>${s.title} (${totals.get(s)})</summary>\n\n`.length + s.header.join('\n').length + 2 + '\n\n</details>\n\n'.length + 120;
  let used = head.join('\n').length + 1 + skipped.join('\n').length + 1 + sections.reduce((n, s) => n + (totals.get(s)! > 0 ? frame(s) : 0), 0);
  const rows = new Map<LedgerItem, string>();
  const limit = ctx.maxItems ?? Number.POSITIVE_INFINITY;
  for (const item of rankItems(result.items, newIds)) {
    if (rows.size >= limit) break;
    const row = sectionOf(item).row(item);
    if (used + row.length + 1 >= budget) break;
    used += row.length + 1;
    rows.set(item, row);
    sectionOf(item).items.push(item);
  }
  const lines = [...head];
  for (const s of sections) {
    const total = totals.get(s)!;
    if (total === 0) continue;
    lines.push(`<details${s.items.some((i) => newIds.has(i.id)) ? ' open' : ''}><summary>${s.title} (${total})</summary>`, '', ...s.header, ...s.items.map((i) => rows.get(i)!));
    if (s.items.length < total) lines.push('', `… and ${total - s.items.length} more (${ctx.maxItems !== undefined ? `--max-items ${ctx.maxItems}` : `size budget ${budget} characters`}; the full list is in --format json or sarif).`);
    lines.push('', '</details>', '');
  }
  lines.push(...skipped);
  return lines.join('\n');
}

export const markdownFormatter: Formatter = {
  name: 'markdown',
  summary: 'a pull-request comment within a size budget (--max-items, details blocks)',
  format: formatMarkdown,
};
