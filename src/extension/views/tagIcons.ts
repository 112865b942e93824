import * as vscode from 'vscode';
import { styleFamily, type StyleFamily } from '../../core/editor/highlightStyles';
import type { LedgerItem } from '../../core/model';

const FAMILY_ICONS: Record<StyleFamily, string> = { todo: 'checklist', fixme: 'bug', hack: 'flame', debt: 'credit-card', suppression: 'mute' };

/** The tree icon of a tag: its family's codicon in the same theme colour the editor decorations use. */
export function tagIcon(tag: string, kind: LedgerItem['kind']): vscode.ThemeIcon {
  const family = styleFamily(tag, kind);
  return new vscode.ThemeIcon(FAMILY_ICONS[family], new vscode.ThemeColor(`debtLedger.${family}Foreground`));
}

/** An item's icon: overdue first, resilience by severity, else its tag's. */
export function itemIcon(i: LedgerItem): vscode.ThemeIcon {
  if (i.kind === 'resilience') return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor(i.severity === 'error' ? 'list.errorForeground' : i.severity === 'warning' ? 'list.warningForeground' : 'foreground'));
  if (i.overdue) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('debtLedger.overdueForeground'));
  return tagIcon(i.tag, i.kind);
}
