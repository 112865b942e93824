import * as vscode from 'vscode';
import type { CommandContext } from './commandContext';

/** Opens the Get Started walkthrough (contributes.walkthroughs, id debtLedger.start). */
export async function getStartedCommand(_ctx: CommandContext): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openWalkthrough', 'debt-ledger.debt-ledger#debtLedger.start', false);
}
