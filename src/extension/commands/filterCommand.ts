import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** Filter by text and/or tags. Text matches item text, file, tag, owner and ticket. */
export async function filterCommand(ctx: CommandContext): Promise<void> {
  const current = ctx.state.filter;
  const choice = await vscode.window.showQuickPick(
    [
      { label: '$(search) Filter by text…', description: current.text ? `now: "${current.text}"` : '', id: 'text' },
      { label: '$(tag) Filter by tag…', description: current.tags.length ? `now: ${current.tags.join(', ')}` : '', id: 'tag' },
      { label: '$(clear-all) Clear filter', id: 'clear' },
    ],
    { placeHolder: 'Filter the ledger' },
  );
  if (!choice) return;
  if (choice.id === 'clear') {
    await ctx.state.setFilter({ text: '', tags: [] });
  } else if (choice.id === 'text') {
    const text = await vscode.window.showInputBox({ prompt: 'Show items whose text, file, tag, owner or ticket contains', value: current.text, placeHolder: 'e.g. retry, @maria, src/api' });
    if (text !== undefined) await ctx.state.setFilter({ ...current, text: text.trim() });
  } else {
    const counts = new Map<string, number>();
    for (const l of ctx.controller.folders()) for (const i of l.index.items()) counts.set(i.tag, (counts.get(i.tag) ?? 0) + 1);
    const picks = await vscode.window.showQuickPick(
      [...counts].sort((a, b) => b[1] - a[1]).map(([tag, n]) => ({ label: tag, description: `${n}`, picked: current.tags.includes(tag.toUpperCase()) })),
      { canPickMany: true, placeHolder: 'Show only these tags (none = all)' },
    );
    if (picks) await ctx.state.setFilter({ ...current, tags: picks.map((p) => p.label.toUpperCase()) });
  }
}

export async function clearFilterCommand(ctx: CommandContext): Promise<void> {
  await ctx.state.setFilter({ text: '', tags: [] });
}
