import * as vscode from 'vscode';
import { copyPermalinkCommand } from './commands/copyPermalinkCommand';
import { createDodCommand } from './commands/createDodCommand';
import { getStartedCommand } from './commands/getStartedCommand';
import { dodSummary, syncConfigContext } from './views/welcomeContext';
import type { EditorCommandContext } from './commands/editorCommandContext';
import { nextItemCommand, previousItemCommand } from './commands/nextItemCommand';
import { revealInLedgerCommand } from './commands/revealInLedgerCommand';
import { DebtHoverProvider } from './editor/debtHoverProvider';
import { DecorationController, type EditorDecorations } from './editor/decorationController';
import { RepositoryLinks } from './editor/repositoryLinks';
import { BlockMonitor, type HostStats } from './util/blockMonitor';
import { runInTurns, type StepTiming } from './util/startUp';
import { ScanService, scanWorkerFile } from './scan/scanService';
import type { HostToWebview, PaintedChart } from '../webview/protocol';
import type { LedgerItem } from '../core/model';
import { clearFilterCommand, filterCommand } from './commands/filterCommand';
import { filterScopeCommand } from './commands/filterScopeCommand';
import { countedItems } from '../core/scope/views';
import type { CommandContext } from './commands/commandContext';
import { showAllFilesCommand, showCurrentFileOnlyCommand } from './commands/currentFileCommands';
import { exportLedgerCommand } from './commands/exportLedgerCommand';
import { groupByCommand } from './commands/groupByCommand';
import { openConfigurationCommand } from './commands/openConfigurationCommand';
import { refreshCommand } from './commands/refreshCommand';
import { scanWorkspaceCommand } from './commands/scanWorkspaceCommand';
import { Configuration } from './configuration';
import { COMMANDS, OUTPUT_CHANNEL_NAME, VIEWS } from './constants';
import { ConfigDiagnostics } from './diagnostics/configDiagnostics';
import { ResilienceCodeActions } from './diagnostics/resilienceCodeActions';
import { ResilienceDiagnostics } from './diagnostics/resilienceDiagnostics';
import { LedgerController } from './ledger/ledgerController';
import { Notifier } from './notifier';
import { Activity } from './util/activity';
import { Debouncer } from './util/debouncer';
import { LedgerTreeProvider } from './views/ledgerTreeProvider';
import { LedgerStatusBar } from './views/statusBar';
import { ViewState } from './views/viewState';
import { DashboardPanel, type DashboardTiming } from './views/dashboardPanel';
import { BranchScope } from './ledger/branchScope';
import { writeCommitGraph } from '../core/git/commitGraph';
import { dodExcludeUncommittedCommand, dodIncludeUncommittedCommand, dodRecheckCommand, dodRevokeCommand, dodSignOffCommand, type DodCommandContext } from './commands/dodCommands';
import { DodController } from './dod/dodController';
import { DodStatusBar } from './views/dodStatusBar';
import { DodTreeProvider } from './views/dodTreeProvider';
import { createIssueCommand } from './commands/createIssueCommand';
import { TicketStates } from './tickets/ticketStates';
import { setTrackerTokenCommand, TrackerSecrets } from './tickets/trackerSecrets';

/** Ledger changes closer together than this are rendered (view, badge, diagnostics) once. */
const RENDER_COALESCE_MS = 30;

/** A plain snapshot of a tree node, for tests and diagnostics. */
export interface NodeSnapshot {
  label: string;
  description: string;
  /** What a click runs, if anything. */
  command?: vscode.Command;
  /** The node's contextValue (drives inline actions). */
  context?: string;
  children: NodeSnapshot[];
}

/** Any tree as plain labels, descriptions, click commands and context values (for the test API). */
function snapshotTree<T>(provider: { getTreeItem(node: T): vscode.TreeItem; getChildren(node?: T): T[] }, nodes: T[] = provider.getChildren()): NodeSnapshot[] {
  return nodes.map((n) => {
    const item = provider.getTreeItem(n);
    const label = typeof item.label === 'string' ? item.label : item.label?.label ?? '';
    return {
      label,
      description: typeof item.description === 'string' ? item.description : '',
      ...(item.command ? { command: item.command } : {}),
      ...(item.contextValue ? { context: item.contextValue } : {}),
      children: snapshotTree(provider, provider.getChildren(n)),
    };
  });
}

