/// <reference lib="dom" />
// Browser entry of the Debt Dashboard webview (bundled by esbuild as an iife; no Node, no vscode module).
import type { HostToWebview, WebviewToHost } from './protocol';
import { renderDashboard } from './render';

declare function acquireVsCodeApi(): { postMessage(message: WebviewToHost): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  if (event.data?.type === 'data') root.innerHTML = renderDashboard(event.data.data);
});

root.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLElement>('a.open');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', folder: link.dataset.folder ?? '', file: link.dataset.file ?? '', line: Number(link.dataset.line ?? 1) });
});

// The handshake: the host posts data only after this, so nothing is lost before the listener exists.
vscode.postMessage({ type: 'ready' });
