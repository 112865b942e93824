import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** Full scan of every folder, with a cancellable progress notification. */
export async function scanWorkspaceCommand(ctx: CommandContext): Promise<void> {
  if (ctx.controller.folders().length === 0) {
    void vscode.window.showInformationMessage('Debt Ledger: open a folder to scan.');
    return;
  }
  await ctx.controller.scan({ interactive: true });
}
