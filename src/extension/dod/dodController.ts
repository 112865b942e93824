import * as vscode from 'vscode';
import { loadLayeredConfig } from '../../core/config/loadConfig';
import { CommandRunCache, commandRunMode, type CommandRunMode, type DodTrigger } from '../../core/dod/commandRuns';
import { evaluateDod } from '../../core/dod/evaluateDod';
import type { DodResult } from '../../core/dod/model';
import { GitFactsError } from '../../core/git/branchFacts';
import type { Configuration } from '../configuration';
import { CONTEXT, STATE } from '../constants';
import type { Activity } from '../util/activity';
import { withAbortSignal } from '../util/abortSignal';
import { Debouncer } from '../util/debouncer';

/** What the Definition of Done view shows for one workspace folder. */
export type DodStatus =
  | { kind: 'result'; folder: vscode.WorkspaceFolder; result: DodResult }
  | { kind: 'message'; text: string; detail?: string }
  | { kind: 'none' };

/** One folder's status (null folder: no folder open). */
export interface FolderDod {
  folder: vscode.WorkspaceFolder | null;
  status: DodStatus;
  manualIds: Set<string>;
}

/**
 * Re-checks the branch against the Definition of Done on demand, on save, on commit and on branch switch
 * (debounced). Runs no git in Restricted Mode. `command` checks (e.g. `npm test`) run only on Re-check,
 * commit and branch switch, cached by HEAD and the content of the changed files (see `commandRunMode`);
 * progress shows in the status bar, not as a notification.
 */