/** What activate() returns: used by the integration tests, stable enough for other extensions. */
export interface DebtLedgerApi {
  /** Resolves when no scan, debounced update or view refresh is pending. */
  whenIdle(): Promise<void>;
  /** The Ledger tree as labels and descriptions. */
  treeSnapshot(): NodeSnapshot[];
  /** All items of all folders, unfiltered. */
  items(): LedgerItem[];
  /** Error notifications shown so far. */
  notifications(): readonly string[];
  /** Milliseconds spent evaluating the bundle and in activate(). */
  activationTiming(): ActivationTiming;
  /** The data last posted to the Debt Dashboard, if it is open. */
  dashboardData(): HostToWebview | undefined;
  /** What the dashboard's webview last drew (charts read back from its DOM), and its paint times. */
  dashboardPainted(): { seq: number; charts: PaintedChart[]; timing: DashboardTiming } | undefined;
  /** The Definition of Done view as labels and descriptions (items with their evidence). */
  dodSnapshot(): NodeSnapshot[];
  /** Decorations per visible editor with items: styles (colour ids or hex), gutter icon and ranges (0-based). */
  decorations(): EditorDecorations[];
  /** Ids of the nodes selected in the Ledger view. */
  ledgerSelection(): string[];
  /** The extension host's CPU time and longest event-loop block since the last reset (the perf suite). */
  hostStats(): HostStats;
  resetHostStats(): void;
  /** Asks the scanner process for its CPU time now, so the next hostStats()/resetHostStats() is exact. */
  sampleScanner(): Promise<void>;
  /** When the Ledger view first got items, ms after activate() began; provisional: from the snapshot or the streaming scan. */
  firstLedger(): { ms: number; provisional: boolean } | null;
  /** Per folder: how its files were last listed (git, or a walk in Restricted Mode). */
  folders(): { name: string; listedWith: 'git' | 'walk' | null; trusted: boolean }[];
  /** Replaces opening URLs in the browser (Create Issue...); undefined restores the browser. */
  stubOpenExternal(open: ((url: string) => Promise<boolean>) | undefined): void;
  /** Files the last scans skipped or read by the fallback path, with the reason (all folders). */
  skipped(): { file: string; reason: string }[];
}

export interface ActivationTiming {
  /** Evaluating dist/extension.js. */
  loadMs: number;
  /** The host's own work between loading the module and calling activate() (not ours to cut). */
  hostMs: number;
  /** activate() itself. */
  activateMs: number;
  /** Whether the TypeScript compiler was loaded when activate() returned (it should not be). */
  compilerLoaded: boolean;
  /** The start-up steps run after activate(), one turn each, with their synchronous time (empty until they ran). */
  steps?: StepTiming[];
}

/**
 * The composition root: builds every service once, wires events, registers commands, and owns every
 * Disposable (pushed to the extension context). A failure in one feature is logged, not fatal.
 */
export class DebtLedgerExtension {
  readonly api: DebtLedgerApi;
  private timing: ActivationTiming = { loadMs: 0, hostMs: 0, activateMs: 0, compilerLoaded: false };
  private startUpSteps: StepTiming[] = [];
  private readonly log: vscode.LogOutputChannel;

