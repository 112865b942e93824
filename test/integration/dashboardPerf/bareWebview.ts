import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** What a minimal webview's script said when it ran, ms after its panel was created (host clock). */
export interface BareTiming {
  variant: string;
  readyMs: number;
  /** The webview's document started, ms after the command (its performance.timeOrigin). */
  documentMs: number;
  /** From the document's start to the script running (the webview's clock). */
  loadMs: number;
  /** ms after the command: the page written into the document, and the document's navigation steps. */
  writtenMs: number;
  navigation: Record<string, number>;
}

/**
 * VS Code's own webview start-up, for comparison with the dashboard, measured the same way (panel created,
 * then the webview's first message): `inline` is an empty page with one inline script (nothing of ours but
 * that); `resources` loads the dashboard's stylesheet and script files through the webview's resource path
 * (the script says it is ready; no host-side dashboard code runs, nothing is posted to it).
 */
export async function bareWebview(extensionUri: vscode.Uri, variant: 'inline' | 'resources'): Promise<BareTiming> {
  const opened = Date.now();
  const panel = vscode.window.createWebviewPanel('debtLedgerPerf.bare', 'Bare', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: [extensionUri] });
  const nonce = randomBytes(16).toString('base64');
  const w = panel.webview;
  // The same figures as the dashboard's script sends (src/webview/dashboard.ts), inline.
  const report = `const n = performance.getEntriesByType('navigation')[0] || {};
acquireVsCodeApi().postMessage({ loadMs: performance.now(), load: { timeOrigin: performance.timeOrigin, writtenMs: n.domContentLoadedEventEnd,
  navigation: Object.fromEntries(['workerStart', 'fetchStart', 'requestStart', 'responseStart', 'responseEnd', 'domInteractive'].map((k) => [k, Math.round(n[k] * 10) / 10])) } });`;
  const head = variant === 'resources' ? `<link rel="stylesheet" href="${w.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'dashboard.css'))}">` : '';
  const body = variant === 'resources'
    ? `<div id="root"></div><script nonce="${nonce}" src="${w.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'dashboard.js'))}"></script>`
    : `<script nonce="${nonce}">${report}</script>`;
  const answer = new Promise<{ loadMs: number; load: { timeOrigin: number; writtenMs: number; navigation: Record<string, number> } }>((resolve) => w.onDidReceiveMessage(resolve));
  w.html = `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${w.cspSource}; script-src 'nonce-${nonce}';">${head}</head><body><p>bare</p>${body}</body></html>`;
  const m = await answer;
  const readyMs = Date.now() - opened;
  panel.dispose();
  const at = (ms: number): number => Math.round(m.load.timeOrigin + ms - opened);
  return { variant, readyMs, documentMs: at(0), loadMs: Math.round(m.loadMs), writtenMs: at(m.load.writtenMs), navigation: Object.fromEntries(Object.entries(m.load.navigation).map(([k, v]) => [k, at(v)])) };
}