export class DodController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly debounce: Debouncer<'recheck'>;
  private running: vscode.CancellationTokenSource | undefined;
  private readonly commandRuns = new CommandRunCache();
  /** The strongest trigger since the last run (a commit during a burst of saves still runs commands). */
  private pendingTrigger: DodTrigger | null = null;
  /** The first folder's status (the status bar and single-folder workspaces). */
  status: DodStatus = { kind: 'none' };
  /** Every folder's status, in workspace order. */
  folders: FolderDod[] = [];
  /** Ids of manual items in the current checklist (for the view's sign-off actions). */
  manualIds = new Set<string>();

  constructor(private readonly deps: { configuration: Configuration; activity: Activity; memento: vscode.Memento; output: vscode.LogOutputChannel; storage: vscode.Uri | undefined }) {
    void vscode.commands.executeCommand('setContext', CONTEXT.dodUncommitted, this.includeUncommitted);
    this.debounce = new Debouncer(Math.max(500, deps.configuration.editor().debounceMs), () => deps.activity.check());
    deps.activity.addPendingSource(() => this.debounce.pending);
  }

  get includeUncommitted(): boolean {
    return this.deps.memento.get<boolean>(STATE.dodUncommitted, true);
  }

  async setIncludeUncommitted(on: boolean): Promise<void> {
    await this.deps.memento.update(STATE.dodUncommitted, on);
    void vscode.commands.executeCommand('setContext', CONTEXT.dodUncommitted, on);
    await this.recheck('git');
  }

  /** Schedules a re-check (saves, commits, branch switches, configuration changes). */
  schedule(trigger: DodTrigger): void {
    const rank: DodTrigger[] = ['save', 'config', 'git', 'recheck'];
    if (this.pendingTrigger === null || rank.indexOf(trigger) > rank.indexOf(this.pendingTrigger)) this.pendingTrigger = trigger;
    this.debounce.schedule('recheck', () => {
      const t = this.pendingTrigger ?? trigger;
      this.pendingTrigger = null;
      void this.recheck(t);
    });
  }

  /** Re-checks now; an explicit Re-check (the default) also runs `command` checks. */
  recheck(trigger: DodTrigger = 'recheck'): Promise<void> {
    return this.deps.activity.track(this.run(commandRunMode(trigger)));
  }

  private async run(mode: CommandRunMode): Promise<void> {
    const folders = vscode.workspace.workspaceFolders ?? [];
    // No folder: an empty view, whose welcome content offers to open one.
    if (folders.length === 0) return this.setAll([{ folder: null, status: { kind: 'none' }, manualIds: new Set() }]);
    this.running?.cancel();
    const cancel = (this.running = new vscode.CancellationTokenSource());
    try {
      // Every folder is its own repository checklist (multi-root): checked one after the other.
      const results: FolderDod[] = [];
      for (const folder of folders) {
        if (cancel.token.isCancellationRequested) return;
        results.push(await this.checkFolder(folder, cancel, mode));
      }
      if (cancel.token.isCancellationRequested) return;
      void vscode.commands.executeCommand('setContext', CONTEXT.dodMissing, results.every((r) => r.status.kind === 'none'));
      this.setAll(results);
    } finally {
      if (this.running === cancel) this.running = undefined;
      cancel.dispose();
    }
  }

  private async checkFolder(folder: vscode.WorkspaceFolder, cancel: vscode.CancellationTokenSource, mode: CommandRunMode): Promise<FolderDod> {
    const done = (status: DodStatus, manualIds = new Set<string>()): FolderDod => ({ folder, status, manualIds });
    if (!vscode.workspace.isTrusted) return done({ kind: 'message', text: 'The Definition of Done needs git, which Restricted Mode does not run.', detail: 'Trust the folder to check the branch.' });
    const loaded = await loadLayeredConfig(folder.uri.fsPath, this.deps.configuration.scanSettingsLayer(folder));
    if (loaded.errors.length > 0) return done({ kind: 'message', text: 'The configuration is invalid: see the Ledger view.' });
    const dod = loaded.config.definitionOfDone;
    // No checklist: the view is empty and shows its welcome, with a button that creates one from a template.
    if (!dod) return done({ kind: 'none' });
    const manualIds = new Set(dod.items.filter((i) => i.manual).map((i) => i.id));
    const overrides = new Map<string, string>();
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty || doc.uri.scheme !== folder.uri.scheme || !this.includeUncommitted) continue;
      const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
      if (doc.uri.path.startsWith(base)) overrides.set(doc.uri.path.slice(base.length), doc.getText());
    }
    const cacheName = vscode.workspace.workspaceFolders!.indexOf(folder) === 0 ? 'dod-scan.json' : `dod-scan-${vscode.workspace.workspaceFolders!.indexOf(folder)}.json`;
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: `Debt Ledger: checking the Definition of Done of ${folder.name}${mode === 'cached-only' ? '' : ' (running its commands)'}` },
        (_progress, token) =>
          withAbortSignal([token, cancel.token], (signal) =>
            evaluateDod({ root: folder.uri.fsPath, config: loaded.config, includeUncommitted: this.includeUncommitted, allowCommands: vscode.workspace.isTrusted, requireSignoffs: true, signal, overrides, commandRuns: { mode, cache: this.commandRuns }, cacheFile: this.deps.storage ? vscode.Uri.joinPath(this.deps.storage, cacheName).fsPath : null })),
      );
      return done({ kind: 'result', folder, result }, manualIds);
    } catch (err) {
      if (err instanceof GitFactsError) return done({ kind: 'message', text: err.message, detail: err.hint }, manualIds);
      if (!cancel.token.isCancellationRequested) this.deps.output.error(`Definition of Done check of ${folder.name} failed: ${(err as Error).stack ?? String(err)}`);
      return done({ kind: 'message', text: `The check failed: ${(err as Error).message}` }, manualIds);
    }
  }

  private setAll(folders: FolderDod[]): void {
    this.folders = folders;
    this.status = folders[0]?.status ?? { kind: 'none' };
    this.manualIds = new Set(folders.flatMap((f) => [...f.manualIds]));
    this.changed.fire();
  }

  dispose(): void {
    this.running?.cancel();
    this.debounce.dispose();
    this.changed.dispose();
  }
}
