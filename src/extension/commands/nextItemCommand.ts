import * as vscode from 'vscode';
import { nextItem } from '../../core/ledger/navigation';
import type { CommandContext } from './commandContext';

/** Goes to the next (or previous) debt item: in the current file first, then the following files, wrapping. */
async function go(ctx: CommandContext, direction: 'next' | 'previous'): Promise<void> {
  const ledgers = ctx.controller.folders();
  // One ordering across folders: folder position, then path.
  const key = (n: number, file: string): string => `${String(n).padStart(4, '0')}/${file}`;
  const all = ledgers.flatMap((l, n) => l.index.items().map((i) => ({ ...i, file: key(n, i.file), origin: { ledger: l, file: i.file } })));
  const editor = vscode.window.activeTextEditor;
  const at = editor ? ctx.controller.locate(editor.document.uri) : null;
  const place = editor && at
    ? { file: key(ledgers.indexOf(at.ledger), at.rel), line: editor.selection.active.line + 1, column: editor.selection.active.character + 1 }
    : { file: '', line: 0, column: 0 };
  const target = nextItem(all, place, direction) as (typeof all)[number] | null;
  if (!target) {
    void vscode.window.setStatusBarMessage('Debt Ledger: no debt items', 3000);
    return;
  }
  const uri = vscode.Uri.joinPath(target.origin.ledger.folder.uri, target.origin.file);
  const start = new vscode.Position(target.line - 1, target.column - 1);
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(start, start), preserveFocus: false });
}

export function nextItemCommand(ctx: CommandContext): Promise<void> {
  return go(ctx, 'next');
}

export function previousItemCommand(ctx: CommandContext): Promise<void> {
  return go(ctx, 'previous');
}
