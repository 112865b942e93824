import * as vscode from 'vscode';
import type { EditorCommandContext } from './editorCommandContext';
import { targetItem } from './editorCommandContext';

/** Copies a web link to the item's line at HEAD (from `origin`); says why when there is none. */
export async function copyPermalinkCommand(ctx: EditorCommandContext, given?: unknown): Promise<void> {
  const target = targetItem(ctx, given);
  if (!target) {
    void vscode.window.showInformationMessage('Debt Ledger: there is no debt item on this line.');
    return;
  }
  const link = await ctx.links.permalink(target.ledger, target.item.file, target.item.line);
  if (!link) {
    void vscode.window.showInformationMessage('Debt Ledger: no permalink: the folder needs a trusted git repository with a commit and an origin remote on the web.');
    return;
  }
  await vscode.env.clipboard.writeText(link);
  void vscode.window.setStatusBarMessage(`Debt Ledger: copied ${link}`, 4000);
}
