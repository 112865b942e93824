import * as vscode from 'vscode';
import type { DodItemResult, DodState, Evidence } from '../../core/dod/model';
import type { DodController, DodStatus } from '../dod/dodController';
import { dodSummary } from './welcomeContext';

const ICONS: Record<DodState, [string, string | undefined]> = {
  pass: ['pass', 'testing.iconPassed'],
  fail: ['error', 'testing.iconFailed'],
  pending: ['circle-large-outline', 'list.warningForeground'],
  stale: ['history', 'list.warningForeground'],
  'n/a': ['circle-slash', 'disabledForeground'],
};

/** A node of the Definition of Done view. */
export type DodNode =
  | { kind: 'folder'; label: string; description: string; status: DodStatus; manualIds: Set<string>; prefix: string }
  | { kind: 'header'; id: string; label: string; description: string; tooltip: string }
  | { kind: 'message'; label: string; description?: string }
  | { kind: 'item'; item: DodItemResult; manual: boolean; folder: vscode.Uri; prefix: string }
  | { kind: 'evidence'; evidence: Evidence; folder: vscode.Uri; parent: string; index: number };

/** Provider of the Definition of Done view: the branch and base on top, then each item with its evidence. */
export class DodTreeProvider implements vscode.TreeDataProvider<DodNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<DodNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly controller: DodController, private readonly manualIds: () => Set<string>) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  getChildren(node?: DodNode): DodNode[] {
    if (!node) {
      const folders = this.controller.folders;
      // Multi-root: one node per folder, each with its own branch, base and checklist.
      if (folders.length > 1) {
        return folders.map((f): DodNode => ({ kind: 'folder', label: f.folder?.name ?? '', description: f.status.kind === 'none' ? 'no Definition of Done' : dodSummary(f.status), status: f.status, manualIds: f.manualIds, prefix: `${f.folder?.uri.toString() ?? ''}:` }));
      }
      return this.statusNodes(this.controller.status, this.manualIds(), '');
    }
    if (node.kind === 'folder') return this.statusNodes(node.status, node.manualIds, node.prefix);
    if (node.kind === 'item') return node.item.evidence.map((evidence, index) => ({ kind: 'evidence', evidence, folder: node.folder, parent: `${node.prefix}${node.item.id}`, index }));
    return [];
  }

  private statusNodes(status: DodStatus, manual: Set<string>, prefix: string): DodNode[] {
    if (status.kind === 'none') return [];
    if (status.kind === 'message') return [{ kind: 'message', label: status.text, ...(status.detail ? { description: status.detail } : {}) }];
    const r = status.result;
    const header: DodNode = {
      kind: 'header',
      id: `dod:${prefix}header`,
      label: `${r.branch} → ${r.base}`,
      description: `${r.done ? 'done' : 'not done'} · merge base ${r.mergeBase.slice(0, 7)}${this.controller.includeUncommitted ? ' · incl. uncommitted' : ''}`,
      tooltip: `Branch ${r.branch} at ${r.head.slice(0, 7)}, compared with ${r.base} from their merge base ${r.mergeBase.slice(0, 7)}.`,
    };
    // On the base branch itself there is nothing to check: one line, not a list of n/a items.
    if (r.branch === r.base || r.base.endsWith(`/${r.branch}`)) return [{ ...header, description: 'the base branch · nothing to check' }];
    return [header, ...r.items.map((item): DodNode => ({ kind: 'item', item, manual: manual.has(item.id), folder: status.folder.uri, prefix }))];
  }

  getTreeItem(node: DodNode): vscode.TreeItem {
    switch (node.kind) {
      case 'folder': {
        const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
        t.id = `dod:${node.prefix}folder`;
        t.description = node.description;
        t.iconPath = new vscode.ThemeIcon('root-folder');
        return t;
      }
      case 'header': {
        const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        t.description = node.description;
        t.tooltip = node.tooltip;
        t.iconPath = new vscode.ThemeIcon('git-branch');
        t.id = node.id;
        return t;
      }
      case 'message': {
        const t = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        if (node.description) t.description = node.description;
        t.iconPath = new vscode.ThemeIcon('info');
        return t;
      }
      case 'item': {
        const i = node.item;
        const t = new vscode.TreeItem(i.title, i.evidence.length > 0 ? (i.state === 'fail' || i.state === 'stale' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None);
        t.id = `dod:${node.prefix}${i.id}`;
        t.description = i.state;
        const [icon, color] = ICONS[i.state];
        t.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        // e.g. dod.manual.pending: the view's inline Sign off / Revoke actions key off this.
        t.contextValue = `dod.${node.manual ? 'manual' : 'check'}.${i.state === 'n/a' ? 'na' : i.state}${i.signoffs.length > 0 ? '.signed' : ''}`;
        const md = new vscode.MarkdownString('', false);
        md.appendMarkdown('**').appendText(i.title).appendMarkdown(`**: ${i.state}\n\n`);
        for (const e of i.evidence.slice(0, 10)) md.appendMarkdown('- ').appendText(e.text).appendMarkdown('\n');
        t.tooltip = md;
        t.accessibilityInformation = { label: `${i.title}: ${i.state}` };
        return t;
      }
      case 'evidence': {
        const e = node.evidence;
        const fileOnly = !!e.file && e.text === e.file;
        // A bare file shows as its name with its folder beside it; anything else as its text with file:line.
        const label = fileOnly ? e.file!.slice(e.file!.lastIndexOf('/') + 1) : e.text;
        const t = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
        t.id = `dod:${node.parent}:${node.index}`;
        if (e.file) {
          t.description = fileOnly ? e.file.slice(0, Math.max(0, e.file.lastIndexOf('/'))) : `${e.file}${e.line ? `:${e.line}` : ''}`;
          const uri = vscode.Uri.joinPath(node.folder, e.file);
          const at = new vscode.Position(Math.max(0, (e.line ?? 1) - 1), 0);
          t.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(at, at), preview: true }] };
          t.iconPath = new vscode.ThemeIcon(fileOnly ? 'file' : 'debug-stackframe-dot');
        } else if (e.commit) t.description = e.commit.slice(0, 7);
        t.tooltip = e.text;
        return t;
      }
    }
  }

  dispose(): void {
    this.changed.dispose();
  }
}
