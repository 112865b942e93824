import type { LedgerItem } from '../../core/model';
import { RESILIENCE_RULES, RULE_IDS } from '../../core/resilience/model';

export const DOCS_BASE = 'https://github.com/debt-ledger/debt-ledger/blob/main';
export const README_URI = `${DOCS_BASE}/README.md`;
export const RESILIENCE_DOCS_URI = `${DOCS_BASE}/docs/resilience.md`;

/** The rule id of an item, as SARIF, GitLab `check_name` and rdjson `code.value` show it. */
export function ruleIdOf(item: LedgerItem): string {
  if (item.kind === 'resilience') return item.tag;
  return item.kind === 'suppression' ? `suppression/${item.tag}` : `marker/${item.tag}`;
}

/** Documentation link of an item's rule. */
export function ruleUrlOf(item: LedgerItem): string {
  if (item.kind === 'resilience') return `${RESILIENCE_DOCS_URI}#${item.tag.replace('resilience/', '')}`;
  return `${README_URI}#what-counts-as-an-item`;
}

/**
 * Numeric codes for the compact `DL<code>` form (problem matchers want digits): 1 markers, 2
 * suppressions, 30x resilience rules in `RESILIENCE_RULES` order. Data, so a new rule gets a code here.
 */
export const DL_CODES: Readonly<Record<string, number>> = {
  marker: 1,
  suppression: 2,
  ...Object.fromEntries(RESILIENCE_RULES.map((key, n) => [RULE_IDS[key], 301 + n])),
};

export function dlCodeOf(item: LedgerItem): string {
  return `DL${DL_CODES[item.kind === 'resilience' ? item.tag : item.kind] ?? 0}`;
}

/** The level an item is reported at in CI: resilience by its severity, overdue debt as an error, new debt as a warning. */
export function levelOf(item: LedgerItem, isNew: boolean): 'error' | 'warning' | 'note' {
  if (item.kind === 'resilience') return item.severity === 'error' ? 'error' : item.severity === 'info' ? 'note' : 'warning';
  if (item.overdue) return 'error';
  if (isNew || item.kind === 'suppression') return 'warning';
  return 'note';
}
