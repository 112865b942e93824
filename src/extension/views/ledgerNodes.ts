import * as vscode from 'vscode';
import { buildFolderTree, shortenPath } from '../../core/ledger/folderTree';
import { groupItems, type ItemGroup } from '../../core/ledger/grouping';
import { localToday } from '../../core/ledger/ids';
import type { LedgerItem } from '../../core/model';
import { folderTreeNodes } from './folderTreeNodes';
import { itemIcon, tagIcon } from './tagIcons';

/** A group with more items than this shows sub-groups (a tag group by folder, a file group by tag), not a flat list. */
export const SUBGROUP_AT = 40;
/** `file:line` in an item's description is shortened from the left to about this many characters. */
const PLACE_CHARS = 32;

/** A node of the Ledger tree. Domain objects stay plain; each node builds its own TreeItem. */
export interface LedgerNode {
  readonly id: string;
  treeItem(): vscode.TreeItem;
  children(): LedgerNode[];
  /** A tooltip built only when the user hovers the node (see LedgerTreeProvider.resolveTreeItem). */
  tooltip?(): vscode.MarkdownString;
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
  /** `within` = 'file' for a tag sub-group of a file group (its items need no path). */
  constructor(readonly id: string, private readonly group: ItemGroup, private readonly icon: vscode.ThemeIcon, private readonly root: vscode.Uri, private readonly expanded: boolean, private readonly within: 'file' | null = null) {}

  treeItem(): vscode.TreeItem {
    const isFile = this.group.key.startsWith('file:') || this.group.key.startsWith('interest:');
    // Files: the name first, the folder (shortened from the left) after the count.
    const slash = this.group.label.lastIndexOf('/');
    const label = isFile && slash >= 0 ? this.group.label.slice(slash + 1) : this.group.label;
    const item = new vscode.TreeItem(label, this.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = isFile && slash >= 0 ? `${this.group.items.length} · ${shortenPath(this.group.label.slice(0, slash), PLACE_CHARS)}` : `${this.group.items.length}`;
    item.iconPath = this.icon;
    item.contextValue = 'group';
    if (isFile) {
      item.resourceUri = vscode.Uri.joinPath(this.root, this.group.label);
      item.tooltip = `${this.group.label}: ${this.group.items.length} item${this.group.items.length === 1 ? '' : 's'}`;
    }
    return item;
  }

  children(): LedgerNode[] {
    const dimension = this.group.key.slice(0, this.group.key.indexOf(':'));
    const byFile = dimension === 'file' || dimension === 'interest';
    if (this.group.items.length > SUBGROUP_AT) {
      // A file's many items by tag; any other big group as a folder tree.
      if (byFile) return groupItems(this.group.items, 'tag', localToday()).map((g) => new GroupNode(`${this.id}/${g.key}`, g, tagIcon(g.items[0]!.tag, g.items[0]!.kind), this.root, false, 'file'));
      return folderTreeNodes(this.id, buildFolderTree(this.group.items), this.root, 0);
    }
    const shown = this.within === 'file' ? 'file' : dimension === 'tag' ? 'tag' : byFile ? 'file' : null;
    return this.group.items.map((i) => new ItemNode(`${this.id}/${i.id}`, i, this.root, shown));
  }
}

export class ItemNode implements LedgerNode {
  /** `groupedBy` names what the parent group already shows, so the description does not repeat it. */
  constructor(readonly id: string, readonly item: LedgerItem, readonly root: vscode.Uri, private readonly groupedBy: 'tag' | 'file' | null) {}

  treeItem(): vscode.TreeItem {
    // Typing refreshes the view after each rescan, and the host asks again for every shown node's TreeItem in
    // one call (36 ms of ours for an expanded group at load 15): an item that did not change keeps its TreeItem.
    const i = this.item;
    const key = displayKey(this.id, this.groupedBy, i);
    const known = shownItems.get(i);
    if (known && known.key === key) {
      // resolveTreeItem set the tooltip on hover: built again on the next hover, never sent with every refresh.
      known.item.tooltip = undefined;
      return known.item;
    }
    const item = this.build();
    shownItems.set(i, { key, item });
    return item;
  }

  private build(): vscode.TreeItem {
    const i = this.item;
    const label = i.kind === 'resilience' ? `${RESILIENCE_LABELS[i.tag] ?? i.tag}: ${i.client}` : i.text || i.tag;
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const meta = i.kind === 'resilience' ? [i.severity, i.callers && `${i.callers.length} caller${i.callers.length === 1 ? '' : 's'}`].filter(Boolean) : [i.owner, i.ticket && (i.ticketState ? `${i.ticket} (${i.ticketState})` : i.ticket), i.due && (i.overdue ? `overdue ${i.due}` : `due ${i.due}`)].filter(Boolean);
    const tag = this.groupedBy === 'tag' ? [] : [i.tag];
    item.description = [this.groupedBy === 'file' ? `line ${i.line}` : shortenPath(`${i.file}:${i.line}`, PLACE_CHARS), ...tag, ...meta].join(' · ');
    item.iconPath = itemIcon(i);
    item.contextValue = i.kind;
    // No tooltip here: a Markdown tooltip is parsed by the host for every node sent to the view (a block of its
    // own for hundreds of nodes); resolveTreeItem builds it on hover.
    const uri = vscode.Uri.joinPath(this.root, i.file);
    const start = new vscode.Position(i.line - 1, i.column - 1);
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(start, start.translate(0, i.tag.length)), preview: true }] };
    item.accessibilityInformation = { label: `${i.tag} ${label}, ${i.file} line ${i.line}${i.overdue ? ', overdue' : ''}` };
    return item;
  }

  children(): LedgerNode[] {
    return [];
  }

  tooltip(): vscode.MarkdownString {
    return tooltipFor(this.item);
  }
}

/**
 * The TreeItem last built for an item object (the ledger keeps an unchanged file's item objects; blame and
 * ticket state change fields in place, which changes the key), with what it shows.
 */
const shownItems = new WeakMap<LedgerItem, { key: string; item: vscode.TreeItem }>();

/** Everything an item's TreeItem shows or carries: node id (place in the tree), grouping, text and metadata. */
function displayKey(id: string, groupedBy: string | null, i: LedgerItem): string {
  return [id, groupedBy, i.kind, i.tag, i.text, i.file, i.line, i.column, i.owner, i.ticket, i.ticketState, i.due, i.overdue, i.severity, i.client, i.callers?.length].join('\u0000');
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
