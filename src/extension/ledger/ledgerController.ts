import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { filesBelow } from '../../core/fs/folderFiles';
import * as vscode from 'vscode';
import { CONFIG_FILE_NAME } from '../../core/config/config';
import { resolveLayers } from '../../core/config/layers';
import { loadLayeredConfig } from '../../core/config/loadConfig';
import { isGitIgnored } from '../../core/git/gitIgnore';
import { localToday } from '../../core/ledger/ids';
import { isScannedPath } from '../../core/scan/scanner';
import type { ScanService } from '../scan/scanService';
import type { Configuration } from '../configuration';
import type { ConfigDiagnostics } from '../diagnostics/configDiagnostics';
import type { Notifier } from '../notifier';
import type { Activity } from '../util/activity';
import { withAbortSignal } from '../util/abortSignal';
import { Debouncer } from '../util/debouncer';
import { nextTurn } from '../util/startUp';
import { FolderLedger } from './folderLedger';
import { LedgerSnapshots } from './ledgerSnapshots';
import { COMMANDS } from '../constants';
import type { LedgerItem } from '../../core/model';

/** Files of a created folder read one by one; more and the folder is a rescan. */
const NEW_FOLDER_FILES = 200;

export interface LedgerControllerDeps {
  configuration: Configuration;
  output: vscode.LogOutputChannel;
  notifier: Notifier;
  diagnostics: ConfigDiagnostics;
  activity: Activity;
  /** Folder for the content cache (the extension's workspace storage); undefined for none. */
  storage: vscode.Uri | undefined;
  /** Runs scans and parses (in a worker thread when available). */
  scans: ScanService;
}

/**
 * Keeps one ledger per workspace folder up to date: a full scan on demand (with progress and
 * cancellation), then incremental updates per file from saves, file events and unsaved buffers.
 * A broken configuration keeps the last good ledger and is reported once, with a diagnostic.
 */
export class LedgerController implements vscode.Disposable {
  private readonly ledgers = new Map<string, FolderLedger>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly fileUpdates: Debouncer<string>;
  private scanCancel: vscode.CancellationTokenSource | undefined;
  private readonly snapshots: LedgerSnapshots;

  constructor(private readonly deps: LedgerControllerDeps) {
    this.fileUpdates = new Debouncer(deps.configuration.editor().debounceMs, () => deps.activity.check());
    deps.activity.addPendingSource(() => this.fileUpdates.pending);
    this.snapshots = new LedgerSnapshots(deps.storage);
    this.syncFolders();
  }

  folders(): FolderLedger[] {
    return [...this.ledgers.values()];
  }

  /** Adds and removes folder ledgers to match the workspace; returns the added ones. */
  syncFolders(): FolderLedger[] {
    const current = vscode.workspace.workspaceFolders ?? [];
    const keys = new Set(current.map((f) => f.uri.toString()));
    for (const key of [...this.ledgers.keys()]) {
      if (!keys.has(key)) {
        this.deps.diagnostics.clear(this.ledgers.get(key)!.folder);
        this.ledgers.delete(key);
      }
    }
    const added: FolderLedger[] = [];
    for (const folder of current) {
      if (!this.ledgers.has(folder.uri.toString())) {
        const ledger = new FolderLedger(folder);
        this.ledgers.set(folder.uri.toString(), ledger);
        added.push(ledger);
      }
    }
    if (added.length > 0 || keys.size !== this.ledgers.size) this.changed.fire();
    return added;
  }

  /** Full scan of the given folders (default all). `interactive` shows a cancellable notification. */
  scan(options: { interactive: boolean; folders?: FolderLedger[] }): Promise<void> {
    return this.deps.activity.track(this.runScan(options.folders ?? this.folders(), options.interactive));
  }

  private async runScan(ledgers: FolderLedger[], interactive: boolean): Promise<void> {
    this.scanCancel?.cancel();
    const cancel = (this.scanCancel = new vscode.CancellationTokenSource());
    const location = interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    try {
      await vscode.window.withProgress({ location, title: 'Debt Ledger', cancellable: interactive }, (progress, token) =>
        withAbortSignal([token, cancel.token], async (signal) => {
          for (const ledger of ledgers) {
            if (signal.aborted) break;
            progress.report({ message: `scanning ${ledger.folder.name}…` });
            await this.scanFolder(ledger, signal, (done, total) => progress.report({ message: `${ledger.folder.name}: ${done}/${total} files` }));
          }
        }));
    } finally {
      if (this.scanCancel === cancel) this.scanCancel = undefined;
      cancel.dispose();
    }
  }

