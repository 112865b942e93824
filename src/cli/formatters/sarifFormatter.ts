import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { LedgerItem, ScanResult } from '../../core/model';
import { ruleDocById } from '../../core/resilience/ruleDocs';
import { TOOL_VERSION } from '../../core/version';
import { stripControls } from '../escape/controls';
import { encodePath } from '../escape/markdown';
import type { FormatContext, Formatter } from './formatter';
import { messageOf } from './messages';
import { rankItems } from './rank';
import { README_URI, ruleIdOf, ruleUrlOf } from './ruleInfo';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** GitHub code scanning accepts at most 25,000 results per run (and shows the first 5,000). */
export const SARIF_MAX_RESULTS = 25_000;

const LEVEL: Record<string, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

function withHelp(text: string, url: string): Pick<Sarif.ReportingDescriptor, 'help' | 'helpUri'> {
  return { help: { text: `${text} See ${url}`, markdown: `${text}\n\n[Documentation](${url})` }, helpUri: url };
}

function ruleFor(item: LedgerItem): Sarif.ReportingDescriptor {
  const id = ruleIdOf(item);
  const url = ruleUrlOf(item);
  const doc = item.kind === 'resilience' ? ruleDocById(item.tag) : null;
  if (doc) {
    return {
      id,
      name: doc.title.replace(/[^A-Za-z]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : '')),
      shortDescription: { text: doc.title },
      fullDescription: { text: `${doc.title}. Teams that recover fast bound, retry and shield every remote call.` },
      ...withHelp(doc.help, url),
      defaultConfiguration: { level: LEVEL[item.severity ?? 'warning'] ?? 'warning' },
      // Found by data flow over the project's clients: right most of the time, not always.
      properties: { tags: ['reliability', 'resilience'], precision: 'high' },
    };
  }
  if (item.kind === 'suppression') {
    return {
      id,
      name: `Suppression${item.tag.replace(/[^A-Za-z]/g, '')}`,
      shortDescription: { text: `Checker suppressed with ${item.tag}` },
      fullDescription: { text: `A ${item.tag} comment switches a checker off. Every suppression hides a finding that may matter.` },
      ...withHelp(`Fix the underlying error and remove ${item.tag}, or narrow it and give a reason (e.g. "-- reason" for ESLint, a description after @ts-expect-error).`, url),
      defaultConfiguration: { level: 'warning' },
      properties: { tags: ['maintainability', 'technical-debt', 'suppression'], precision: 'very-high' },
    };
  }
  return {
    id,
    name: `DebtMarker${item.tag.replace(/[^A-Za-z0-9]/g, '')}`,
    shortDescription: { text: `${item.tag} debt marker` },
    fullDescription: { text: `A ${item.tag} comment records known technical debt.` },
    ...withHelp(`Pay the debt down, or give the marker an owner (${item.tag}(@handle)), a ticket (#123 or ABC-123) and a due date ([YYYY-MM-DD]).`, url),
    defaultConfiguration: { level: 'note' },
    // Markers are found in comments by the compiler's scanner: no guesswork.
    properties: { tags: ['maintainability', 'technical-debt'], precision: 'very-high' },
  };
}

function levelFor(item: LedgerItem): Sarif.Result.level {
  return item.kind === 'resilience' ? LEVEL[item.severity ?? 'warning'] ?? 'warning' : item.overdue ? 'warning' : item.kind === 'suppression' ? 'warning' : 'note';
}

/**
 * SARIF 2.1.0, one rule per kind and tag, fingerprints from the stable ids (for GitHub code scanning).
 * Past GitHub's 25,000 results per run the most important are kept (new, level, interest) and a tool
 * notification says how many were cut. URIs are percent-encoded per segment (`#`, `?`, `%`).
 */
export function toSarif(result: ScanResult, ctx: Pick<FormatContext, 'newIds' | 'automationId'> = {}): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const kept = result.items.length > SARIF_MAX_RESULTS ? rankItems(result.items, ctx.newIds).slice(0, SARIF_MAX_RESULTS) : result.items;
  const cut = result.items.length - kept.length;
  const results: Sarif.Result[] = kept.map((item) => {
    const id = ruleIdOf(item);
    if (!ruleIndex.has(id)) {
      ruleIndex.set(id, rules.length);
      rules.push(ruleFor(item));
    }
    return {
      ruleId: id,
      ruleIndex: ruleIndex.get(id)!,
      level: levelFor(item),
      message: { text: stripControls(messageOf(item)) },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(item.file), uriBaseId: '%SRCROOT%' }, region: { startLine: item.line, startColumn: item.column, endLine: Math.max(item.line, item.endLine), ...(item.endColumn ? { endColumn: item.endColumn } : {}) } } }],
      partialFingerprints: { 'debtLedgerId/v1': item.id },
      properties: { ...(item.kind === 'resilience' ? { client: item.client, callers: item.callers, environment: item.environment ?? null } : { owner: item.owner, ticket: item.ticket, due: item.due, overdue: item.overdue, labels: item.labels, ...(item.ticketState ? { ticketState: item.ticketState } : {}) }), scope: item.scope, package: item.package },
    };
  });
  const rootUri = pathToFileURL(result.root).href;
  const notifications: Sarif.Notification[] = cut > 0
    ? [{ level: 'warning', message: { text: `${cut} of ${result.items.length} results were left out: GitHub code scanning accepts at most ${SARIF_MAX_RESULTS} per run. The most important are kept (new on the branch, then by level and interest); see --format json for all.` } }]
    : [];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Debt Ledger', version: TOOL_VERSION, informationUri: README_URI, rules } },
      automationDetails: { id: ctx.automationId ?? 'debt-ledger/scan/' },
      originalUriBaseIds: { '%SRCROOT%': { uri: rootUri.endsWith('/') ? rootUri : `${rootUri}/` } },
      invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      results,
    }],
  };
}

export function formatSarif(result: ScanResult, ctx: Pick<FormatContext, 'newIds' | 'automationId'> = {}): string {
  return JSON.stringify(toSarif(result, ctx), null, 2) + '\n';
}

export const sarifFormatter: Formatter = {
  name: 'sarif',
  summary: 'SARIF 2.1.0 for GitHub code scanning (upload-sarif)',
  format: formatSarif,
};
