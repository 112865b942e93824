import * as vscode from 'vscode';
import type { LedgerItem } from '../../core/model';
import type { ItemRef } from '../editor/debtHoverProvider';
import type { RepositoryLinks } from '../editor/repositoryLinks';
import type { FolderLedger } from '../ledger/folderLedger';
import type { LedgerNode } from '../views/ledgerNodes';
import type { CommandContext } from './commandContext';
import { itemAt } from '../../core/ledger/navigation';

/** What the editor commands (next/previous, reveal, permalink) use on top of the common context. */
export interface EditorCommandContext extends CommandContext {
  view: vscode.TreeView<LedgerNode>;
  links: RepositoryLinks;
}

/** The item a command is about: from the hover's arguments, else the one under the cursor. */
export function targetItem(ctx: CommandContext, given: unknown): { ledger: FolderLedger; item: LedgerItem } | null {
  const ref = given as Partial<ItemRef> | undefined;
  if (ref && typeof ref.folder === 'string' && typeof ref.file === 'string' && typeof ref.line === 'number') {
    const ledger = ctx.controller.folders().find((l) => l.folder.uri.toString() === ref.folder);
    const item = ledger && itemAt(ledger.index.itemsOf(ref.file), ref.file, ref.line);
    return ledger && item ? { ledger, item } : null;
  }
  const editor = vscode.window.activeTextEditor;
  const at = editor && ctx.controller.locate(editor.document.uri);
  const item = at && itemAt(at.ledger.index.itemsOf(at.rel), at.rel, editor.selection.active.line + 1);
  return at && item ? { ledger: at.ledger, item } : null;
}
