import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { dashboardData } from '../../core/intel/dashboardData';
import type { FolderTrend, HostToWebview, PaintedChart, WebviewLoad, WebviewToHost } from '../../webview/protocol';
import type { LedgerController } from '../ledger/ledgerController';
import { DashboardTrends } from './dashboardTrends';
import { renderDashboard } from '../../webview/render';

const RESTRICTED = 'The trend reads git history, which Restricted Mode does not run.';

/** How long the dashboard took, from the command to the webview's paints (ms), for tests and docs/editor.md. */
export interface DashboardTiming {
  /** The webview's script ran and said it is ready. */
  readyMs: number | null;
  /** Of that, the webview's own load: from its document's start to its script running (the webview's clock). */
  webviewLoadMs: number | null;
  /**
   * Where the webview's load went, ms after the command: its document started (VS Code's webview set-up before),
   * our page written into it, each sub-resource's fetch; from the webview's own clocks (perf:dashboard).
   */
  webviewLoad?: { documentMs: number; writtenMs: number | null; navigation: Record<string, number>; resources: { name: string; startMs: number; endMs: number }[] };
  /** The first paint with data: totals from memory, the trend from the last read (maybe last session's). */
  firstPaintMs: number | null;
  /** Whether that first paint already had a trend (from workspace state). */
  firstPaintHadTrend: boolean;
  /** Whether that first paint was the page as the host drew it (no post needed), timed when its script ran. */
  firstPaintFromPage: boolean;
  /** The paint after the trend was read from git. */
  trendPaintMs: number | null;
}

/** The webview's load figures, moved from its clock to ms after the command (both clocks are this machine's). */
function loadTiming(load: WebviewLoad, opened: number): NonNullable<DashboardTiming['webviewLoad']> {
  const at = (ms: number): number => Math.round(load.timeOrigin + ms - opened);
  return { documentMs: at(0), writtenMs: load.writtenMs === null ? null : at(load.writtenMs), navigation: Object.fromEntries(Object.entries(load.navigation ?? {}).map(([k, v]) => [k, at(v)])), resources: load.resources.map((r) => ({ name: r.name, startMs: at(r.startMs), endMs: at(r.endMs) })) };
}

/**
 * The Debt Dashboard: a webview with a strict CSP (default-src 'none', a nonce for the one script),
 * resources only from media/ and dist/webview/. The page is rendered here with what is in memory (and the
 * last trend), so it is drawn when VS Code writes it; after the webview says it is ready, git's trend is posted.
 */
export class DashboardPanel implements vscode.Disposable {
  private static current: DashboardPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private seq = 0;
  /** The seq of the post that carried the trend read from git. */
  private freshSeq = -1;
  private recheck: NodeJS.Timeout | undefined;

