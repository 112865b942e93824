import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { LedgerItem, ScanResult } from '../../core/model';
import { ruleDocById } from '../../core/resilience/ruleDocs';
import { TOOL_VERSION } from '../../core/version';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFO_URI = 'https://github.com/debt-ledger/debt-ledger#readme';
const DOCS_URI = 'https://github.com/debt-ledger/debt-ledger/blob/main/docs/resilience.md';

function ruleId(item: LedgerItem): string {
  if (item.kind === 'resilience') return item.tag;
  return item.kind === 'suppression' ? `suppression/${item.tag}` : `marker/${item.tag}`;
}

const LEVEL: Record<string, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

function ruleFor(item: LedgerItem): Sarif.ReportingDescriptor {
  const id = ruleId(item);
  const doc = item.kind === 'resilience' ? ruleDocById(item.tag) : null;
  if (doc) {
    return {
      id,
      name: doc.title.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: doc.title },
      fullDescription: { text: `${doc.title}. Teams that recover fast bound, retry and shield every remote call.` },
      help: { text: doc.help },
      helpUri: `${DOCS_URI}#${doc.key.toLowerCase()}`,
      defaultConfiguration: { level: LEVEL[item.severity ?? 'warning'] ?? 'warning' },
    };
  }
  if (item.kind === 'suppression') {
    return {
      id,
      name: `Suppression${item.tag.replace(/[^A-Za-z]/g, '')}`,
      shortDescription: { text: `Checker suppressed with ${item.tag}` },
      fullDescription: { text: `A ${item.tag} comment switches a checker off. Every suppression hides a finding that may matter.` },
      help: { text: `Fix the underlying error and remove ${item.tag}, or narrow it and give a reason (e.g. "-- reason" for ESLint, a description after @ts-expect-error).` },
      defaultConfiguration: { level: 'warning' },
    };
  }
  return {
    id,
    name: `DebtMarker${item.tag.replace(/[^A-Za-z0-9]/g, '')}`,
    shortDescription: { text: `${item.tag} debt marker` },
    fullDescription: { text: `A ${item.tag} comment records known technical debt.` },
    help: { text: `Pay the debt down, or give the marker an owner (${item.tag}(@handle)), a ticket (#123 or ABC-123) and a due date ([YYYY-MM-DD]).` },
    defaultConfiguration: { level: 'note' },
  };
}

function messageFor(item: LedgerItem): string {
  if (item.kind === 'resilience') return `${item.reason} [${item.client}]${item.callers ? ` Callers: ${item.callers.join(', ')}.` : ''}`;
  const meta = [item.owner && `owner ${item.owner}`, item.ticket && `ticket ${item.ticket}`, item.due && `due ${item.due}${item.overdue ? ' (overdue)' : ''}`].filter(Boolean);
  return `${item.tag}: ${item.text || '(no text)'}${meta.length > 0 ? ` [${meta.join(', ')}]` : ''}`;
}

/** SARIF 2.1.0, one rule per kind and tag, fingerprints from the stable ids (for GitHub code scanning). */
export function toSarif(result: ScanResult): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const results: Sarif.Result[] = result.items.map((item) => {
    const id = ruleId(item);
    if (!ruleIndex.has(id)) {
      ruleIndex.set(id, rules.length);
      rules.push(ruleFor(item));
    }
    return {
      ruleId: id,
      ruleIndex: ruleIndex.get(id)!,
      level: item.kind === 'resilience' ? LEVEL[item.severity ?? 'warning'] ?? 'warning' : item.overdue ? 'warning' : item.kind === 'suppression' ? 'warning' : 'note',
      message: { text: messageFor(item) },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(item.file), uriBaseId: '%SRCROOT%' }, region: { startLine: item.line, startColumn: item.column, endLine: item.endLine, ...(item.endColumn ? { endColumn: item.endColumn } : {}) } } }],
      partialFingerprints: { 'debtLedgerId/v1': item.id },
      properties: item.kind === 'resilience' ? { client: item.client, callers: item.callers, environment: item.environment ?? null } : { owner: item.owner, ticket: item.ticket, due: item.due, overdue: item.overdue },
    };
  });
  const rootUri = pathToFileURL(result.root).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Debt Ledger', version: TOOL_VERSION, informationUri: INFO_URI, rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
      results,
    }],
  };
}

export function formatSarif(result: ScanResult): string {
  return JSON.stringify(toSarif(result), null, 2) + '\n';
}
