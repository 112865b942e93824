import type { LedgerItem, ScanResult } from '../../core/model';
import type { Formatter } from './formatter';

/** Version of the JSON contract documented in README "JSON output". Bump only on breaking change. */
export const JSON_CONTRACT_VERSION = 1;

/** One item in the JSON contract: exactly these fields, missing values as null. */
export interface JsonItem {
  id: string;
  kind: LedgerItem['kind'];
  tag: string;
  file: string;
  line: number;
  column: number;
  text: string;
  owner: string | null;
  ticket: string | null;
  due: string | null;
  overdue: boolean;
  /** Null except for kind "resilience" (v1, backwards compatible additions below). */
  rule: string | null;
  client: string | null;
  reason: string | null;
  severity: LedgerItem['severity'];
  endLine: number;
  endColumn: number | null;
  callers: string[] | null;
  /** Age, ownership and interest (v1 addition). */
  introduced: LedgerItem['introduced'];
  team: string | null;
  author: string | null;
  interest: number;
  /** Added in 0.4: with `--tickets`, the ticket's state at its tracker and when it closed; else null. */
  ticketState: NonNullable<LedgerItem['ticketState']> | null;
  ticketClosedAt: string | null;
  /** v1 additions: where the item lives and what its marker says besides the text. */
  scope: LedgerItem['scope'];
  package: string | null;
  owners: string[];
  labels: string[];
  /** Suppressions: the rules named; null for other kinds. */
  rules: string[] | null;
  /** Resilience items: where the call runs (`server`, `browser`, `universal`); null for other kinds. */
  environment: string | null;
}

export interface JsonLedger {
  version: number;
  root: string;
  items: JsonItem[];
  skipped: { file: string; reason: string }[];
}

export function toJsonItem(i: LedgerItem): JsonItem {
  return {
    id: i.id, kind: i.kind, tag: i.tag, file: i.file, line: i.line, column: i.column, text: i.text, owner: i.owner, ticket: i.ticket, due: i.due, overdue: i.overdue,
    rule: i.rule, client: i.client, reason: i.reason, severity: i.severity, endLine: i.endLine, endColumn: i.endColumn, callers: i.callers,
    introduced: i.introduced, team: i.team, author: i.author, interest: i.interest,
    ticketState: i.ticketState ?? null, ticketClosedAt: i.ticketClosedAt ?? null,
    scope: i.scope, package: i.package, owners: i.owners, labels: i.labels, rules: i.kind === 'suppression' ? i.rules ?? [] : null,
    environment: i.environment ?? null,
  };
}

/** The stable JSON contract (`version: 1`). */
export function formatJson(result: ScanResult): string {
  const doc: JsonLedger = {
    version: JSON_CONTRACT_VERSION,
    root: result.root,
    items: result.items.map(toJsonItem),
    skipped: result.skipped.map((s) => ({ file: s.file, reason: s.reason })),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

export const jsonFormatter: Formatter = { name: 'json', summary: 'the stable JSON contract (version 1)', format: formatJson };
