import * as vscode from 'vscode';
import { computeInstanceTimeoutFix, computeResilienceFixes } from '../../core/scan/scanner';
import type { LedgerController } from '../ledger/ledgerController';
import { findingRange } from './resilienceDiagnostics';

/**
 * Quick fixes for resilience diagnostics: add a timeout to the call (fetch signal, axios timeout), add it
 * where an axios instance is created (possibly another file), or insert an ignore comment with a reason.
 * Edits come from core (`resilienceFixes`), computed on the document's current text.
 */
export class ResilienceCodeActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly controller: LedgerController) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const at = this.controller.locate(document.uri);
    if (!at || !at.ledger.config) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== 'Debt Ledger' || typeof diagnostic.code !== 'object') continue;
      const rule = String(diagnostic.code.value);
      const item = at.ledger.index.resilienceItems().find((i) => i.file === at.rel && i.rule === rule && findingRange(i).isEqual(diagnostic.range));
      if (!item) continue;
      const timeoutMs = at.ledger.config.resilience.timeoutMs;
      for (const fix of computeResilienceFixes(at.rel, document.getText(), document.offsetAt(diagnostic.range.start), rule, item.client ?? '', timeoutMs)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.preferred;
        action.edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) action.edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.newText);
        actions.push(action);
      }
      const instance = rule === 'resilience/timeout' ? /^axios instance \S+ \((.+):(\d+)\)$/.exec(item.client ?? '') : null;
      if (instance) {
        const uri = vscode.Uri.joinPath(at.ledger.folder.uri, instance[1]!);
        const target = await vscode.workspace.openTextDocument(uri);
        const fix = computeInstanceTimeoutFix(instance[1]!, target.getText(), Number(instance[2]), timeoutMs);
        if (fix) {
          const action = new vscode.CodeAction(fix.title.replace(/\(line (\d+)\)$/, `(${instance[1]}:$1)`), vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.edit = new vscode.WorkspaceEdit();
          for (const e of fix.edits) action.edit.replace(uri, new vscode.Range(target.positionAt(e.start), target.positionAt(e.end)), e.newText);
          actions.push(action);
        }
      }
    }
    return actions;
  }
}
