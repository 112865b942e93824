import * as vscode from 'vscode';
import { loadLayeredConfig } from '../../core/config/loadConfig';
import { evaluateDod } from '../../core/dod/evaluateDod';
import type { DodResult } from '../../core/dod/model';
import { GitFactsError } from '../../core/git/branchFacts';
import type { Configuration } from '../configuration';
import { CONTEXT, STATE } from '../constants';
import type { Activity } from '../util/activity';
import { withAbortSignal } from '../util/abortSignal';
import { Debouncer } from '../util/debouncer';

/** What the Definition of Done view shows for the (first) workspace folder. */
export type DodStatus =
  | { kind: 'result'; folder: vscode.WorkspaceFolder; result: DodResult }
  | { kind: 'message'; text: string; detail?: string }
  | { kind: 'none' };

/**
 * Re-checks the branch against the Definition of Done on demand, on save, on commit and on branch switch
 * (debounced). Runs no git in Restricted Mode. A long `command` check shows progress and can be cancelled.
 */
export class DodController implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly debounce: Debouncer<'recheck'>;
  private running: vscode.CancellationTokenSource | undefined;
  status: DodStatus = { kind: 'none' };
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
    await this.recheck();
  }

  /** Schedules a re-check (saves, commits, branch switches). */
  schedule(): void {
    this.debounce.schedule('recheck', () => void this.recheck());
  }

  recheck(): Promise<void> {
    return this.deps.activity.track(this.run());
  }

  private async run(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return this.set({ kind: 'message', text: 'Open a folder to check its Definition of Done.' });
    if (!vscode.workspace.isTrusted) return this.set({ kind: 'message', text: 'The Definition of Done needs git, which Restricted Mode does not run.', detail: 'Trust the folder to check the branch.' });
    const loaded = await loadLayeredConfig(folder.uri.fsPath, this.deps.configuration.scanSettingsLayer(folder));
    if (loaded.errors.length > 0) return this.set({ kind: 'message', text: 'The configuration is invalid: see the Ledger view.' });
    const dod = loaded.config.definitionOfDone;
    void vscode.commands.executeCommand('setContext', CONTEXT.dodMissing, !dod);
    // No checklist: the view is empty and shows its welcome, with a button that creates one from a template.
    if (!dod) return this.set({ kind: 'none' });
    this.manualIds = new Set(dod.items.filter((i) => i.manual).map((i) => i.id));
    this.running?.cancel();
    const cancel = (this.running = new vscode.CancellationTokenSource());
    const hasCommand = dod.items.some((i) => i.check?.type === 'command');
    const overrides = new Map<string, string>();
    for (const doc of vscode.workspace.textDocuments) {
      const rel = doc.isDirty && doc.uri.scheme === 'file' ? vscode.workspace.asRelativePath(doc.uri, false) : null;
      if (rel && this.includeUncommitted && !rel.startsWith('/')) overrides.set(rel, doc.getText());
    }
    try {
      const result = await vscode.window.withProgress(
        { location: hasCommand ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: 'Debt Ledger: checking the Definition of Done', cancellable: hasCommand },
        (_progress, token) =>
          withAbortSignal([token, cancel.token], (signal) =>
            evaluateDod({ root: folder.uri.fsPath, config: loaded.config, includeUncommitted: this.includeUncommitted, allowCommands: vscode.workspace.isTrusted, requireSignoffs: true, signal, overrides, cacheFile: this.deps.storage ? vscode.Uri.joinPath(this.deps.storage, 'dod-scan.json').fsPath : null })),
      );
      this.set({ kind: 'result', folder, result });
    } catch (err) {
      if (cancel.token.isCancellationRequested) return;
      if (err instanceof GitFactsError) this.set({ kind: 'message', text: err.message, detail: err.hint });
      else {
        this.deps.output.error(`Definition of Done check failed: ${(err as Error).stack ?? String(err)}`);
        this.set({ kind: 'message', text: `The check failed: ${(err as Error).message}` });
      }
    } finally {
      if (this.running === cancel) this.running = undefined;
      cancel.dispose();
    }
  }

  private set(status: DodStatus): void {
    this.status = status;
    this.changed.fire();
  }

  dispose(): void {
    this.running?.cancel();
    this.debounce.dispose();
    this.changed.dispose();
  }
}
