import * as vscode from 'vscode';
import { formatResult, type Format } from '../../cli/formatters';
import { emptyScanStats } from '../../core/model';
import type { CommandContext } from './commandContext';
import { pickFolder } from './pickFolder';

const FORMATS: { format: Format; label: string; ext: string }[] = [
  { format: 'json', label: 'JSON', ext: 'json' },
  { format: 'markdown', label: 'Markdown', ext: 'md' },
  { format: 'csv', label: 'CSV', ext: 'csv' },
  { format: 'sarif', label: 'SARIF 2.1.0', ext: 'sarif' },
];

/** Writes the whole ledger of a folder (unfiltered) with the CLI's formatters to a file the user picks. */
export async function exportLedgerCommand(ctx: CommandContext): Promise<void> {
  const ledger = await pickFolder(ctx.controller, undefined, 'Export the ledger of which folder?');
  if (!ledger) return;
  if (!ledger.scanned) await ctx.controller.scan({ interactive: true, folders: [ledger] });
  const picked = await vscode.window.showQuickPick(FORMATS.map((f) => ({ ...f, description: `.${f.ext}` })), { placeHolder: 'Export format (same output as the CLI)' });
  if (!picked) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(ledger.folder.uri, `debt-ledger.${picked.ext}`),
    filters: { [picked.label]: [picked.ext] },
    saveLabel: 'Export Ledger',
  });
  if (!target) return;
  const items = [...ledger.index.items()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  const text = formatResult({ root: ledger.root, items, skipped: ledger.index.skipped(), stats: emptyScanStats() }, picked.format);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  const open = await vscode.window.showInformationMessage(`Debt Ledger: exported ${items.length} items to ${vscode.workspace.asRelativePath(target)}.`, 'Open');
  if (open) await vscode.window.showTextDocument(target);
}