  private async scanFolder(ledger: FolderLedger, signal: AbortSignal, onProgress: (done: number, total: number) => void): Promise<void> {
    if (!ledger.scanned && !ledger.provisional) await this.restoreSnapshot(ledger);
    if (!(await this.loadConfig(ledger)) || !ledger.config) return;
    ledger.scanning = true;
    ledger.changedDuringScan.clear();
    this.changed.fire();
    const started = Date.now();
    // Until the first scan is done, each file's items go to the view as soon as they are known.
    let lastFire = 0;
    const stream = ledger.scanned ? undefined : (file: string, items: LedgerItem[]): void => {
      ledger.provisional = true;
      ledger.index.setFile(file, items);
      if (performance.now() - lastFire > 250) {
        lastFire = performance.now();
        this.changed.fire();
      }
    };
    const progress = (done: number, total: number): void => {
      ledger.progress = { done, total };
      onProgress(done, total);
    };
    try {
      const overrides = new Map<string, string>();
      for (const doc of vscode.workspace.textDocuments) {
        const rel = doc.isDirty ? ledger.relative(doc.uri) : null;
        if (rel) overrides.set(rel, doc.getText());
      }
      // The configuration's resolution above and starting the scanner process below are a turn each.
      await nextTurn();
      const result = await this.deps.scans.scan({
        root: ledger.root,
        config: ledger.config,
        useGit: vscode.workspace.isTrusted,
        cacheFile: this.cacheFile(ledger),
        signal,
        onProgress: progress,
        overrides,
        ...(stream ? { onFileItems: stream } : {}),
      });
      ledger.index.setResilienceConfig(ledger.config.resilience.enabled ? ledger.config.resilience : null);
      ledger.index.reset(result.items, result.skipped, result.summaries);
      ledger.scanned = true;
      // What changed on disk while the scan ran is read again, after the scan's (possibly older) view of it.
      for (const [rel, change] of ledger.changedDuringScan) {
        if (change === 'deleted') {
          this.deps.scans.forget(ledger.root, rel);
          this.apply(ledger, rel, () => ledger.index.removeFile(rel) || ledger.index.removeUnder(rel));
        }
        else void this.deps.activity.track(this.updateFromDisk(ledger, rel, false));
      }
      ledger.changedDuringScan.clear();
      ledger.provisional = false;
      ledger.listedWith = result.listedWith ?? null;
      void this.saveSnapshot(ledger);
      this.deps.output.info(`${ledger.folder.name}: ${result.items.length} items in ${result.stats.filesScanned} files (${result.stats.filesParsed} parsed, ${result.stats.filesFromCache} from cache) in ${Date.now() - started} ms`);
      for (const s of result.skipped) this.deps.output.warn(`${ledger.folder.name}: skipped ${s.file}: ${s.reason}`);
      // Age, teams and interest arrive after the ledger is shown: blame never blocks a scan.
      if (vscode.workspace.isTrusted && result.listedWith === 'git') void this.deps.activity.track(this.enrich(ledger));
    } catch (err) {
      if (signal.aborted) this.deps.output.info(`${ledger.folder.name}: scan cancelled`);
      else {
        this.deps.output.error(`${ledger.folder.name}: scan failed: ${(err as Error).stack ?? String(err)}`);
        void this.deps.notifier.error(`scan:${ledger.folder.uri}`, `Debt Ledger: scanning ${ledger.folder.name} failed: ${(err as Error).message}`);
      }
    } finally {
      ledger.scanning = false;
      ledger.progress = null;
      this.changed.fire();
    }
  }

  /** Shows the last session's ledger of a folder while its first scan runs. */
  private async restoreSnapshot(ledger: FolderLedger): Promise<void> {
    const items = await this.snapshots.load(ledger.folder.uri);
    if (!items || items.length === 0 || ledger.scanned) return;
    ledger.index.reset(items, []);
    ledger.provisional = true;
    this.changed.fire();
  }

  private async saveSnapshot(ledger: FolderLedger): Promise<void> {
    try {
      await this.snapshots.save(ledger.folder.uri, ledger.index.items().filter((i) => i.kind !== 'resilience'));
    } catch (err) {
      this.deps.output.warn(`${ledger.folder.name}: could not keep the ledger for the next start: ${(err as Error).message}`);
    }
  }

