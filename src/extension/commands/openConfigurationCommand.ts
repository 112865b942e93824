import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { configTemplateFor } from '../../core/config/initTemplate';
import { dodTemplate } from '../../core/dod/dodTemplate';
import { repositoryLayout } from '../../core/dod/templateLayout';
import type { CommandContext } from './commandContext';
import { pickFolder } from './pickFolder';

/** Opens `.debtledger.json`, creating it from the commented template (with a fitting Definition of Done) when absent. */
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
    // Untrusted or not: reading file names and package.json files is safe (never evaluated); git only when trusted.
    const root = ledger.folder.uri.scheme === 'file' ? ledger.folder.uri.fsPath : null;
    const dod = root ? dodTemplate(await repositoryLayout(root, vscode.workspace.isTrusted)) : null;
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(configTemplateFor(dod)));
    ctx.output.info(`${ledger.folder.name}: created ${CONFIG_FILE_NAME} from the template${dod ? ` (layout: ${dod.layoutNote})` : ''}`);
  }
  await vscode.window.showTextDocument(uri);
}
