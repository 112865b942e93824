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

/**
 * Resilience findings as diagnostics, refreshed from the ledgers whenever they change. Incremental: a
 * ledger whose findings are the same (memoized) list as last time costs nothing, and of a new list only
 * the files whose findings differ are sent to the editor (each `set` is a message to the renderer).
 */
export class ResilienceDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('debtLedger.resilience');
  /** Per folder: the findings list last shown, and per file URI a signature of its findings. */
  private readonly shown = new Map<string, { items: readonly LedgerItem[]; files: Map<string, string> }>();

  constructor(private readonly controller: LedgerController) {}

  refresh(): void {
    const folders = new Set<string>();
    for (const ledger of this.controller.folders()) {
      const key = ledger.folder.uri.toString();
      folders.add(key);
      const items = ledger.index.resilienceItems();
      const before = this.shown.get(key);
      if (before?.items === items) continue;
      const byFile = new Map<string, LedgerItem[]>();
      for (const item of items) {
        const list = byFile.get(item.file);
        if (list) list.push(item);
        else byFile.set(item.file, [item]);
      }
      const files = new Map<string, string>();
      for (const [file, list] of byFile) {
        const signature = JSON.stringify(list.map((i) => [i.line, i.column, i.endLine, i.endColumn, i.reason, i.client, i.severity, i.rule, i.callers]));
        files.set(file, signature);
        if (before?.files.get(file) === signature) continue;
        this.collection.set(vscode.Uri.joinPath(ledger.folder.uri, file), list.map((i) => diagnosticOf(ledger.folder.uri, i)));
      }
      for (const file of before?.files.keys() ?? []) if (!files.has(file)) this.collection.delete(vscode.Uri.joinPath(ledger.folder.uri, file));
      this.shown.set(key, { items, files });
    }
    for (const [key, { files }] of [...this.shown]) {
      if (folders.has(key)) continue;
      const root = vscode.Uri.parse(key);
      for (const file of files.keys()) this.collection.delete(vscode.Uri.joinPath(root, file));
      this.shown.delete(key);
    }
  }

  dispose(): void {
    this.collection.dispose();
  }
}

function diagnosticOf(root: vscode.Uri, item: LedgerItem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(findingRange(item), `${item.reason} [${item.client}]`, SEVERITY[item.severity ?? 'warning']);
  d.source = 'Debt Ledger';
  d.code = { value: item.rule!, target: vscode.Uri.parse(`${RULE_DOCS_URL}#${item.rule!.replace('resilience/', '')}`) };
  if (item.callers) {
    d.relatedInformation = item.callers.map((c) => {
      const m = /^(.*):(\d+)/.exec(c);
      const at = new vscode.Location(vscode.Uri.joinPath(root, m?.[1] ?? c), new vscode.Position(Number(m?.[2] ?? 1) - 1, 0));
      return new vscode.DiagnosticRelatedInformation(at, `called from here${c.includes('(') ? `, covered ${c.slice(c.indexOf('('))}` : ', not covered'}`);
    });
  }
  return d;
}
