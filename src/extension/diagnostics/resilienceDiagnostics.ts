import * as vscode from 'vscode';
import type { LedgerItem } from '../../core/model';
import type { LedgerController } from '../ledger/ledgerController';

/** Where each rule is explained (docs/resilience.md in the repository). */
export const RULE_DOCS_URL = 'https://github.com/debt-ledger/debt-ledger/blob/main/docs/resilience.md';

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The range of a finding in editor coordinates. */
export function findingRange(item: LedgerItem): vscode.Range {
  return new vscode.Range(item.line - 1, item.column - 1, item.endLine - 1, (item.endColumn ?? item.column + 1) - 1);
}

/** Resilience findings as diagnostics, refreshed from the ledgers whenever they change. */
export class ResilienceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('debtLedger.resilience');

  constructor(private readonly controller: LedgerController) {}

  refresh(): void {
    const next = new Map<string, { uri: vscode.Uri; diagnostics: vscode.Diagnostic[] }>();
    for (const ledger of this.controller.folders()) {
      for (const item of ledger.index.resilienceItems()) {
        const uri = vscode.Uri.joinPath(ledger.folder.uri, item.file);
        const entry = next.get(uri.toString()) ?? { uri, diagnostics: [] };
        const d = new vscode.Diagnostic(findingRange(item), `${item.reason} [${item.client}]`, SEVERITY[item.severity ?? 'warning']);
        d.source = 'Debt Ledger';
        d.code = { value: item.rule!, target: vscode.Uri.parse(`${RULE_DOCS_URL}#${item.rule!.replace('resilience/', '')}`) };
        if (item.callers) {
          d.relatedInformation = item.callers.map((c) => {
            const m = /^(.*):(\d+)/.exec(c);
            const at = new vscode.Location(vscode.Uri.joinPath(ledger.folder.uri, m?.[1] ?? c), new vscode.Position(Number(m?.[2] ?? 1) - 1, 0));
            return new vscode.DiagnosticRelatedInformation(at, `called from here${c.includes('(') ? `, covered ${c.slice(c.indexOf('('))}` : ', not covered'}`);
          });
        }
        entry.diagnostics.push(d);
        next.set(uri.toString(), entry);
      }
    }
    this.collection.forEach((uri) => {
      if (!next.has(uri.toString())) this.collection.delete(uri);
    });
    for (const { uri, diagnostics } of next.values()) this.collection.set(uri, diagnostics);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
