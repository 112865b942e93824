import type { LedgerItem } from '../model';
import { isClosedTicketDebt } from '../tickets/resolveTickets';

/** One condition of a `--fail-on` expression, e.g. `overdue` or `count>50`. */
export interface FailCondition {
  /** As written, for messages. */
  source: string;
  selector: string;
  op: '>' | '>=' | '<' | '<=' | '=';
  value: number;
}

const SELECTORS: Record<string, (item: LedgerItem) => boolean> = {
  count: () => true,
  any: () => true,
  overdue: (i) => i.overdue,
  unticketed: (i) => i.kind === 'marker' && i.ticket === null,
  unowned: (i) => i.kind === 'marker' && i.owner === null,
  marker: (i) => i.kind === 'marker',
  suppression: (i) => i.kind === 'suppression',
  resilience: (i) => i.kind === 'resilience',
  error: (i) => i.severity === 'error',
  // Suppressions without a reason, with `suppressions.requireReason` (docs/suppressions.md).
  'no-reason': (i) => i.kind === 'suppression' && i.labels.includes('no-reason'),
};

/** The built-in selectors (besides tags and rules), for validation and help. */
export const SELECTOR_NAMES: readonly string[] = [...Object.keys(SELECTORS), 'closed-ticket'];

const CONDITION = /^\s*([A-Za-z@][\w@/-]*)\s*(?:(>=|<=|>|<|=)\s*(\d+))?\s*$/;

/**
 * Parses `--fail-on`: comma-separated conditions, each `selector[op N]`. A bare selector means `>0`.
 * Selectors: count/any, overdue, unticketed, unowned, marker, suppression, resilience, error (resilience
 * findings of severity error), closed-ticket (ticket missing or closed, with `scan --tickets`), or a tag or rule (`FIXME`, `@ts-ignore`, `resilience/timeout`).
 * Throws an Error naming the bad part.
 */
export function parseFailOn(expression: string): FailCondition[] {
  const parts = expression.split(',').filter((p) => p.trim() !== '');
  if (parts.length === 0) throw new Error('--fail-on needs a condition, e.g. "overdue" or "count>50"');
  return parts.map((part) => {
    const m = CONDITION.exec(part);
    if (!m) throw new Error(`--fail-on: cannot read "${part.trim()}" (expected e.g. overdue, FIXME, count>50)`);
    return { source: part.trim(), selector: m[1]!, op: (m[2] ?? '>') as FailCondition['op'], value: m[3] === undefined ? 0 : Number(m[3]) };
  });
}

/** What some selectors need beyond the item. */
export interface FailOnContext {
  /** `closed-ticket`: a ticket closed fewer days ago than this does not count. */
  closedGraceDays?: number;
}

function matcherFor(selector: string, context: FailOnContext): (item: LedgerItem) => boolean {
  if (selector.toLowerCase() === 'closed-ticket') return (i) => isClosedTicketDebt(i, context.closedGraceDays ?? 0);
  const known = SELECTORS[selector.toLowerCase()];
  if (known) return known;
  const tag = selector.toLowerCase();
  return (i) => i.tag.toLowerCase() === tag;
}

function compare(n: number, op: FailCondition['op'], value: number): boolean {
  switch (op) {
    case '>': return n > value;
    case '>=': return n >= value;
    case '<': return n < value;
    case '<=': return n <= value;
    case '=': return n === value;
  }
}

/** The conditions that trip on these items, each with the count that tripped it. */
export function evaluateFailOn(conditions: readonly FailCondition[], items: readonly LedgerItem[], context: FailOnContext = {}): { condition: FailCondition; count: number }[] {
  return conditions
    .map((condition) => ({ condition, count: items.filter(matcherFor(condition.selector, context)).length }))
    .filter(({ condition, count }) => compare(count, condition.op, condition.value));
}