  static show(extensionUri: vscode.Uri, controller: LedgerController, storage: vscode.Uri | undefined): DashboardPanel {
    if (DashboardPanel.current) {
      DashboardPanel.current.panel.reveal();
      void DashboardPanel.current.post(true);
      return DashboardPanel.current;
    }
    const opened = Date.now();
    const panel = vscode.window.createWebviewPanel('debtLedger.dashboard', 'Debt Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    });
    DashboardPanel.current = new DashboardPanel(panel, opened, extensionUri, controller, new DashboardTrends(storage));
    return DashboardPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly opened: number, extensionUri: vscode.Uri, private readonly controller: LedgerController, private readonly trends: DashboardTrends) {
    const nonce = randomBytes(16).toString('base64');
    const webview = panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard.css'));
    // The page arrives drawn: what is in memory and the stored trend, rendered here (the same pure renderer the
    // webview uses, escaping every workspace string), so the first paint needs neither the script nor a post.
    const page = (body: string, seq: number): string => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${style}"><title>Debt Dashboard</title></head>
<body><div id="root" data-seq="${seq}">${body}</div><script nonce="${nonce}" src="${script}"></script></body></html>`;
    void this.trends.load().then(() => {
      if (this.disposed) return;
      const first = this.initialData();
      this.lastData = first;
      this.pageSeq = first.seq;
      webview.html = page(renderDashboard(first.data), first.seq);
    });
    this.disposables.push(
      webview.onDidReceiveMessage((m: WebviewToHost) => {
        if (m.type === 'ready') {
          this.ready = true;
          this.timing.readyMs ??= Date.now() - this.opened;
          this.timing.webviewLoadMs ??= Math.round(m.loadMs);
          if (m.load && !this.timing.webviewLoad) this.timing.webviewLoad = loadTiming(m.load, this.opened);
          // The page already shows what is known: only git's trend is left to post.
          void this.post(true, false);
        } else if (m.type === 'open') void this.open(m.folder, m.file, m.line);
        else if (m.type === 'painted') this.painted(m.seq, m.charts);
      }),
      // Totals follow the ledger at once; the trend is read again (a second later) only when a HEAD moved.
      controller.onDidChange(() => {
        void this.post(false);
        clearTimeout(this.recheck);
        this.recheck = setTimeout(() => void this.refreshIfMoved(), 1000);
      }),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The data last posted (for tests). */
  lastData: HostToWebview | undefined;
  /** What the webview last drew, read back from its DOM (for tests). */
  lastPainted: { seq: number; charts: PaintedChart[] } | undefined;
  readonly timing: DashboardTiming = { readyMs: null, webviewLoadMs: null, firstPaintMs: null, firstPaintHadTrend: false, firstPaintFromPage: false, trendPaintMs: null };

  private painted(seq: number, charts: PaintedChart[]): void {
    this.lastPainted = { seq, charts };
    const ms = Date.now() - this.opened;
    if (this.timing.firstPaintMs === null) {
      this.timing.firstPaintMs = ms;
      this.timing.firstPaintHadTrend = charts.length > 0;
      this.timing.firstPaintFromPage = seq === this.pageSeq;
    }
    if (seq === this.freshSeq && this.timing.trendPaintMs === null) this.timing.trendPaintMs = ms;
  }

  private data(trends: FolderTrend[], note: string | null): HostToWebview {
    const ledgers = this.controller.folders();
    return { type: 'data', seq: ++this.seq, data: dashboardData(ledgers.map((l) => ({ name: l.folder.name, items: l.index.items() })), trends, note, new Date().toLocaleString()) };
  }

  /** What the page is drawn with: the ledger in memory and the trends known (stored), without waiting for git. */
  private initialData(): HostToWebview {
    if (!vscode.workspace.isTrusted) return this.data([], RESTRICTED);
    return this.data(this.trends.known(this.controller.folders()), 'Reading the trend from git history…');
  }

  /** Posts what is known now (unless `sendKnown` is false); with `readTrend`, then reads the trend from git and posts again. */
  private async post(readTrend: boolean, sendKnown = true): Promise<void> {
    if (!this.ready) return;
    const ledgers = this.controller.folders();
    const trusted = vscode.workspace.isTrusted;
    if (!trusted) {
      if (sendKnown) await this.send(this.data([], RESTRICTED));
      return;
    }
    await this.trends.load();
    if (sendKnown) await this.send(this.data(this.trends.known(ledgers), readTrend ? 'Reading the trend from git history…' : null));
    if (!readTrend) return;
    const trends = await this.trends.read(ledgers);
    const message = this.data(trends, null);
    this.freshSeq = message.seq;
    await this.send(message);
  }

  private async refreshIfMoved(): Promise<void> {
    if (this.ready && vscode.workspace.isTrusted && (await this.trends.stale(this.controller.folders()))) await this.post(true);
  }

  private async send(message: HostToWebview): Promise<void> {
    this.lastData = message;
    await this.panel.webview.postMessage(message);
  }

  private async open(folderName: string, file: string, line: number): Promise<void> {
    const ledger = this.controller.folders().find((l) => l.folder.name === folderName);
    if (!ledger) return;
    const at = new vscode.Position(Math.max(0, line - 1), 0);
    await vscode.window.showTextDocument(vscode.Uri.joinPath(ledger.folder.uri, file), { selection: new vscode.Range(at, at) });
  }

  private disposed = false;
  /** The seq of the data the page was drawn with. */
  private pageSeq = -1;

  dispose(): void {
    this.disposed = true;
    DashboardPanel.current = undefined;
    clearTimeout(this.recheck);
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
