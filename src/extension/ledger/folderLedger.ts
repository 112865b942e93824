import type * as vscode from 'vscode';
import type { DebtLedgerConfig } from '../../core/config/config';
import { LedgerIndex } from '../../core/ledger/ledgerIndex';

/** The ledger state of one workspace folder. */
export class FolderLedger {
  readonly index: LedgerIndex;
  /** The last valid configuration; null until one loaded. */
  config: DebtLedgerConfig | null = null;
  /** One line describing a broken configuration, or null. */
  configProblem: string | null = null;
  scanned = false;
  /** How the last full scan listed files: with git, or by walking (Restricted Mode runs no git). */
  listedWith: 'git' | 'walk' | null = null;
  scanning = false;
  /**
   * Files changed or deleted on disk while a full scan ran: the scan may have listed or read them before the
   * change, so they are updated again once its result is in (else the change would be lost).
   */
  readonly changedDuringScan = new Map<string, 'changed' | 'deleted'>();
  /** Before the first scan finishes: the items shown come from the last session's snapshot and the files scanned so far. */
  provisional = false;
  /** Files done and total of the scan in progress; null when none. */
  progress: { done: number; total: number } | null = null;

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.index = new LedgerIndex(folder.uri.fsPath);
  }

  get root(): string {
    return this.folder.uri.fsPath;
  }

  /** POSIX path of a URI relative to this folder, or null when outside it. */
  relative(uri: vscode.Uri): string | null {
    if (uri.scheme !== this.folder.uri.scheme || uri.authority !== this.folder.uri.authority) return null;
    const base = this.folder.uri.path.endsWith('/') ? this.folder.uri.path : `${this.folder.uri.path}/`;
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : null;
  }
}
