import type { LedgerItem, ScanResult } from '../../core/model';

/** A suggested replacement from an existing quick fix, in 1-based lines and UTF-8 byte columns (reviewdog's). */
export interface Suggestion {
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  text: string;
}

/** Where blob permalinks point: `https://github.com/o/r/blob/<commit>/` or `https://gitlab.com/g/p/-/blob/<commit>/`. */
export interface LinkBase {
  /** Prefix ending in `/`; a percent-encoded repository-relative path and `#L<line>` follow. */
  blob: string;
}

/** Everything a formatter may use besides the result; every field is optional so formatters degrade. */
export interface FormatContext {
  color: boolean;
  /** Terminal width; text is cut to fit (table only). */
  width: number;
  /** `file` groups by file; `interest` and `age` list items in that order, with hotspots for interest. */
  sort?: 'file' | 'interest' | 'age';
  /** Ids of items new on the branch (annotations and severities rank them first). */
  newIds?: ReadonlySet<string>;
  /** Markdown: items listed at most; annotations: per-level cap. */
  maxItems?: number;
  /** Markdown: the size budget in characters (default 60,000). */
  budget?: number;
  /** Permalink base when the remote and commit are known; relative links otherwise. */
  links?: LinkBase | null;
  /** Suggested fixes by item id (rdjson). */
  suggestions?: ReadonlyMap<string, Suggestion[]>;
  /** The text of a line (1-based) of a file, for byte columns; null when not readable. */
  lineText?: (file: string, line: number) => string | null;
  /** SARIF `automationDetails.id`, e.g. `debt-ledger/scan/`. */
  automationId?: string;
  /** What to say instead of "No debt items found." (e.g. that the baseline holds). */
  emptyMessage?: string;
  /** Table: what hotspots rank (default: the source items listed). */
  ranked?: readonly LedgerItem[];
  /** Table: what the summary counts (default: all listed but generated and vendored). */
  counted?: readonly LedgerItem[];
  /** Table: items left out of an interest ranking (other scopes), for a hint. */
  hidden?: number;
}

/** One output format: a name for `--format`, one line for `--help`, and a pure render function. */
export interface Formatter {
  name: string;
  summary: string;
  /** What the command must gather before rendering (read source lines, compute quick fixes). */
  needs?: { sourceText?: boolean; suggestions?: boolean };
  format(result: ScanResult, ctx: FormatContext): string;
}
