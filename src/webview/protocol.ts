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
  trend: { date: string; marker: number; suppression: number; resilience: number }[];
  /** Why the trend is empty (no git, untrusted, no history), when it is. */
  trendNote: string | null;
  hotspots: { file: string; interest: number; items: number }[];
  oldest: DashboardItem[];
  overdue: DashboardItem[];
  /** Items per scope (all scopes); the figures above count only `headlineScopes`. */
  scopes?: { scope: string; count: number; counted: boolean }[];
  headlineScopes?: string[];
}

export type HostToWebview = { type: 'data'; data: DashboardData };
export type WebviewToHost = { type: 'ready' } | { type: 'open'; folder: string; file: string; line: number };
