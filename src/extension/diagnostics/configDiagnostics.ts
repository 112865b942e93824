import * as vscode from 'vscode';
import { locateConfigError } from '../../core/config/locateError';
import type { LayeredError } from '../../core/config/layers';

/** Diagnostics on `.debtledger.json`: each configuration error where it is in the file. */
export class ConfigDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('debtLedger.config');
  private readonly byFolder = new Map<string, vscode.Uri>();

  update(folder: vscode.WorkspaceFolder, file: vscode.Uri, text: string | null, errors: readonly LayeredError[]): void {
    this.clear(folder);
    if (errors.length === 0) return;
    this.byFolder.set(folder.uri.toString(), file);
    this.collection.set(file, errors.map((e) => {
      const r = text === null ? { startLine: 0, startColumn: 0, endLine: 0, endColumn: 1 } : locateConfigError(text, e);
      const d = new vscode.Diagnostic(new vscode.Range(r.startLine, r.startColumn, r.endLine, r.endColumn), `${e.path && !/^\d+:\d+$/.test(e.path) ? `${e.path}: ` : ''}${e.message}`, vscode.DiagnosticSeverity.Error);
      d.source = 'Debt Ledger';
      return d;
    }));
  }

  clear(folder: vscode.WorkspaceFolder): void {
    const file = this.byFolder.get(folder.uri.toString());
    if (file) this.collection.delete(file);
    this.byFolder.delete(folder.uri.toString());
  }

  dispose(): void {
    this.collection.dispose();
  }
}
