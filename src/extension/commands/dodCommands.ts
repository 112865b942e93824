import * as vscode from 'vscode';
import { loadLayeredConfig } from '../../core/config/loadConfig';
import { recordSignoff } from '../../core/dod/signoffs';
import { GitFactsError } from '../../core/git/branchFacts';
import type { DodController } from '../dod/dodController';
import type { DodNode } from '../views/dodTreeProvider';
import type { CommandContext } from './commandContext';

export interface DodCommandContext extends CommandContext {
  dod: DodController;
}

/** The item id from a tree node, a plain id argument, or the user's pick among manual items. */
async function pickManualItem(ctx: DodCommandContext, arg: unknown, action: string): Promise<{ folder: vscode.WorkspaceFolder; id: string } | undefined> {
  const node = arg as Partial<DodNode> | undefined;
  // A node of a folder in a multi-root workspace: that folder's status.
  const own = node && node.kind === 'item' && node.folder ? ctx.dod.folders.find((f) => f.folder?.uri.toString() === node.folder!.toString())?.status : undefined;
  const status = own ?? ctx.dod.status;
  if (status.kind !== 'result') {
    void vscode.window.showInformationMessage('Debt Ledger: the Definition of Done has not been checked yet.');
    return undefined;
  }
  if (node && node.kind === 'item' && node.item) return { folder: status.folder, id: node.item.id };
  if (typeof arg === 'string') return { folder: status.folder, id: arg };
  const picked = await vscode.window.showQuickPick(status.result.items.filter((i) => i.state !== 'pass' || action === 'Revoke').map((i) => ({ label: i.title, description: i.state, id: i.id })), { placeHolder: `${action} which item?` });
  return picked && { folder: status.folder, id: picked.id };
}

async function record(ctx: DodCommandContext, arg: unknown, comment: unknown, action: 'signoff' | 'revoke'): Promise<void> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Debt Ledger: sign-offs are git notes; Restricted Mode runs no git.');
    return;
  }
  const target = await pickManualItem(ctx, arg, action === 'signoff' ? 'Sign off' : 'Revoke');
  if (!target) return;
  const config = (await loadLayeredConfig(target.folder.uri.fsPath, {})).config;
  const item = config.definitionOfDone?.items.find((i) => i.id === target.id);
  if (!item) throw new Error(`no Definition of Done item "${target.id}"`);
  const text = typeof comment === 'string' ? comment : await vscode.window.showInputBox({ prompt: `${action === 'signoff' ? 'Sign off' : 'Revoke'} "${item.title}": comment (optional)`, placeHolder: 'e.g. reviewed the runbook with the on-call team' });
  if (text === undefined) return;
  try {
    const s = await recordSignoff(target.folder.uri.fsPath, item, action, text || null);
    void vscode.window.showInformationMessage(`Debt Ledger: ${action === 'signoff' ? 'signed off' : 'revoked'} "${item.title}" as ${s.name} on ${s.commit.slice(0, 7)}. Share with: git push origin refs/notes/debt-ledger`);
  } catch (err) {
    if (err instanceof GitFactsError) {
      void vscode.window.showErrorMessage(`Debt Ledger: ${err.message}. ${err.hint}`);
      return;
    }
    throw err;
  }
  // A sign-off moves no HEAD: command results stay cached.
  await ctx.dod.recheck('git');
}

export function dodSignOffCommand(ctx: DodCommandContext, arg?: unknown, comment?: unknown): Promise<void> {
  return record(ctx, arg, comment, 'signoff');
}

export function dodRevokeCommand(ctx: DodCommandContext, arg?: unknown, comment?: unknown): Promise<void> {
  return record(ctx, arg, comment, 'revoke');
}

export async function dodRecheckCommand(ctx: DodCommandContext): Promise<void> {
  await ctx.dod.recheck();
}

export async function dodIncludeUncommittedCommand(ctx: DodCommandContext): Promise<void> {
  await ctx.dod.setIncludeUncommitted(true);
}

export async function dodExcludeUncommittedCommand(ctx: DodCommandContext): Promise<void> {
  await ctx.dod.setIncludeUncommitted(false);
}