  /** Blames the files with items in the background (cached by blob id in workspace storage), with progress. */
  private async enrich(ledger: FolderLedger): Promise<void> {
    if (!ledger.config) return;
    const config = ledger.config;
    const cache = this.cacheFile(ledger)?.replace(/\.json$/, '.blame.json') ?? null;
    try {
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Debt Ledger: dating items' }, async (progress) => {
        const stats = await this.deps.scans.enrich([...ledger.index.items()], { root: ledger.root, config, today: localToday(), useGit: true, blameCacheFile: cache, onProgress: (done, total) => progress.report({ message: `${done}/${total} files` }) });
        this.deps.output.info(`${ledger.folder.name}: blamed ${stats.blamed} files (${stats.fromCache} from cache) in ${stats.ms} ms`);
      });
      this.changed.fire();
      void this.saveSnapshot(ledger);
    } catch (err) {
      this.deps.output.warn(`${ledger.folder.name}: blame failed: ${(err as Error).message}`);
    }
  }

  private cacheFile(ledger: FolderLedger): string | null {
    if (!this.deps.storage) return null;
    const key = createHash('sha1').update(ledger.folder.uri.toString()).digest('hex').slice(0, 16);
    return path.join(this.deps.storage.fsPath, `scan-${key}.json`);
  }

  /**
   * Loads settings + `.debtledger.json`. On errors: keeps the last good config, shows one notification
   * with an action and diagnostics on the file, and returns false (the caller keeps the old ledger).
   */
  async loadConfig(ledger: FolderLedger): Promise<boolean> {
    let loaded: Awaited<ReturnType<typeof loadLayeredConfig>>;
    try {
      loaded = await loadLayeredConfig(ledger.root, this.deps.configuration.scanSettingsLayer(ledger.folder));
    } catch (err) {
      // Never an unhandled rejection: a configuration that cannot be loaded is a configuration problem.
      this.deps.output.error(`${ledger.folder.name}: loading the configuration failed: ${(err as Error).stack ?? String(err)}`);
      loaded = { ...resolveLayers([]), file: null, text: null, errors: [{ source: CONFIG_FILE_NAME, path: '', message: `cannot be loaded: ${(err as Error).message}` }] };
    }
    const fileUri = vscode.Uri.joinPath(ledger.folder.uri, CONFIG_FILE_NAME);
    this.deps.diagnostics.update(ledger.folder, fileUri, loaded.text, loaded.errors.filter((e) => e.source === CONFIG_FILE_NAME));
    const problems = loaded.errors.map((e) => `${e.source}${e.path ? ` ${e.path}` : ''}: ${e.message}`);
    const key = `config:${ledger.folder.uri}`;
    if (problems.length > 0) {
      ledger.configProblem = problems[0]!;
      for (const p of problems) this.deps.output.error(`${ledger.folder.name}: ${p}`);
      this.changed.fire();
      void this.deps.notifier
        .error(key, `Debt Ledger: the configuration of ${ledger.folder.name} is invalid (${problems[0]}). The ledger keeps its last good result.`, 'Open Configuration')
        .then((action) => action && vscode.commands.executeCommand(COMMANDS.openConfiguration, ledger.folder));
      if (ledger.config) return false;
      // No good result yet: scan with defaults standing in for the invalid values, so the ledger is not empty.
      ledger.config = loaded.config;
      return true;
    }
    this.deps.notifier.forget(key);
    const changed = ledger.configProblem !== null || JSON.stringify(ledger.config) !== JSON.stringify(loaded.config);
    ledger.configProblem = null;
    ledger.config = loaded.config;
    if (changed) this.changed.fire();
    return true;
  }

  /** The folder ledger a URI belongs to, with its relative path. */
  locate(uri: vscode.Uri): { ledger: FolderLedger; rel: string } | null {
    for (const ledger of this.ledgers.values()) {
      const rel = ledger.relative(uri);
      if (rel) return { ledger, rel };
    }
    return null;
  }

  /** A file was saved, created or changed on disk: rescan it (debounced). */
  fileChanged(uri: vscode.Uri, created = false): void {
    const at = this.locate(uri);
    if (!at) return;
    if (at.rel === CONFIG_FILE_NAME) {
      this.fileUpdates.schedule(`config:${at.ledger.folder.uri}`, () => void this.deps.activity.track(this.configChanged(at.ledger)));
      return;
    }
    this.fileUpdates.schedule(uri.toString(), () => void this.deps.activity.track(this.updateFromDisk(at.ledger, at.rel, created)));
  }

  /**
   * A created path that is not a file the ledger scans may be a folder: the watcher reports a new folder
   * but misses files written into it before it was watched (`mkdir -p a/b && echo > a/b/x.ts` is one
   * event, for `a`, now and then). Its files are read as created ones; a big new folder is a rescan.
   */
  private async folderCreated(ledger: FolderLedger, rel: string): Promise<void> {
    const config = ledger.config;
    if (!config) return;
    const stat = await fs.lstat(path.join(ledger.root, rel)).catch(() => null);
    if (!stat?.isDirectory()) return;
    const files = await filesBelow(ledger.root, rel, (f) => isScannedPath(config, f), NEW_FOLDER_FILES);
    if (files === null) {
      this.deps.output.info(`${ledger.folder.name}: ${rel} was created with more than ${NEW_FOLDER_FILES} files: rescanning`);
      void this.scan({ interactive: false, folders: [ledger] });
      return;
    }
    for (const file of files) this.fileChanged(vscode.Uri.joinPath(ledger.folder.uri, file), true);
  }

  /** An open document's unsaved text changed: update its items from the buffer (debounced). */
  bufferChanged(document: vscode.TextDocument): void {
    const at = this.locate(document.uri);
    if (!at || at.rel === CONFIG_FILE_NAME || !at.ledger.config || !isScannedPath(at.ledger.config, at.rel)) return;
    this.fileUpdates.schedule(document.uri.toString(), () => {
      if (document.isClosed || !at.ledger.config) return;
      void this.deps.activity.track(this.updateFromText(at.ledger, at.rel, document.getText()));
    });
  }

  /** A file or folder was deleted. */
  fileDeleted(uri: vscode.Uri): void {
    const at = this.locate(uri);
    if (!at) return;
    if (at.rel === CONFIG_FILE_NAME) {
      this.fileChanged(uri);
      return;
    }
    if (at.ledger.scanning) at.ledger.changedDuringScan.set(at.rel, 'deleted');
    this.deps.scans.forget(at.ledger.root, at.rel);
    this.apply(at.ledger, at.rel, () => at.ledger.index.removeFile(at.rel) || at.ledger.index.removeUnder(at.rel));
  }

  private async updateFromDisk(ledger: FolderLedger, rel: string, created: boolean): Promise<void> {
    const config = ledger.config;
    if (ledger.scanning) ledger.changedDuringScan.set(rel, 'changed');
    if (!ledger.scanned || !config) return;
    if (!isScannedPath(config, rel)) {
      if (created) await this.folderCreated(ledger, rel);
      return;
    }
    if (created && !ledger.index.has(rel) && vscode.workspace.isTrusted && (await isGitIgnored(ledger.root, rel))) return;
    const open = vscode.workspace.textDocuments.find((d) => d.isDirty && ledger.relative(d.uri) === rel);
    if (open) return this.updateFromText(ledger, rel, open.getText());
    let outcome: Awaited<ReturnType<ScanService['scanFile']>>;
    try {
      outcome = await this.deps.scans.scanFile(ledger.root, config, rel, localToday());
    } catch (err) {
      this.deps.output.error(`${ledger.folder.name}: updating ${rel} failed: ${(err as Error).message}`);
      return;
    }
    if (ledger.config !== config) return;
    this.apply(ledger, rel, () => {
      if ('items' in outcome) {
        if (outcome.note) this.deps.output.warn(`${ledger.folder.name}: ${rel}: ${outcome.note}`);
        return this.linked(ledger, ledger.index.setFile(rel, outcome.items, outcome.summary, outcome.note), outcome.resilience);
      }
      if (/ENOENT|no such file/.test(outcome.reason)) return this.linked(ledger, ledger.index.removeFile(rel), outcome.resilience);
      ledger.index.skipFile(rel, outcome.reason);
      this.deps.output.warn(`${ledger.folder.name}: skipped ${rel}: ${outcome.reason}`);
      return true;
    });
  }

  /** One file's items from a text (an unsaved buffer), parsed off the event loop. */
  private async updateFromText(ledger: FolderLedger, rel: string, text: string): Promise<void> {
    const config = ledger.config;
    if (!config) return;
    try {
      const scan = await this.deps.scans.scanText(config, rel, text, localToday(), ledger.root);
      if (ledger.config === config) this.apply(ledger, rel, () => this.linked(ledger, ledger.index.setFile(rel, scan.items, scan.summary, scan.note), scan.resilience));
    } catch (err) {
      this.deps.output.error(`${ledger.folder.name}: updating ${rel} failed: ${(err as Error).message}`);
    }
  }

  /** Takes the findings the worker re-linked after a summary changed (else the index links them itself, in the host). */
  private linked(ledger: FolderLedger, changed: boolean, resilience: LedgerItem[] | undefined): boolean {
    if (resilience) ledger.index.setLinkedResilience(resilience);
    return changed;
  }

  private apply(ledger: FolderLedger, rel: string, update: () => boolean): void {
    try {
      if (update()) this.changed.fire();
    } catch (err) {
      this.deps.output.error(`${ledger.folder.name}: updating ${rel} failed: ${(err as Error).stack ?? String(err)}`);
    }
  }

  /** `.debtledger.json` or the scan settings changed: reload and rescan when the result differs. */
  async configChanged(ledger?: FolderLedger): Promise<void> {
    for (const l of ledger ? [ledger] : this.folders()) {
      const before = JSON.stringify(l.config);
      if ((await this.loadConfig(l)) && (JSON.stringify(l.config) !== before || !l.scanned)) await this.scan({ interactive: false, folders: [l] });
    }
  }

  dispose(): void {
    this.scanCancel?.cancel();
    this.fileUpdates.dispose();
    this.changed.dispose();
  }
}
