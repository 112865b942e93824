import type { LedgerItem } from '../model';

/** A folder of the Ledger's folder tree. `name` may span several segments (compacted single-child folders). */
export interface FolderTreeFolder {
  kind: 'folder';
  /** Shown name: one segment, or `a/b/c` when single-child folders were compacted. */
  name: string;
  /** POSIX path of the folder relative to the root (no trailing slash). */
  path: string;
  /** Items in this folder and below. */
  count: number;
  children: FolderTreeChild[];
}

/** A file of the folder tree with its items in line order. */
export interface FolderTreeFile {
  kind: 'file';
  name: string;
  /** POSIX path relative to the root. */
  path: string;
  count: number;
  items: LedgerItem[];
}

export type FolderTreeChild = FolderTreeFolder | FolderTreeFile;

/**
 * Builds the folder tree of items as the explorer shows one: folders first (by name), then files,
 * counts on every node, and a chain of folders that each hold exactly one folder and no file compacted
 * into one node (`packages/openapi/src`). Returns the root's children.
 */
export function buildFolderTree(items: readonly LedgerItem[]): FolderTreeChild[] {
  const root: FolderTreeFolder = { kind: 'folder', name: '', path: '', count: 0, children: [] };
  const folders = new Map<string, FolderTreeFolder>([['', root]]);
  const files = new Map<string, FolderTreeFile>();
  const folderOf = (dir: string): FolderTreeFolder => {
    const known = folders.get(dir);
    if (known) return known;
    const slash = dir.lastIndexOf('/');
    const parent = folderOf(slash < 0 ? '' : dir.slice(0, slash));
    const folder: FolderTreeFolder = { kind: 'folder', name: dir.slice(slash + 1), path: dir, count: 0, children: [] };
    parent.children.push(folder);
    folders.set(dir, folder);
    return folder;
  };
  for (const item of items) {
    let file = files.get(item.file);
    if (!file) {
      const slash = item.file.lastIndexOf('/');
      file = { kind: 'file', name: item.file.slice(slash + 1), path: item.file, count: 0, items: [] };
      folderOf(slash < 0 ? '' : item.file.slice(0, slash)).children.push(file);
      files.set(item.file, file);
    }
    file.items.push(item);
    file.count++;
    for (let dir = item.file; dir.includes('/');) {
      dir = dir.slice(0, dir.lastIndexOf('/'));
      folders.get(dir)!.count++;
    }
    root.count++;
  }
  for (const file of files.values()) file.items.sort((a, b) => a.line - b.line || a.column - b.column);
  return finish(root).children;
}

function finish(folder: FolderTreeFolder): FolderTreeFolder {
  let node = folder;
  // Compact: a (non-root) folder whose only child is a folder takes that folder's place and name.
  while (node.path !== '' && node.children.length === 1 && node.children[0]!.kind === 'folder') {
    const only = node.children[0] as FolderTreeFolder;
    node = { ...only, name: `${node.name}/${only.name}` };
  }
  node.children = node.children.map((c) => (c.kind === 'folder' ? finish(c) : c));
  node.children.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1));
  return node;
}

/**
 * A path shortened from the left to at most `max` characters, whole segments only:
 * `packages/openapi/test/routers/amount.ts` -> `…/routers/amount.ts`. The file name is never cut.
 */
export function shortenPath(file: string, max: number): string {
  if (file.length <= max) return file;
  const segments = file.split('/');
  let out = segments.pop()!;
  while (segments.length > 0 && out.length + segments[segments.length - 1]!.length + 3 <= max) out = `${segments.pop()!}/${out}`;
  return segments.length > 0 ? `…/${out}` : out;
}
