import type { LedgerItem, ScanResult } from '../../core/model';
import { markdownText } from '../escape/markdown';
import type { FormatContext, Formatter, Suggestion } from './formatter';
import { messageOf } from './messages';
import { levelOf, README_URI, ruleIdOf, ruleUrlOf } from './ruleInfo';

/** Reviewdog Diagnostic Format, rdjson (github.com/reviewdog/reviewdog/tree/master/proto/rdf). */
export interface RdPosition { line: number; column?: number }
export interface RdDiagnostic {
  message: string;
  location: { path: string; range: { start: RdPosition; end?: RdPosition } };
  severity: 'ERROR' | 'WARNING' | 'INFO';
  code: { value: string; url: string };
  suggestions?: Suggestion[];
}
export interface RdResult { source: { name: string; url: string }; severity: 'WARNING'; diagnostics: RdDiagnostic[] }

/**
 * 1-based UTF-16 column (how items count) to 1-based UTF-8 byte column (how reviewdog counts:
 * "the column of b in a𐐀b is 6"). Without the line's text the UTF-16 column is the best we have.
 */
export function utf8Column(lineText: string | null, utf16Column: number): number {
  if (lineText === null) return utf16Column;
  return Buffer.byteLength(lineText.slice(0, utf16Column - 1), 'utf8') + 1;
}

const SEVERITY = { error: 'ERROR', warning: 'WARNING', note: 'INFO' } as const;

function diagnostic(item: LedgerItem, ctx: FormatContext): RdDiagnostic {
  const col = (line: number, c: number): number => utf8Column(ctx.lineText?.(item.file, line) ?? null, c);
  const start = { line: item.line, column: col(item.line, item.column) };
  // End is exclusive; only resilience findings know their end column.
  const end = item.endColumn ? { line: item.endLine, column: col(item.endLine, item.endColumn) } : undefined;
  const suggestions = ctx.suggestions?.get(item.id);
  return {
    // reviewdog posts the message as Markdown in a PR review: no pings, images, links or HTML from the workspace.
    message: markdownText(messageOf(item)),
    location: { path: item.file, range: end ? { start, end } : { start } },
    severity: SEVERITY[levelOf(item, ctx.newIds?.has(item.id) ?? false)],
    code: { value: ruleIdOf(item), url: ruleUrlOf(item) },
    ...(suggestions && suggestions.length > 0 ? { suggestions } : {}),
  };
}

export function toRdjson(result: ScanResult, ctx: FormatContext): RdResult {
  return { source: { name: 'debt-ledger', url: README_URI }, severity: 'WARNING', diagnostics: result.items.map((i) => diagnostic(i, ctx)) };
}

export const rdjsonFormatter: Formatter = {
  name: 'rdjson',
  summary: 'reviewdog Diagnostic Format, with the quick fixes as suggestions',
  needs: { sourceText: true, suggestions: true },
  format: (result, ctx) => JSON.stringify(toRdjson(result, ctx), null, 2) + '\n',
};
