import * as vscode from 'vscode';
import { permalink } from '../../core/editor/permalink';
import { repositoryWeb, type RepositoryWeb } from '../../core/git/remote';
import type { FolderLedger } from '../ledger/folderLedger';

/** Web links for a folder's files (remote and HEAD asked once per folder; never in untrusted workspaces). */
export class RepositoryLinks {
  private readonly known = new Map<string, Promise<RepositoryWeb | null>>();

  of(ledger: FolderLedger): Promise<RepositoryWeb | null> {
    if (!vscode.workspace.isTrusted) return Promise.resolve(null);
    const key = ledger.folder.uri.toString();
    let found = this.known.get(key);
    if (!found) {
      found = repositoryWeb(ledger.root).catch(() => null);
      this.known.set(key, found);
    }
    return found;
  }

  /** A permalink to a line of a file at HEAD, or null (no web remote, no commit, untrusted). */
  async permalink(ledger: FolderLedger, file: string, line: number): Promise<string | null> {
    const repo = await this.of(ledger);
    if (!repo?.web || !repo.head) return null;
    return permalink(repo.web, repo.head, repo.prefix ? `${repo.prefix}/${file}` : file, line);
  }

  /** HEAD moves with commits and checkouts: ask again next time. */
  forget(): void {
    this.known.clear();
  }
}
