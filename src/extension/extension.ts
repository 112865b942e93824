import * as vscode from 'vscode';
import { scanWorkspaceCommand } from './commands/scanWorkspaceCommand';
import { COMMANDS, OUTPUT_CHANNEL_NAME } from './constants';

/** Kept tiny: registrations only; the scanner and the compiler load on the first scan. */
export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand(COMMANDS.scanWorkspace, async () => {
      try {
        await scanWorkspaceCommand(output);
      } catch (err) {
        output.appendLine(`Scan failed: ${(err as Error).stack ?? String(err)}`);
        void vscode.window.showErrorMessage(`Debt Ledger: scan failed: ${(err as Error).message}`);
      }
    }),
  );
}

export function deactivate(): void {}
