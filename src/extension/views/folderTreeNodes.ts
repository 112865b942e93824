import * as vscode from 'vscode';
import type { FolderTreeChild } from '../../core/ledger/folderTree';
import { ItemNode, type LedgerNode } from './ledgerNodes';

/** Nodes of a folder tree (Group by Folder, and the sub-groups of large groups). */
export function folderTreeNodes(idPrefix: string, children: readonly FolderTreeChild[], root: vscode.Uri, expandDepth: number): LedgerNode[] {
  return children.map((c) => (c.kind === 'folder' ? new TreeFolderNode(`${idPrefix}/d:${c.path}`, c, root, expandDepth) : new TreeFileNode(`${idPrefix}/f:${c.path}`, c, root)));
}

export class TreeFolderNode implements LedgerNode {
  constructor(readonly id: string, private readonly folder: Extract<FolderTreeChild, { kind: 'folder' }>, private readonly root: vscode.Uri, private readonly expandDepth: number) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.folder.name, this.expandDepth > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${this.folder.count}`;
    item.iconPath = vscode.ThemeIcon.Folder;
    item.resourceUri = vscode.Uri.joinPath(this.root, this.folder.path);
    item.tooltip = `${this.folder.path}: ${this.folder.count} item${this.folder.count === 1 ? '' : 's'}`;
    item.contextValue = 'treeFolder';
    return item;
  }

  children(): LedgerNode[] {
    return folderTreeNodes(this.id, this.folder.children, this.root, this.expandDepth - 1);
  }
}

export class TreeFileNode implements LedgerNode {
  constructor(readonly id: string, private readonly file: Extract<FolderTreeChild, { kind: 'file' }>, private readonly root: vscode.Uri) {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.file.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = `${this.file.count}`;
    item.iconPath = vscode.ThemeIcon.File;
    item.resourceUri = vscode.Uri.joinPath(this.root, this.file.path);
    item.tooltip = `${this.file.path}: ${this.file.count} item${this.file.count === 1 ? '' : 's'}`;
    item.contextValue = 'treeFile';
    return item;
  }

  children(): LedgerNode[] {
    return this.file.items.map((i) => new ItemNode(`${this.id}/${i.id}`, i, this.root, 'file'));
  }
}