  constructor(context: vscode.ExtensionContext) {
    const own = <T extends vscode.Disposable>(d: T): T => {
      context.subscriptions.push(d);
      return d;
    };
    const activated = performance.now();
    // The scanner process's CPU time counts next to the host's (scans is built below; read only later).
    const blocks = own(new BlockMonitor(() => scans.usage()));
    const output = own(vscode.window.createOutputChannel(OUTPUT_CHANNEL_NAME, { log: true }));
    this.log = output;
    const configuration = new Configuration();
    const activity = new Activity();
    const notifier = new Notifier();
    const diagnostics = own(new ConfigDiagnostics());
    const scans = own(new ScanService(scanWorkerFile(context.extensionPath), (line) => output.warn(line), context.globalStorageUri.fsPath));
    const controller = own(new LedgerController({ configuration, output, notifier, diagnostics, activity, storage: context.storageUri, scans }));
    const state = own(new ViewState(context.workspaceState, () => configuration.editor().groupBy));
    const scope = new BranchScope();
    const tree = own(new LedgerTreeProvider(controller, state, activity, scope));
    const view = own(vscode.window.createTreeView(VIEWS.ledger, { treeDataProvider: tree, showCollapseAll: true }));
    let highlight = configuration.highlight();
    const reportHighlight = (): void => {
      for (const p of highlight.problems) output.warn(`settings: debtLedger.${p}; that entry is ignored`);
    };
    reportHighlight();
    const decorations = own(new DecorationController(controller, () => highlight.settings, vscode.Uri.joinPath(context.extensionUri, 'media')));
    const links = new RepositoryLinks();
    own(vscode.languages.registerHoverProvider([{ scheme: 'file' }, { scheme: 'vscode-remote' }], new DebtHoverProvider(controller, links)));
    const statusBar = own(new LedgerStatusBar());
    const resilienceDiagnostics = own(new ResilienceDiagnostics(controller));
    const dod = own(new DodController({ configuration, activity, memento: context.workspaceState, output, storage: context.storageUri }));
    const dodTree = own(new DodTreeProvider(dod, () => dod.manualIds));
    const dodView = own(vscode.window.createTreeView(VIEWS.dod, { treeDataProvider: dodTree }));
    const dodStatusBar = own(new DodStatusBar());
    own(dod.onDidChange(() => {
      dodTree.refresh();
      // The view starts collapsed to its header: the description there says whether opening it is worth it.
      dodView.description = dodSummary(dod.status);
      dodStatusBar.update(dod.status, configuration.editor().statusBar);
    }));
    own(vscode.languages.registerCodeActionsProvider(
      [{ scheme: 'file', language: 'typescript' }, { scheme: 'file', language: 'typescriptreact' }, { scheme: 'file', language: 'javascript' }, { scheme: 'file', language: 'javascriptreact' }, { scheme: 'file', pattern: '**/*.{vue,svelte,astro,html,htm}' }],
      new ResilienceCodeActions(controller),
      { providedCodeActionKinds: ResilienceCodeActions.kinds },
    ));

    const render = (): void => {
      tree.refresh();
      resilienceDiagnostics.refresh();
      const visible = tree.visibleItems();
      // Counts leave out generated and vendored copies; the status bar counts what the view shows (source by default).
      const total = controller.folders().reduce((n, l) => n + countedItems(l.index.items()).length, 0);
      view.badge = total > 0 ? { value: total, tooltip: `${total} debt item${total === 1 ? '' : 's'}` } : undefined;
      const filter = state.filter;
      const parts = [`by ${state.groupBy}`];
      if (filter.text || filter.tags.length) parts.push(`filter: ${[filter.text && `"${filter.text}"`, ...filter.tags].filter(Boolean).join(' ')}`);
      if (state.currentFileOnly) parts.push('current file');
      if (state.newOnBranch) parts.push('new on branch');
      const scopes = state.scopesFor(controller.folders().some((l) => l.index.items().some((i) => i.scope === 'test')));
      if (scopes) parts.push(scopes.join(', '));
      view.description = parts.join(' · ');
      statusBar.update(countedItems(visible), configuration.editor().statusBar);
    };
    // A burst of ledger changes (streamed batches, a rescan's files) is one render.
    const renders = own(new Debouncer<'render'>(RENDER_COALESCE_MS, () => activity.check()));
    activity.addPendingSource(() => renders.pending);
    own(controller.onDidChange(() => renders.schedule('render', () => {
      render();
      void syncConfigContext(controller);
    })));
    own(state.onDidChange(render));

    const secrets = new TrackerSecrets(context.secrets);
    const tickets = own(new TicketStates({ controller, activity, secrets, enabled: () => configuration.ticketsEnabled(), storage: context.storageUri, output, onResolved: () => tree.refresh() }));
    own(controller.onDidChange(() => tickets.schedule()));
    let openExternal = (url: string): Promise<boolean> => Promise.resolve(vscode.env.openExternal(vscode.Uri.parse(url, true)));

    const ctx: CommandContext = { controller, state, tree, output };
    const register = (id: string, run: (ctx: CommandContext, ...args: unknown[]) => Promise<void>): void => {
      own(vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        try {
          await run(ctx, ...args);
        } catch (err) {
          output.error(`${id} failed: ${(err as Error).stack ?? String(err)}`);
          void vscode.window.showErrorMessage(`Debt Ledger: ${(err as Error).message}`);
        }
      }));
    };
    register(COMMANDS.scanWorkspace, scanWorkspaceCommand);
    register(COMMANDS.refresh, refreshCommand);
    register(COMMANDS.groupBy, groupByCommand);
    register(COMMANDS.filter, filterCommand);
    register(COMMANDS.clearFilter, clearFilterCommand);
    register(COMMANDS.filterScope, filterScopeCommand);
    register(COMMANDS.showCurrentFileOnly, showCurrentFileOnlyCommand);
    register(COMMANDS.showAllFiles, showAllFilesCommand);
    register(COMMANDS.exportLedger, exportLedgerCommand);
    register(COMMANDS.openConfiguration, openConfigurationCommand);
    register(COMMANDS.dodCreate, createDodCommand);
    register(COMMANDS.getStarted, getStartedCommand);
    const editorCtx: EditorCommandContext = { ...ctx, view, links };
    register(COMMANDS.nextItem, nextItemCommand);
    register(COMMANDS.previousItem, previousItemCommand);
    register(COMMANDS.revealInLedger, (_c, ...args) => revealInLedgerCommand(editorCtx, ...args));
    register(COMMANDS.copyPermalink, (_c, ...args) => copyPermalinkCommand(editorCtx, ...args));
    register(COMMANDS.createIssue, (c, ...args) => createIssueCommand({ ...c, openExternal: (url) => openExternal(url) }, ...args));
    register(COMMANDS.setTrackerToken, () => setTrackerTokenCommand(secrets));
    const dodCtx: DodCommandContext = { ...ctx, dod };
    const registerDod = (id: string, run: (c: DodCommandContext, ...args: unknown[]) => Promise<void>): void => register(id, (_c, ...args) => run(dodCtx, ...args));
    let dashboard: DashboardPanel | undefined;
    const refreshScope = async (): Promise<void> => {
      if (!state.newOnBranch) return;
      await activity.track(scope.refresh(controller.folders()));
      // render, not only the tree: the status bar counts what the view shows once the branch's ids are known.
      render();
    };
    register(COMMANDS.showNewOnBranch, async () => {
      await state.setNewOnBranch(true);
      await refreshScope();
    });
    register(COMMANDS.showAllDebt, () => state.setNewOnBranch(false));
    own(controller.onDidChange(() => void refreshScope()));
    register(COMMANDS.writeCommitGraph, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder || !vscode.workspace.isTrusted) return;
      const ok = await vscode.window.showInformationMessage(
        `Write a commit-graph with changed-path Bloom filters in ${folder.name}'s repository? It makes git blame (item ages) several times faster; git keeps it up to date. It changes files in .git only.`,
        { modal: true }, 'Write Commit-Graph');
      if (ok !== 'Write Commit-Graph') return;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Debt Ledger: writing the commit-graph' }, () => writeCommitGraph(folder.uri.fsPath));
      void vscode.window.showInformationMessage('Debt Ledger: commit-graph written.');
    });
    register(COMMANDS.openDashboard, () => {
      dashboard = DashboardPanel.show(context.extensionUri, controller, context.storageUri);
      return Promise.resolve();
    });
    registerDod(COMMANDS.dodRecheck, dodRecheckCommand);
    registerDod(COMMANDS.dodSignOff, dodSignOffCommand);
    registerDod(COMMANDS.dodRevoke, dodRevokeCommand);
    registerDod(COMMANDS.dodIncludeUncommitted, dodIncludeUncommittedCommand);
    registerDod(COMMANDS.dodExcludeUncommitted, dodExcludeUncommittedCommand);

    // Incremental updates. A watcher per workspace would also see files outside source folders; the
    // controller ignores what the configuration does not scan.
    const watcher = own(vscode.workspace.createFileSystemWatcher('**/*'));
    own(watcher.onDidCreate((uri) => controller.fileChanged(uri, true)));
    own(watcher.onDidChange((uri) => {
      controller.fileChanged(uri);
      if (uri.path.endsWith('/.debtledger.json')) dod.schedule('config');
    }));
    own(watcher.onDidDelete((uri) => controller.fileDeleted(uri)));
    own(vscode.workspace.onDidSaveTextDocument((doc) => {
      controller.fileChanged(doc.uri);
      // A save never starts the DoD's commands (npm test...): see commandRunMode.
      dod.schedule('save');
    }));
    // Commits, branch switches and sign-offs move these refs: re-check the Definition of Done.
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const gitWatcher = own(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.git/{HEAD,refs/heads/**,refs/notes/**}')));
      for (const event of [gitWatcher.onDidCreate, gitWatcher.onDidChange, gitWatcher.onDidDelete]) own(event(() => {
        dod.schedule('git');
        links.forget();
      }));
    }
    own(vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) controller.bufferChanged(e.document);
    }));
    own(vscode.workspace.onDidCloseTextDocument((doc) => controller.fileChanged(doc.uri)));
    own(vscode.workspace.onDidChangeConfiguration((e) => {
      if (configuration.affectsScan(e)) {
        void activity.track(controller.configChanged());
        dod.schedule('config');
      }
      if (configuration.affectsEditor(e)) render();
      if (configuration.affectsHighlight(e)) {
        highlight = configuration.highlight();
        reportHighlight();
        decorations.reset();
      }
      if (configuration.affectsTickets(e)) tickets.schedule();
    }));
    own(vscode.workspace.onDidChangeWorkspaceFolders(() => {
      const added = controller.syncFolders();
      if (added.length > 0) void controller.scan({ interactive: false, folders: added });
    }));
    own(vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void controller.scan({ interactive: false });
      void dod.recheck('config');
    }));
    own(vscode.window.onDidChangeActiveTextEditor(() => {
      if (state.currentFileOnly) render();
    }));

    // The first scan, the Definition of Done and the first render start after activate() returns, each in a
    // turn of its own (util/startUp.ts); the compiler loads on the first parse, in the scanner process.
    let disposed = false;
    own({ dispose: () => void (disposed = true) });
    void activity.track(runInTurns([
      { name: 'scan', run: () => void controller.scan({ interactive: true }) },
      { name: 'definition of done', run: () => void dod.recheck('config') },
      { name: 'render', run: render },
    ], (name, err) => output.error(`start-up step ${name} failed: ${(err as Error).stack ?? String(err)}`), () => disposed).then((steps) => {
      this.startUpSteps = steps;
      output.info(`start-up steps after activate(): ${steps.map((s) => `${s.name} ${s.ms} ms`).join(', ')}`);
    }));

    this.api = {
      whenIdle: async () => {
        // Twice: a finished scan can schedule a refresh, which is pending work of its own.
        await activity.whenIdle();
        await new Promise((r) => setTimeout(r, 0));
        await activity.whenIdle();
      },
      treeSnapshot: () => snapshotTree(tree),
      items: () => controller.folders().flatMap((l) => l.index.items()),
      notifications: () => notifier.shown,
      activationTiming: () => ({ ...this.timing, steps: this.startUpSteps }),
      dashboardData: () => dashboard?.lastData,
      dashboardPainted: () => (dashboard?.lastPainted ? { ...dashboard.lastPainted, timing: { ...dashboard.timing } } : undefined),
      dodSnapshot: () => snapshotTree(dodTree),
      decorations: () => decorations.snapshot(),
      ledgerSelection: () => view.selection.map((n) => n.id),
      hostStats: () => blocks.stats(),
      resetHostStats: () => blocks.reset(),
      sampleScanner: async () => void (await scans.sampleUsage()),
      firstLedger: () => (tree.firstShown ? { ms: Math.round(tree.firstShown.at - activated), provisional: tree.firstShown.provisional } : null),
      folders: () => controller.folders().map((l) => ({ name: l.folder.name, listedWith: l.listedWith, trusted: vscode.workspace.isTrusted })),
      stubOpenExternal: (open) => {
        openExternal = open ?? ((url) => Promise.resolve(vscode.env.openExternal(vscode.Uri.parse(url, true))));
      },
      skipped: () => controller.folders().flatMap((l) => l.index.skipped()),
    };
  }

  recordActivation(timing: ActivationTiming): void {
    this.timing = timing;
    this.log.info(`activated: bundle evaluated in ${timing.loadMs.toFixed(1)} ms, activate() took ${timing.activateMs.toFixed(1)} ms (host set-up in between: ${timing.hostMs.toFixed(1)} ms)`);
  }
}
