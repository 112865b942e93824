import type { LedgerItem } from '../../core/model';
import { oneLine } from '../escape/controls';
import type { Formatter } from './formatter';
import { messageOf } from './messages';
import { dlCodeOf } from './ruleInfo';

const SEVERITY = { error: 'error', warning: 'warning', info: 'info' } as const;

/**
 * `path(line,col): warning DL<code>: message`, the shape of tsc's own output, so problem matchers
 * (`(error|warning|info)\s+<code>\s*:`) read it. A path that starts with a space or holds `(` followed
 * by digits would confuse them: spaces and controls are folded, the rest is left as git reports it.
 */
export function compactLine(item: LedgerItem): string {
  const severity = item.kind === 'resilience' ? SEVERITY[item.severity ?? 'warning'] : item.overdue ? 'error' : item.kind === 'suppression' ? 'warning' : 'info';
  return `${oneLine(item.file)}(${item.line},${item.column}): ${severity} ${dlCodeOf(item)}: ${oneLine(messageOf(item))}`;
}

export const compactFormatter: Formatter = {
  name: 'compact',
  summary: 'one line per item, path(line,col): warning DL<code>: message (problem matchers)',
  format: (result) => result.items.map((i) => `${compactLine(i)}\n`).join(''),
};
