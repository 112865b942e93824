import * as vscode from 'vscode';
import { headCommit, originRemote } from '../../core/git/remote';
import type { LedgerItem } from '../../core/model';
import { issueContent, newIssueUrl, permalink } from '../../core/tickets/issueContent';
import { addTicketToMarker } from '../../core/tickets/markerEdit';
import { defaultTicketsConfig } from '../../core/tickets/model';
import { buildProviders } from '../../core/tickets/registry';
import type { CommandContext } from './commandContext';

export interface CreateIssueContext extends CommandContext {
  /** Opens a URL in the browser (the test API can stand in for it). */
  openExternal: (url: string) => Promise<boolean>;
}

/** Programmatic use (tests, other extensions): the issue number, instead of asking. */
export interface CreateIssueOptions {
  issue?: string;
}

/** `812`, `#812` or an issue URL ending in the number -> 812. */
export function issueNumberFrom(input: string): number | null {
  const m = /^\s*#?(\d{1,9})\s*$/.exec(input) ?? /\/(?:issues|work_items)\/(\d{1,9})\/?(?:[?#].*)?\s*$/.exec(input);
  return m ? Number(m[1]) : null;
}

function itemFrom(ctx: CommandContext, arg: unknown): { item: LedgerItem; root: vscode.Uri; config: ReturnType<CommandContext['controller']['folders']>[number]['config'] } | null {
  const id = typeof arg === 'string' ? arg : (arg as { item?: LedgerItem } | undefined)?.item?.id ?? (arg as LedgerItem | undefined)?.id;
  for (const ledger of ctx.controller.folders()) {
    const item = ledger.index.items().find((i) => i.id === id);
    if (item) return { item, root: ledger.folder.uri, config: ledger.config };
  }
  return null;
}

/**
 * "Create Issue...": opens the tracker's new-issue page for an unticketed marker with title, body (text,
 * permalink at HEAD, owner, age) and labels filled in, then asks for the created issue's number and
 * writes it into the marker (as `<tag>(#812): ...`) as an undoable workspace edit. Trusted folders only: it
 * reads the git remote and HEAD.
 */
export async function createIssueCommand(ctx: CreateIssueContext, arg?: unknown, rawOptions?: unknown): Promise<void> {
  const options: CreateIssueOptions = typeof rawOptions === 'object' && rawOptions !== null && typeof (rawOptions as CreateIssueOptions).issue === 'string' ? { issue: (rawOptions as CreateIssueOptions).issue! } : {};
  const found = itemFrom(ctx, arg);
  if (!found) {
    void vscode.window.showInformationMessage('Debt Ledger: pick a debt marker in the Ledger view to create an issue for it.');
    return;
  }
  const { item, root } = found;
  if (item.kind !== 'marker' || item.ticket !== null) {
    void vscode.window.showInformationMessage(`Debt Ledger: this item ${item.ticket ? `already references ${item.ticket}` : 'is not a debt marker'}.`);
    return;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Debt Ledger: Create Issue reads the git remote, so it needs a trusted folder.');
    return;
  }
  const remote = await originRemote(root.fsPath);
  const providers = buildProviders(found.config?.tickets ?? defaultTicketsConfig(), {});
  const forge = providers.find((p) => (p.type === 'github' || p.type === 'gitlab') && p.host === remote?.host)?.type as 'github' | 'gitlab' | undefined;
  if (!remote || !forge) {
    void vscode.window.showWarningMessage(`Debt Ledger: ${remote ? `${remote.host} is not a known GitHub or GitLab host: add it to "tickets.providers" in .debtledger.json` : 'this folder has no git remote on GitHub or GitLab'}.`);
    return;
  }
  const commit = await headCommit(root.fsPath);
  const content = issueContent(item, commit ? permalink(forge, remote, commit, item.file, item.line) : null);
  await ctx.openExternal(newIssueUrl(forge, remote, content));
  const answer = options.issue ?? await vscode.window.showInputBox({
    title: 'Debt Ledger: Create Issue',
    prompt: `The issue page opened in your browser. Once created, paste its number or URL to record it in the ${item.tag}.`,
    placeHolder: '812',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' || issueNumberFrom(v) !== null ? null : 'a number such as 812, #812, or the issue URL'),
  });
  const number = answer ? issueNumberFrom(answer) : null;
  if (number === null) return;
  const uri = vscode.Uri.joinPath(root, item.file);
  const doc = await vscode.workspace.openTextDocument(uri);
  const change = item.line <= doc.lineCount ? addTicketToMarker(doc.lineAt(item.line - 1).text, item.column, item.tag, `#${number}`) : null;
  if (!change) {
    void vscode.window.showWarningMessage(`Debt Ledger: the ${item.tag} at ${item.file}:${item.line} moved; add (#${number}) to it by hand.`);
    return;
  }
  const edit = new vscode.WorkspaceEdit();
  edit.replace(uri, new vscode.Range(item.line - 1, change.start, item.line - 1, change.end), change.insert);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${item.file}`);
  await vscode.window.showTextDocument(doc, { preview: false, selection: new vscode.Range(item.line - 1, change.start, item.line - 1, change.start + change.insert.length) });
}
