import * as vscode from 'vscode';
import type { FolderLedger } from '../ledger/folderLedger';
import type { LedgerController } from '../ledger/ledgerController';

/** The folder a command acts on: the given one, the only one, or the user's pick. */
export async function pickFolder(controller: LedgerController, given: unknown, placeHolder: string): Promise<FolderLedger | undefined> {
  const ledgers = controller.folders();
  if (given && typeof given === 'object' && 'uri' in given) {
    const match = ledgers.find((l) => l.folder.uri.toString() === String((given as vscode.WorkspaceFolder).uri));
    if (match) return match;
  }
  if (ledgers.length <= 1) return ledgers[0];
  const picked = await vscode.window.showQuickPick(ledgers.map((l) => ({ label: l.folder.name, description: l.folder.uri.fsPath, ledger: l })), { placeHolder });
  return picked?.ledger;
}
