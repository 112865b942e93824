import * as vscode from 'vscode';
import { VIEWS } from '../constants';
import type { DodStatus } from '../dod/dodController';

/** `DoD 5/7`: items passing out of those that apply; red when one fails, amber while waiting for sign-offs. */
export class DodStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('debtLedger.dod', vscode.StatusBarAlignment.Left, 49);

  constructor() {
    this.item.name = 'Debt Ledger: Definition of Done';
    this.item.command = `${VIEWS.dod}.focus`;
  }

  update(status: DodStatus, enabled: boolean): void {
    if (!enabled || status.kind !== 'result') {
      this.item.hide();
      return;
    }
    const applicable = status.result.items.filter((i) => i.state !== 'n/a');
    const passed = applicable.filter((i) => i.state === 'pass').length;
    const failed = applicable.some((i) => i.state === 'fail');
    this.item.text = `$(${status.result.done ? 'pass' : failed ? 'error' : 'clock'}) DoD ${passed}/${applicable.length}`;
    this.item.tooltip = `Definition of Done for ${status.result.branch}: ${status.result.done ? 'done' : 'not done'}. Click to show the checklist.`;
    this.item.backgroundColor = failed ? new vscode.ThemeColor('statusBarItem.errorBackground') : !status.result.done ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
