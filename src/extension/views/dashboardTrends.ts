import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { branchTrend } from '../../core/intel/branchTrend';
import { folderTrend, readStoredTrends } from '../../core/intel/dashboardTrend';
import { readOwnedJson, writeOwnedJson } from '../../core/fs/ownedFiles';
import { gitExec } from '../../core/git/gitExec';
import { HEADLINE_SCOPES } from '../../core/scope/views';
import type { FolderTrend } from '../../webview/protocol';
import type { FolderLedger } from '../ledger/folderLedger';

const STORED = 'dashboard-trends.json';
const SIX_MONTHS = 180 * 86_400_000;

/**
 * The dashboard's trends, one per workspace folder: read from git (the checked-out branch, and the base as a
 * reference; cached per commit in the folder's own trend file), kept in the workspace storage
 * (`dashboard-trends.json`, read defensively) so the next dashboard draws the last ones at once, and read
 * again only when a folder's HEAD moved.
 */
export class DashboardTrends {
  private last: FolderTrend[] = [];
  private heads = new Map<string, string>();
  private reading: Promise<FolderTrend[]> | null = null;

  constructor(private readonly storage: vscode.Uri | undefined) {}

  private get storedFile(): string | null {
    return this.storage ? vscode.Uri.joinPath(this.storage, STORED).fsPath : null;
  }

  /** The trends the last session (or panel) stored; a damaged file is dropped (it only costs the instant trend). */
  async load(): Promise<void> {
    const file = this.storedFile;
    if (!file || this.last.length > 0) return;
    const read = await readOwnedJson(file, (v): v is unknown[] => Array.isArray(v), 'the stored dashboard trends').catch(() => ({ value: null }));
    this.last = readStoredTrends(read.value);
  }

  /** What is known now (the last read, maybe from the last session), for these folders. */
  known(ledgers: readonly FolderLedger[]): FolderTrend[] {
    const names = new Set(ledgers.map((l) => l.folder.name));
    return this.last.filter((t) => names.has(t.folder));
  }

  private async head(root: string): Promise<string> {
    const r = await gitExec(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
    return r.code === 0 ? r.stdout.trim() : '';
  }

  /** Whether some folder's HEAD moved (or was never read) since the last read. */
  async stale(ledgers: readonly FolderLedger[]): Promise<boolean> {
    for (const l of ledgers) if (l.config && this.heads.get(l.root) !== (await this.head(l.root))) return true;
    return false;
  }

  /** Reads every folder's trend (one read at a time; callers during a read share it). */
  read(ledgers: readonly FolderLedger[]): Promise<FolderTrend[]> {
    this.reading ??= this.readAll(ledgers).finally(() => (this.reading = null));
    return this.reading;
  }

  private async readAll(ledgers: readonly FolderLedger[]): Promise<FolderTrend[]> {
    const trends: FolderTrend[] = [];
    for (const l of ledgers) {
      if (!l.config) {
        trends.push({ folder: l.folder.name, branch: '', points: [], base: null, reference: [], note: l.configProblem ?? 'Not scanned yet.' });
        continue;
      }
      const head = await this.head(l.root);
      // One cache file per folder: each folder has its own configuration, hence its own cache key.
      const cacheFile = this.storage ? vscode.Uri.joinPath(this.storage, `trend-${createHash('sha1').update(l.folder.uri.toString()).digest('hex').slice(0, 16)}.json`).fsPath : null;
      const notes: string[] = [];
      try {
        // The headline scopes, as the totals beside it count (source by default).
        const t = await branchTrend(l.root, l.config, { sinceMs: SIX_MONTHS, points: 12, cacheFile, scopes: HEADLINE_SCOPES, onNote: (n) => notes.push(n) });
        trends.push(folderTrend(l.folder.name, t, notes.length > 0 ? notes.join('; ') : null));
      } catch (err) {
        trends.push({ folder: l.folder.name, branch: '', points: [], base: null, reference: [], note: `No trend: ${(err as Error).message.split('\n')[0]}` });
      }
      this.heads.set(l.root, head);
    }
    this.last = trends;
    const file = this.storedFile;
    if (file) {
      try {
        await writeOwnedJson(file, trends);
      } catch {
        // Not stored: the next dashboard only waits for git.
      }
    }
    return trends;
  }
}
