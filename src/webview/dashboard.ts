/// <reference lib="dom" />
// Browser entry of the Debt Dashboard webview (bundled by esbuild as an iife; no Node, no vscode module).
import type { HostToWebview, PaintedChart, WebviewLoad, WebviewToHost } from './protocol';
import { renderDashboard } from './render';

declare function acquireVsCodeApi(): { postMessage(message: WebviewToHost): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

/** What is on screen, read from the DOM (not from the data): the charts, their y ticks, dots and reference vertices. */
function drawn(): PaintedChart[] {
  return Array.from(root.querySelectorAll<SVGSVGElement>('svg.chart[data-kind]')).map((svg) => ({
    folder: svg.dataset.folder ?? '',
    kind: svg.dataset.kind ?? '',
    ticks: Array.from(svg.querySelectorAll('text.tick')).map((t) => Number(t.textContent)),
    points: svg.querySelectorAll('circle.series').length,
    reference: (svg.querySelector('polyline.reference')?.getAttribute('points') ?? '').split(' ').filter(Boolean).length,
  }));
}

/** After the next frame: the host times the dashboard from the command to this paint. */
function paintedAfterFrame(seq: number): void {
  requestAnimationFrame(() => setTimeout(() => vscode.postMessage({ type: 'painted', seq, charts: drawn() }), 0));
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => {
  if (event.data?.type !== 'data') return;
  const { seq, data } = event.data;
  root.innerHTML = renderDashboard(data);
  paintedAfterFrame(seq);
});

root.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest<HTMLElement>('a.open');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'open', folder: link.dataset.folder ?? '', file: link.dataset.file ?? '', line: Number(link.dataset.line ?? 1) });
});

const NAVIGATION_STEPS = ['workerStart', 'fetchStart', 'requestStart', 'responseStart', 'responseEnd', 'domInteractive'] as const;

/** Where the load went (performance entries: the document VS Code wrote into, our sub-resources). */
function load(): WebviewLoad {
  const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return {
    timeOrigin: performance.timeOrigin,
    writtenMs: nav ? round(nav.domContentLoadedEventEnd) : null,
    navigation: nav ? Object.fromEntries(NAVIGATION_STEPS.map((k) => [k, round(nav[k])])) : {},
    resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name.replace(/^.*\//, '').replace(/\?.*$/, ''), startMs: round(e.startTime), endMs: round((e as PerformanceResourceTiming).responseEnd) })),
  };
}

// The handshake: the host posts data only after this, so nothing is lost before the listener exists.
vscode.postMessage({ type: 'ready', loadMs: performance.now(), load: load() });
// The page came drawn by the host (data-seq: the data it was drawn with): it is on screen already.
if (root.dataset.seq) paintedAfterFrame(Number(root.dataset.seq));
