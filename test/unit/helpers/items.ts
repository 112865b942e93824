import type { LedgerItem } from '../../../src/core/model';

let n = 0;
/** A ledger item with every field set, for formatter tests; override what the test is about. */
export function makeItem(over: Partial<LedgerItem> = {}): LedgerItem {
  n++;
  return {
    kind: 'marker', tag: 'TODO', line: 1 + (n % 500), column: 4, endLine: 1 + (n % 500), text: `item ${n}`, owner: null, ticket: null, due: null,
    id: `id${String(n).padStart(10, '0')}`, file: `src/f${n % 97}.ts`, overdue: false, rule: null, client: null, reason: null, severity: null,
    endColumn: null, callers: null, introduced: null, team: null, author: null, interest: n % 13, scope: 'source', package: null, owners: [], labels: [],
    ...over,
  };
}

export function gap(over: Partial<LedgerItem> = {}): LedgerItem {
  return makeItem({ kind: 'resilience', tag: 'resilience/timeout', rule: 'resilience/timeout', client: 'fetch', reason: 'No timeout.', severity: 'warning', endColumn: 20, ...over });
}
