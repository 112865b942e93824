import * as vscode from 'vscode';
import type { ItemGroup } from '../../core/ledger/grouping';
import type { LedgerItem } from '../../core/model';

/** A node of the Ledger tree. Domain objects stay plain; each node builds its own TreeItem. */
export interface LedgerNode {
  readonly id: string;
  treeItem(): vscode.TreeItem;
  children(): LedgerNode[];
}

export class FolderNode implements LedgerNode {
  constructor(readonly id: string, private readonly name: string, private readonly count: number, private readonly note: string | null, private readonly kids: LedgerNode[]) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.name, vscode.TreeItemCollapsibleState.Expanded);
    item.id = this.id;
    item.description = this.note ?? `${this.count}`;
    item.iconPath = new vscode.ThemeIcon('root-folder');
    item.contextValue = 'folder';
    return item;
  }

  children(): LedgerNode[] {
    return this.kids;
  }
}

export class GroupNode implements LedgerNode {
  constructor(readonly id: string, private readonly group: ItemGroup, private readonly icon: vscode.ThemeIcon, private readonly root: vscode.Uri, private readonly expanded: boolean) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.group.label, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${this.group.items.length}`;
    item.iconPath = this.icon;
    item.contextValue = 'group';
    if (this.group.key.startsWith('file:')) item.resourceUri = vscode.Uri.joinPath(this.root, this.group.label);
    return item;
  }

  children(): LedgerNode[] {
    const dimension = this.group.key.slice(0, this.group.key.indexOf(':'));
    return this.group.items.map((i) => new ItemNode(`${this.id}/${i.id}`, i, this.root, dimension === 'tag' ? 'tag' : dimension === 'file' ? 'file' : null));
  }
}

export class ItemNode implements LedgerNode {
  /** `groupedBy` names what the parent group already shows, so the description does not repeat it. */
  constructor(readonly id: string, readonly item: LedgerItem, private readonly root: vscode.Uri, private readonly groupedBy: 'tag' | 'file' | null) {}

  treeItem(): vscode.TreeItem {
    const i = this.item;
    const label = i.kind === 'resilience' ? `${RESILIENCE_LABELS[i.tag] ?? i.tag}: ${i.client}` : i.text || i.tag;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const meta = i.kind === 'resilience' ? [i.severity, i.callers && `${i.callers.length} caller${i.callers.length === 1 ? '' : 's'}`].filter(Boolean) : [i.owner, i.ticket && (i.ticketState ? `${i.ticket} (${i.ticketState})` : i.ticket), i.due && (i.overdue ? `overdue ${i.due}` : `due ${i.due}`)].filter(Boolean);
    const tag = this.groupedBy === 'tag' ? [] : [i.tag];
    item.description = [...tag, this.groupedBy === 'file' ? `line ${i.line}` : `${i.file}:${i.line}`, ...meta].join(' · ');
    item.iconPath = iconFor(i);
    item.contextValue = i.kind;
    item.tooltip = tooltipFor(i);
    const uri = vscode.Uri.joinPath(this.root, i.file);
    const start = new vscode.Position(i.line - 1, i.column - 1);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(start, start.translate(0, i.tag.length)), preview: true }] };
    item.accessibilityInformation = { label: `${i.tag} ${label}, ${i.file} line ${i.line}${i.overdue ? ', overdue' : ''}` };
    return item;
  }

  children(): LedgerNode[] {
    return [];
  }
}

export class MessageNode implements LedgerNode {
  constructor(readonly id: string, private readonly message: string, private readonly icon: string, private readonly command?: vscode.Command) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.message, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    if (this.command) item.command = this.command;
    return item;
  }

  children(): LedgerNode[] {
    return [];
  }
}

const RESILIENCE_LABELS: Record<string, string> = {
  'resilience/timeout': 'No timeout',
  'resilience/retry': 'No retry',
  'resilience/circuit-breaker': 'No circuit breaker',
  'resilience/swallowed-error': 'Swallowed failure',
  'resilience/unsafe-retry': 'Unsafe retry',
};

function iconFor(i: LedgerItem): vscode.ThemeIcon {
  if (i.kind === 'resilience') return new vscode.ThemeIcon('debug-disconnect', new vscode.ThemeColor(i.severity === 'error' ? 'list.errorForeground' : i.severity === 'warning' ? 'list.warningForeground' : 'foreground'));
  if (i.overdue) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'));
  if (i.kind === 'suppression') return new vscode.ThemeIcon('mute', new vscode.ThemeColor('list.warningForeground'));
  switch (i.tag) {
    case 'FIXME':
    case 'BUG': return new vscode.ThemeIcon('bug');
    case 'HACK':
    case 'XXX': return new vscode.ThemeIcon('flame');
    default: return new vscode.ThemeIcon('checklist');
  }
}

/** Every workspace string goes in through appendText, which escapes Markdown and HTML. */
function tooltipFor(i: LedgerItem): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown('**').appendText(i.tag).appendMarkdown('**');
  md.appendMarkdown(i.kind === 'suppression' ? ' (suppression)\n\n' : i.kind === 'resilience' ? ` (${i.severity})\n\n` : '\n\n');
  if (i.text) md.appendText(i.text).appendMarkdown('\n\n');
  if (i.client) md.appendMarkdown('Client: ').appendText(i.client).appendMarkdown('  \n');
  if (i.callers) md.appendMarkdown('Callers: ').appendText(i.callers.join(', ')).appendMarkdown('  \n');
  const rows: [string, string | null][] = [['File', `${i.file}:${i.line}:${i.column}`], ['Owner', i.owner], ['Ticket', i.ticket], ['Due', i.due && `${i.due}${i.overdue ? ' (overdue)' : ''}`]];
  for (const [k, v] of rows) if (v) md.appendMarkdown(`${k}: `).appendText(v).appendMarkdown('  \n');
  return md;
}
