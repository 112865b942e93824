import * as vscode from 'vscode';
import { loadLayeredConfig } from '../../core/config/loadConfig';
import { evaluateDod } from '../../core/dod/evaluateDod';
import type { DodResult } from '../../core/dod/model';
import { GitFactsError } from '../../core/git/branchFacts';
import { CommandRunCache, commandRunMode, type CommandRunMode, type DodTrigger } from '../../core/dod/commandRuns';
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
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return this.set({ kind: 'message', text: 'Open a folder to check its Definition of Done.' });
    if (!vscode.workspace.isTrusted) return this.set({ kind: 'message', text: 'The Definition of Done needs git, which Restricted Mode does not run.', detail: 'Trust the folder to check the branch.' });
    const loaded = await loadLayeredConfig(folder.uri.fsPath, this.deps.configuration.scanSettingsLayer(folder));
    if (loaded.errors.length > 0) return this.set({ kind: 'message', text: 'The configuration is invalid: see the Ledger view.' });
    const dod = loaded.config.definitionOfDone;
    if (!dod) return this.set({ kind: 'message', text: loaded.file ? 'No Definition of Done yet: add "definitionOfDone" to .debtledger.json.' : 'No .debtledger.json yet.', detail: loaded.file ? 'See README, "Definition of done".' : 'Run "Debt Ledger: Open Configuration" to create one with a Definition of Done for this layout.' });
    this.manualIds = new Set(dod.items.filter((i) => i.manual).map((i) => i.id));
    this.running?.cancel();
    const cancel = (this.running = new vscode.CancellationTokenSource());
    const overrides = new Map<string, string>();
    for (const doc of vscode.workspace.textDocuments) {
      const rel = doc.isDirty && doc.uri.scheme === 'file' ? vscode.workspace.asRelativePath(doc.uri, false) : null;
      if (rel && this.includeUncommitted && !rel.startsWith('/')) overrides.set(rel, doc.getText());
    }
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: mode === 'cached-only' ? 'Debt Ledger: checking the Definition of Done' : 'Debt Ledger: checking the Definition of Done (running its commands)' },
        (_progress, token) =>
          withAbortSignal([token, cancel.token], (signal) =>
            evaluateDod({ root: folder.uri.fsPath, config: loaded.config, includeUncommitted: this.includeUncommitted, allowCommands: vscode.workspace.isTrusted, requireSignoffs: true, signal, overrides, commandRuns: { mode, cache: this.commandRuns }, cacheFile: this.deps.storage ? vscode.Uri.joinPath(this.deps.storage, 'dod-scan.json').fsPath : null })),
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
