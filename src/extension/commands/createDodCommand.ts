import { applyEdits, modify, parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME, DEFAULT_EXCLUDES } from '../../core/config/config';
import { CONFIG_TEMPLATE } from '../../core/config/configTemplate';
import { dodTemplate } from '../../core/dod/dodTemplate';
import { discoverFiles } from '../../core/scan/discovery';
import type { CommandContext } from './commandContext';
import { pickFolder } from './pickFolder';

/**
 * Adds a `definitionOfDone` that fits the folder's layout (monorepo packages, changesets or a changelog,
 * tests) to `.debtledger.json`, creating the file from the template when absent; keeps an existing one.
 */
export async function createDodCommand(ctx: CommandContext, folder?: unknown): Promise<void> {
  const ledger = await pickFolder(ctx.controller, folder, 'Create a Definition of Done for which folder?');
  if (!ledger) {
    void vscode.window.showInformationMessage('Debt Ledger: open a folder first.');
    return;
  }
  const uri = vscode.Uri.joinPath(ledger.folder.uri, CONFIG_FILE_NAME);
  let text = CONFIG_TEMPLATE;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // absent: start from the template
  }
  const existing = parse(text) as { definitionOfDone?: unknown } | undefined;
  if (existing && typeof existing === 'object' && existing.definitionOfDone !== undefined) {
    void vscode.window.showInformationMessage(`Debt Ledger: ${ledger.folder.name} already has a Definition of Done.`);
    await vscode.window.showTextDocument(uri);
    return;
  }
  // Every file name counts for the layout (not only sources): all extensions, the usual excludes.
  const listed = await discoverFiles({ root: ledger.root, extensions: ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.md', '.json'], excludes: [...DEFAULT_EXCLUDES], useGit: vscode.workspace.isTrusted });
  const template = dodTemplate({ files: listed.files });
  const edits = modify(text, ['definitionOfDone'], template.definitionOfDone, { formattingOptions: { insertSpaces: true, tabSize: 2 } });
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(applyEdits(text, edits)));
  ctx.output.info(`${ledger.folder.name}: added a Definition of Done to ${CONFIG_FILE_NAME}: ${template.reasons.join('; ')}`);
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(`Debt Ledger: Definition of Done added (${template.definitionOfDone.items.length} items, chosen from the layout: see the Debt Ledger output).`);
}
