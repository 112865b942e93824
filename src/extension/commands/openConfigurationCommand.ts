import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { configTemplateFor } from '../../core/config/initTemplate';
import { workspaceLayout } from '../../core/scope/placement';
import type { CommandContext } from './commandContext';
import { pickFolder } from './pickFolder';

/** Opens `.debtledger.json`, creating it from a commented template when absent. */
export async function openConfigurationCommand(ctx: CommandContext, folder?: unknown): Promise<void> {
  const ledger = await pickFolder(ctx.controller, folder, 'Open the configuration of which folder?');
  if (!ledger) {
    void vscode.window.showInformationMessage('Debt Ledger: open a folder first.');
    return;
  }
  const uri = vscode.Uri.joinPath(ledger.folder.uri, CONFIG_FILE_NAME);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    // Untrusted or not: reading package.json files is safe (never evaluated).
    const root = ledger.folder.uri.scheme === 'file' ? ledger.folder.uri.fsPath : null;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(configTemplateFor(root, root ? workspaceLayout(root, true) : null)));
    ctx.output.info(`${ledger.folder.name}: created ${CONFIG_FILE_NAME} from the template`);
  }
  await vscode.window.showTextDocument(uri);
}
