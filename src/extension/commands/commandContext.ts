import type * as vscode from 'vscode';
import type { LedgerController } from '../ledger/ledgerController';
import type { LedgerTreeProvider } from '../views/ledgerTreeProvider';
import type { ViewState } from '../views/viewState';

/** What commands may use; handed over by the composition root. */
export interface CommandContext {
  controller: LedgerController;
  state: ViewState;
  tree: LedgerTreeProvider;
  output: vscode.LogOutputChannel;
}
