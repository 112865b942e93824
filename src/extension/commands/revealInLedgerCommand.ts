import * as vscode from 'vscode';
import type { EditorCommandContext } from './editorCommandContext';
import { targetItem } from './editorCommandContext';

/** Selects the item under the cursor (or the hover's item) in the Ledger view, expanding its groups. */
export async function revealInLedgerCommand(ctx: EditorCommandContext, given?: unknown): Promise<void> {
  const target = targetItem(ctx, given);
  if (!target) {
    void vscode.window.showInformationMessage('Debt Ledger: there is no debt item on this line.');
    return;
  }
  const node = ctx.tree.findItemNode(target.ledger, target.item.id);
  if (!node) {
    void vscode.window.showInformationMessage('Debt Ledger: the item is hidden by the current filter.');
    return;
  }
  await ctx.view.reveal(node, { select: true, focus: true, expand: true });
}
