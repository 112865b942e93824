import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { dashboardData } from '../../core/intel/dashboardData';
import { trend, type TrendPoint } from '../../core/intel/trend';
import type { HostToWebview, WebviewToHost } from '../../webview/protocol';
import type { LedgerController } from '../ledger/ledgerController';

/**
 * The Debt Dashboard: a webview with a strict CSP (default-src 'none', a nonce for the one script),
 * resources only from media/ and dist/webview/, data posted after the webview says it is ready.
 */
export class DashboardPanel implements vscode.Disposable {
  private static current: DashboardPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;

  static show(extensionUri: vscode.Uri, controller: LedgerController, storage: vscode.Uri | undefined): DashboardPanel {
    if (DashboardPanel.current) {
      DashboardPanel.current.panel.reveal();
      void DashboardPanel.current.post();
      return DashboardPanel.current;
    }
    const panel = vscode.window.createWebviewPanel('debtLedger.dashboard', 'Debt Dashboard', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
    });
    DashboardPanel.current = new DashboardPanel(panel, extensionUri, controller, storage);
    return DashboardPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly controller: LedgerController, private readonly storage: vscode.Uri | undefined) {
    const nonce = randomBytes(16).toString('base64');
    const webview = panel.webview;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'dashboard.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard.css'));
    webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${style}"><title>Debt Dashboard</title></head>
<body><div id="root"><p>Loading…</p></div><script nonce="${nonce}" src="${script}"></script></body></html>`;
    this.disposables.push(
      webview.onDidReceiveMessage((m: WebviewToHost) => {
        if (m.type === 'ready') {
          this.ready = true;
          void this.post();
        } else if (m.type === 'open') void this.open(m.folder, m.file, m.line);
      }),
      controller.onDidChange(() => void this.post()),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** The data last posted (for tests). */
  lastData: HostToWebview | undefined;

  private async post(): Promise<void> {
    if (!this.ready) return;
    const ledgers = this.controller.folders();
    const data = (points: TrendPoint[], note: string | null): HostToWebview => ({ type: 'data', data: dashboardData(ledgers.map((l) => ({ name: l.folder.name, items: l.index.items() })), points, note, new Date().toLocaleString()) });
    const first = ledgers[0];
    // Totals, teams, hotspots and items are in memory: shown at once, with the last trend until git answers.
    const reading = vscode.workspace.isTrusted && !!first?.config;
    await this.send(data(this.lastTrend, reading ? 'Reading the trend from git history…' : 'The trend reads git history, which Restricted Mode does not run.'));
    if (!reading) return;
    // The trend follows the branch the totals describe: the current one (HEAD).
    const points = await trend(first.root, first.config!, { sinceMs: 180 * 86_400_000, points: 12, ref: 'HEAD', cacheFile: this.storage ? vscode.Uri.joinPath(this.storage, 'trend.json').fsPath : null }).catch(() => []);
    this.lastTrend = points;
    await this.send(data(points, points.length === 0 ? 'No git history in the last six months.' : null));
  }

  private lastTrend: TrendPoint[] = [];

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

  dispose(): void {
    DashboardPanel.current = undefined;
    this.disposables.forEach((d) => d.dispose());
    this.panel.dispose();
  }
}
