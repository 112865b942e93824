import type { LedgerItem, ScanResult } from '../../core/model';
import { workflowCommand } from '../escape/workflowCommand';
import type { FormatContext, Formatter } from './formatter';
import { messageOf } from './messages';
import { rankItems } from './rank';
import { levelOf, ruleIdOf } from './ruleInfo';

/**
 * What GitHub shows (docs: "Workflow commands", annotations): 10 errors, 10 warnings and 10 notices
 * per step, 50 annotations per job. Anything past that is dropped silently, so we choose what is shown.
 * One notice is kept back for the totals line.
 */
export const ANNOTATION_CAPS = { error: 10, warning: 10, notice: 10, job: 50 } as const;

type Command = 'error' | 'warning' | 'notice';
const COMMAND: Record<ReturnType<typeof levelOf>, Command> = { error: 'error', warning: 'warning', note: 'notice' };

function annotation(item: LedgerItem, command: Command, isNew: boolean): string {
  const props = {
    file: item.file,
    line: item.line,
    endLine: Math.max(item.line, item.endLine),
    // Columns only on one line: GitHub ignores col/endColumn across lines.
    col: item.endLine === item.line ? item.column : null,
    endColumn: item.endLine === item.line && item.endColumn ? item.endColumn : null,
    title: `${ruleIdOf(item)}${isNew ? ' (new on this branch)' : ''}`,
  };
  return workflowCommand(command, props, messageOf(item));
}

/**
 * Annotations, most important first (new on the branch, then level, then interest), at most the
 * visible number per level unless `maxItems` raises the cap, then one notice with the totals.
 */
export function formatGithub(result: ScanResult, ctx: Pick<FormatContext, 'newIds' | 'maxItems'> = {}): string {
  const newIds = ctx.newIds ?? new Set<string>();
  const caps: Record<Command, number> = ctx.maxItems !== undefined
    ? { error: ctx.maxItems, warning: ctx.maxItems, notice: ctx.maxItems }
    : { error: ANNOTATION_CAPS.error, warning: ANNOTATION_CAPS.warning, notice: ANNOTATION_CAPS.notice - 1 };
  const jobCap = ctx.maxItems !== undefined ? Number.POSITIVE_INFINITY : ANNOTATION_CAPS.job - 1;
  const shown: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const totals: Record<Command, number> = { error: 0, warning: 0, notice: 0 };
  const lines: string[] = [];
  for (const item of rankItems(result.items, newIds)) {
    const isNew = newIds.has(item.id);
    const command = COMMAND[levelOf(item, isNew)];
    totals[command]++;
    if (shown[command] >= caps[command] || lines.length >= jobCap) continue;
    shown[command]++;
    lines.push(annotation(item, command, isNew));
  }
  const hidden = result.items.length - lines.length;
  const news = result.items.filter((i) => newIds.has(i.id)).length;
  const summary = `${result.items.length} item(s): ${totals.error} error, ${totals.warning} warning, ${totals.notice} notice${newIds.size > 0 ? `; ${news} new on this branch` : ''}.`
    + (hidden > 0 ? ` ${lines.length} annotated, ${hidden} more not shown (GitHub shows at most ${ANNOTATION_CAPS.error} errors and ${ANNOTATION_CAPS.warning} warnings per step; see the SARIF or Markdown report, or --max-items).` : '');
  lines.push(workflowCommand('notice', { title: 'Debt Ledger' }, summary));
  return lines.join('\n') + '\n';
}

export const githubFormatter: Formatter = {
  name: 'github',
  summary: 'GitHub Actions annotations (workflow commands), capped to what GitHub shows',
  format: formatGithub,
};
