// The dashboard's message protocol. Imports neither `vscode` nor Node: shared by the extension and the webview.

/** An item as the dashboard lists it. */
export interface DashboardItem {
  folder: string;
  file: string;
  line: number;
  tag: string;
  text: string;
  team: string | null;
  /** `YYYY-MM-DD` the line was introduced, or null. */
  introduced: string | null;
  due: string | null;
  interest: number;
}

export interface DashboardData {
  generated: string;
  totals: { kind: string; count: number }[];
  byTeam: { team: string; count: number }[];
  /** One trend per workspace folder: the checked-out branch, with its base as a reference. */
  trends: FolderTrend[];
  /** Why there is no trend at all (untrusted, reading), or a line about all of them; null otherwise. */
  trendNote: string | null;
  hotspots: { file: string; interest: number; items: number }[];
  oldest: DashboardItem[];
  overdue: DashboardItem[];
  /** Items per scope (all scopes); the figures above count only `headlineScopes`. */
  scopes?: { scope: string; count: number; counted: boolean }[];
  headlineScopes?: string[];
}

/** Item counts per kind at one commit. */
export interface TrendRow {
  /** `YYYY-MM-DD` (committer date). */
  date: string;
  marker: number;
  suppression: number;
  resilience: number;
}

export const TREND_KINDS = ['marker', 'suppression', 'resilience'] as const;
export type TrendKind = (typeof TREND_KINDS)[number];

/** A folder's trend: the branch its totals describe, and the base branch drawn as a faint reference. */
export interface FolderTrend {
  folder: string;
  /** The checked-out branch (`detached at <sha>` without one). */
  branch: string;
  points: TrendRow[];
  /** The base branch (definitionOfDone.base, else the default branch); null when on it or absent. */
  base: string | null;
  reference: TrendRow[];
  /** Why this folder's trend is empty or partial (no history, no git), or null. */
  note: string | null;
}

/** What the webview drew, read back from its DOM after a render (for tests and the first-paint time). */
export interface PaintedChart {
  folder: string;
  kind: string;
  /** The y-axis tick values, bottom to top. */
  ticks: number[];
  /** Dots on the branch's line. */
  points: number;
  /** Vertices of the reference line (0: none). */
  reference: number;
}

/** `seq` numbers the posts; the webview's `painted` answer names the one it drew. */
export type HostToWebview = { type: 'data'; seq: number; data: DashboardData };
/**
 * Where the webview's own load went, on its clock (ms since its document started) and, for `timeOrigin`, the
 * wall clock (epoch ms: the host compares it with the command's time). The document is VS Code's fake.html,
 * into which VS Code writes our page when it has loaded (`writtenMs`: its DOMContentLoaded).
 */
export interface WebviewLoad {
  timeOrigin: number;
  writtenMs: number | null;
  /** That document's navigation steps (workerStart, fetchStart, requestStart, responseStart, responseEnd, domInteractive), ms on its clock. */
  navigation: Record<string, number>;
  /** Sub-resources (our stylesheet and script), fetched through VS Code's service worker. */
  resources: { name: string; startMs: number; endMs: number }[];
}

/** `loadMs`: the webview's own time from its document's start to the script running. */
export type WebviewToHost = { type: 'ready'; loadMs: number; load?: WebviewLoad } | { type: 'open'; folder: string; file: string; line: number } | { type: 'painted'; seq: number; charts: PaintedChart[] };
