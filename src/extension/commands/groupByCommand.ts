import * as vscode from 'vscode';
import type { GroupBy } from '../../core/ledger/grouping';
import type { CommandContext } from './commandContext';

const CHOICES: { groupBy: GroupBy; label: string; detail: string }[] = [
  { groupBy: 'tag', label: '$(tag) Kind / tag', detail: 'TODO, FIXME, @ts-ignore… most items first' },
  { groupBy: 'folder', label: '$(folder) Folder', detail: 'a folder tree with counts, single-child folders compacted' },
  { groupBy: 'file', label: '$(file) File', detail: 'in path order' },
  { groupBy: 'owner', label: '$(person) Owner', detail: 'from TODO(@owner); unowned last' },
  { groupBy: 'due', label: '$(calendar) Due date', detail: 'overdue, within 30 days, later, none' },
  { groupBy: 'age', label: '$(history) Age', detail: 'oldest first: older than 5 years, 2–5 years, 1–2 years, this year, quarter, month, week (from git blame)' },
  { groupBy: 'team', label: '$(organization) Team', detail: 'from TODO(@owner) or CODEOWNERS' },
  { groupBy: 'interest', label: '$(flame) Hotspots', detail: 'files by interest: churn x age x kind, costliest first' },
  { groupBy: 'package', label: '$(package) Package', detail: 'monorepo workspace packages; outside packages last' },
  { groupBy: 'scope', label: '$(filter) Scope', detail: 'source, test, example, generated, vendored, tooling' },
];

export async function groupByCommand(ctx: CommandContext, given?: unknown): Promise<void> {
  const direct = CHOICES.find((c) => c.groupBy === given);
  const current = ctx.state.groupBy;
  const picked = direct ?? (await vscode.window.showQuickPick(
    CHOICES.map((c) => ({ ...c, description: c.groupBy === current ? '(current)' : '' })),
    { placeHolder: 'Group the ledger by…' },
  ));
  if (picked) await ctx.state.setGroupBy(picked.groupBy);
}
