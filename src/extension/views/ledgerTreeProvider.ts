import * as vscode from 'vscode';
import { filterItems, groupItems, type GroupBy } from '../../core/ledger/grouping';
import { localToday } from '../../core/ledger/ids';
import type { LedgerItem } from '../../core/model';
import { COMMANDS } from '../constants';
import type { FolderLedger } from '../ledger/folderLedger';
import type { LedgerController } from '../ledger/ledgerController';
import type { Activity } from '../util/activity';
import { Debouncer } from '../util/debouncer';
import { buildFolderTree } from '../../core/ledger/folderTree';
import { folderTreeNodes } from './folderTreeNodes';
import { FolderNode, GroupNode, ItemNode, MessageNode, type LedgerNode } from './ledgerNodes';
import { tagIcon } from './tagIcons';
import type { ViewState } from './viewState';
import type { BranchScope } from '../ledger/branchScope';

const NO_IDS: ReadonlySet<string> = new Set();

const GROUP_ICONS: Record<GroupBy, string> = { tag: 'tag', folder: 'folder', file: 'file', owner: 'person', due: 'calendar', age: 'history', team: 'organization', interest: 'flame', package: 'package', scope: 'filter', environment: 'server-environment' };

/** Provider of the Ledger view: builds nodes from the controller's ledgers and the view state. */
export class LedgerTreeProvider implements vscode.TreeDataProvider<LedgerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<LedgerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshes: Debouncer<'all'>;
  private roots: LedgerNode[] | undefined;
  private parents = new WeakMap<LedgerNode, LedgerNode>();
  private readonly filtered = new WeakMap<FolderLedger, { all: readonly LedgerItem[]; ids: ReadonlySet<string> | null; key: string; items: LedgerItem[] }>();
  /** When the view first got item nodes (performance.now()), and whether they were provisional (snapshot / streamed). */
  firstShown: { at: number; provisional: boolean } | null = null;

  constructor(private readonly controller: LedgerController, private readonly state: ViewState, activity: Activity, private readonly scope: BranchScope) {
    // Coalesce: a burst of file updates becomes one refresh.
    this.refreshes = new Debouncer(75, () => activity.check());
    activity.addPendingSource(() => this.refreshes.pending);
  }

  refresh(): void {
    this.refreshes.schedule('all', () => {
      this.roots = undefined;
      this.changed.fire(undefined);
    });
  }

  getTreeItem(node: LedgerNode): vscode.TreeItem {
    return node.treeItem();
  }

  /** Item tooltips are built when hovered, not with every refresh. */
  resolveTreeItem(item: vscode.TreeItem, node: LedgerNode): vscode.TreeItem {
    if (item.tooltip === undefined && node.tooltip) item.tooltip = node.tooltip();
    return item;
  }

  getChildren(node?: LedgerNode): LedgerNode[] {
    if (node) return node.children();
    this.roots ??= this.buildRoots();
    return this.roots;
  }

  /** Known after `findItemNode` walked to a node (TreeView.reveal asks for the path up). */
  getParent(node: LedgerNode): LedgerNode | undefined {
    return this.parents.get(node);
  }

  /** The node showing an item in the current grouping and filter, remembering its ancestors for reveal. */
  findItemNode(ledger: FolderLedger, itemId: string): LedgerNode | undefined {
    this.parents = new WeakMap();
    const root = ledger.folder.uri.toString();
    const walk = (nodes: LedgerNode[], parent: LedgerNode | undefined): LedgerNode | undefined => {
      for (const n of nodes) {
        if (parent) this.parents.set(n, parent);
        if (n instanceof ItemNode) {
          if (n.item.id === itemId && n.root.toString() === root) return n;
          continue;
        }
        const found = walk(n.children(), n);
        if (found) return found;
      }
      return undefined;
    };
    return walk(this.getChildren(), undefined);
  }

  /** Items currently shown (after filter and current-file toggle), for the badge and status bar. */
  visibleItems(): readonly LedgerItem[] {
    return this.controller.folders().flatMap((l) => this.itemsOf(l));
  }

  private currentFile(ledger: FolderLedger): string | null | undefined {
    if (!this.state.currentFileOnly) return null;
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri ? ledger.relative(uri) : undefined;
  }

  /**
   * A folder's items after the filter, memoized on the ledger's item list (the same array until it
   * changes) and the filter: the badge, the status bar and the view ask for it after every change.
   */
  private itemsOf(ledger: FolderLedger): readonly LedgerItem[] {
    const file = this.currentFile(ledger);
    if (file === undefined) return [];
    const all = ledger.index.items();
    const scopes = this.state.scopesFor(all.some((i) => i.scope === 'test'));
    const ids = this.state.newOnBranch ? this.scope.idsFor(ledger) ?? NO_IDS : null;
    const key = JSON.stringify([this.state.filter, file, scopes]);
    const known = this.filtered.get(ledger);
    if (known && known.all === all && known.ids === ids && known.key === key) return known.items;
    const items = filterItems(all, { ...this.state.filter, file, scopes, ids });
    this.filtered.set(ledger, { all, ids, key, items });
    return items;
  }

  private buildRoots(): LedgerNode[] {
    const ledgers = this.controller.folders();
    if (ledgers.length === 1) return this.folderChildren(ledgers[0]!);
    return ledgers.map((l) => {
      const note = l.configProblem ? 'configuration invalid' : l.scanning && !l.scanned ? 'scanning…' : null;
      return new FolderNode(`folder:${l.folder.uri}`, l.folder.name, this.itemsOf(l).length, note, this.folderChildren(l));
    });
  }

  private folderChildren(ledger: FolderLedger): LedgerNode[] {
    const id = `folder:${ledger.folder.uri}`;
    const nodes: LedgerNode[] = [];
    if (ledger.configProblem) {
      nodes.push(new MessageNode(`${id}/config`, `Configuration invalid: ${ledger.configProblem}`, 'error', { command: COMMANDS.openConfiguration, title: 'Open Configuration', arguments: [ledger.folder] }));
    }
    if (!ledger.scanned) {
      const p = ledger.progress;
      if (ledger.scanning) nodes.push(new MessageNode(`${id}/scanning`, `Scanning…${p ? ` ${p.done}/${p.total}` : ''}${ledger.provisional ? ' (so far)' : ''}`, 'loading~spin'));
      if (!ledger.provisional) return nodes;
    }
    const items = this.itemsOf(ledger);
    if (items.length > 0 && this.firstShown === null) this.firstShown = { at: performance.now(), provisional: !ledger.scanned };
    const groupBy = this.state.groupBy;
    if (groupBy === 'folder') {
      // Expanded two levels deep while small, collapsed otherwise (like the explorer).
      nodes.push(...folderTreeNodes(`${id}/folder`, buildFolderTree(items), ledger.folder.uri, items.length <= 50 ? 2 : 0));
    } else {
      const groups = groupItems(items, groupBy, localToday());
      const expand = items.length <= 50 || groups.length === 1;
      for (const g of groups) {
        const first = g.items[0]!;
        const icon = groupBy === 'tag' ? (first.kind === 'resilience' ? new vscode.ThemeIcon('debug-disconnect') : tagIcon(first.tag, first.kind)) : new vscode.ThemeIcon(GROUP_ICONS[groupBy]);
        nodes.push(new GroupNode(`${id}/${g.key}`, g, icon, ledger.folder.uri, expand));
      }
    }
    if (items.length === 0 && ledger.index.items().length > 0) {
      nodes.push(new MessageNode(`${id}/filtered`, this.state.newOnBranch ? `Nothing new on this branch (${this.scope.notes.get(ledger.folder.uri.toString()) ?? 'checking…'})` : this.state.currentFileOnly ? 'No items in the current file' : 'No items match the filter or the scope (Filter by Scope)', 'filter'));
    }
    return nodes;
  }

  dispose(): void {
    this.refreshes.dispose();
    this.changed.dispose();
  }
}
