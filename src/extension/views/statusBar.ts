import * as vscode from 'vscode';
import type { LedgerItem } from '../../core/model';
import { VIEWS } from '../constants';

/** `$(checklist) 14 $(warning) 2`: total and overdue; a click reveals the Ledger view. */
export class LedgerStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('debtLedger.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Debt Ledger';
    this.item.command = `${VIEWS.ledger}.focus`;
  }

  update(items: readonly LedgerItem[], enabled: boolean): void {
    if (!enabled) {
      this.item.hide();
      return;
    }
    const overdue = items.filter((i) => i.overdue).length;
    this.item.text = `$(checklist) ${items.length}${overdue > 0 ? ` $(warning) ${overdue}` : ''}`;
    this.item.tooltip = `Debt Ledger: ${items.length} item${items.length === 1 ? '' : 's'}, ${overdue} overdue. Click to show the ledger.`;
    this.item.backgroundColor = overdue > 0 ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
