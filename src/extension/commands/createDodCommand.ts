import { applyEdits, modify, parse } from 'jsonc-parser';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { configTemplateFor } from '../../core/config/initTemplate';
import { dodTemplate } from '../../core/dod/dodTemplate';
import { repositoryLayout } from '../../core/dod/templateLayout';
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
  let text: string | null = null;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    // absent: the whole template, with the Definition of Done below
  }
  const existing = (text === null ? undefined : parse(text)) as { definitionOfDone?: unknown } | undefined;
  if (existing && typeof existing === 'object' && existing.definitionOfDone !== undefined) {
    void vscode.window.showInformationMessage(`Debt Ledger: ${ledger.folder.name} already has a Definition of Done.`);
    await vscode.window.showTextDocument(uri);
    return;
  }
  // The same template as `debt-ledger init` and Open Configuration (git lists the files only when trusted).
  const template = dodTemplate(await repositoryLayout(ledger.root, vscode.workspace.isTrusted));
  // An existing file keeps its comments and settings (jsonc-parser edits); an absent one gets the commented template.
  const written = text === null ? configTemplateFor(template) : applyEdits(text, modify(text, ['definitionOfDone'], template.definitionOfDone, { formattingOptions: { insertSpaces: true, tabSize: 2 } }));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(written));
  ctx.output.info(`${ledger.folder.name}: added a Definition of Done to ${CONFIG_FILE_NAME}: ${template.reasons.join('; ')}`);
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(`Debt Ledger: Definition of Done added (${template.definitionOfDone.items.length} items, chosen from the layout: see the Debt Ledger output).`);
}
