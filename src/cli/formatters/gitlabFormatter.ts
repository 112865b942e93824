import type { LedgerItem, ScanResult } from '../../core/model';
import { oneLine } from '../escape/controls';
import type { FormatContext, Formatter } from './formatter';
import { messageOf } from './messages';
import { ruleIdOf, ruleUrlOf } from './ruleInfo';

/** One GitLab Code Quality issue (the Code Climate subset GitLab reads: docs.gitlab.com/ci/testing/code_quality/). */
export interface CodeQualityIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'info' | 'minor' | 'major' | 'critical' | 'blocker';
  location: { path: string; lines: { begin: number; end: number } };
  categories: string[];
  content: { body: string };
}

/**
 * Severity from kind and state: an existing marker or suppression is info; new unticketed debt minor;
 * overdue debt major; resilience gaps by their configured severity (error major, warning minor, info info).
 */
export function gitlabSeverity(item: LedgerItem, isNew: boolean): CodeQualityIssue['severity'] {
  if (item.kind === 'resilience') return item.severity === 'error' ? 'major' : item.severity === 'info' ? 'info' : 'minor';
  if (item.overdue) return 'major';
  if (isNew && (item.kind === 'suppression' || item.ticket === null)) return 'minor';
  return 'info';
}

/**
 * The fingerprint is the stable id, never the line: GitLab compares the report with the target
 * branch's, and a shifted line must not show as one issue fixed and one new.
 */
export function toCodeQuality(result: ScanResult, ctx: Pick<FormatContext, 'newIds'> = {}): CodeQualityIssue[] {
  return result.items.map((item) => ({
    description: oneLine(messageOf(item)),
    check_name: ruleIdOf(item),
    fingerprint: item.id,
    severity: gitlabSeverity(item, ctx.newIds?.has(item.id) ?? false),
    location: { path: item.file, lines: { begin: item.line, end: Math.max(item.line, item.endLine) } },
    categories: [item.kind === 'marker' ? 'Clarity' : 'Bug Risk'],
    content: { body: `See ${ruleUrlOf(item)}` },
  }));
}

export const gitlabFormatter: Formatter = {
  name: 'gitlab',
  summary: 'GitLab Code Quality report (artifacts:reports:codequality)',
  format: (result, ctx) => JSON.stringify(toCodeQuality(result, ctx), null, 2) + '\n',
};
