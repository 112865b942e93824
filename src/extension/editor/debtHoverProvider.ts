import * as vscode from 'vscode';
import { hoverModel } from '../../core/editor/hoverModel';
import { localToday } from '../../core/ledger/ids';
import { itemAt } from '../../core/ledger/navigation';
import { COMMANDS } from '../constants';
import type { LedgerController } from '../ledger/ledgerController';
import type { RepositoryLinks } from './repositoryLinks';

/** Arguments of the hover's command links: where the item is, so the command finds it again. */
export interface ItemRef {
  folder: string;
  file: string;
  line: number;
}

/**
 * The hover on a marker or suppression line: owners, ticket link, due, age and commit, scope, interest,
 * and actions (reveal in the ledger, copy permalink). Workspace text goes in through appendText (escaped);
 * the only trusted parts are the two command links, allowed by name.
 */
export class DebtHoverProvider implements vscode.HoverProvider {
  constructor(private readonly controller: LedgerController, private readonly links: RepositoryLinks) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const at = this.controller.locate(document.uri);
    if (!at) return undefined;
    const item = itemAt(at.ledger.index.itemsOf(at.rel), at.rel, position.line + 1);
    if (!item) return undefined;
    const repo = await this.links.of(at.ledger);
    const model = hoverModel(item, localToday(), repo?.web ?? null);
    const md = new vscode.MarkdownString('', true);
    md.supportHtml = false;
    md.isTrusted = { enabledCommands: [COMMANDS.revealInLedger, COMMANDS.copyPermalink] };
    md.appendMarkdown(`$(${model.overdue ? 'warning' : 'tag'}) **`).appendText(model.title).appendMarkdown('**');
    if (model.overdue) md.appendMarkdown(' · **overdue**');
    md.appendMarkdown('\n\n');
    if (model.text) md.appendText(model.text).appendMarkdown('\n\n');
    for (const row of model.rows) {
      md.appendMarkdown(`${row.label}: `);
      if (row.href && /^https?:\/\//.test(row.href)) md.appendMarkdown('[').appendText(row.value).appendMarkdown(`](${encodeURI(row.href).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)})`);
      else md.appendText(row.value);
      md.appendMarkdown('  \n');
    }
    const ref: ItemRef = { folder: at.ledger.folder.uri.toString(), file: at.rel, line: item.line };
    const args = encodeURIComponent(JSON.stringify([ref]));
    md.appendMarkdown(`\n[$(list-tree) Reveal in Ledger](command:${COMMANDS.revealInLedger}?${args} "Show this item in the Ledger view")`);
    if (repo?.web && repo.head) md.appendMarkdown(` · [$(link) Copy Permalink](command:${COMMANDS.copyPermalink}?${args} "Copy a link to this line at HEAD")`);
    const range = new vscode.Range(item.line - 1, 0, item.endLine - 1, document.lineAt(Math.min(item.endLine - 1, document.lineCount - 1)).text.length);
    return new vscode.Hover(md, range);
  }
}
