import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { DodResult, DodState } from '../../core/dod/model';
import { TOOL_VERSION } from '../../core/version';
import { oneLine } from '../escape/controls';
import { codeSpan, encodePath, markdownText } from '../escape/markdown';
import type { LinkBase } from './formatter';
import { SARIF_SCHEMA } from './sarifFormatter';

const MARK: Record<DodState, string> = { pass: '✔', fail: '✘', pending: '…', stale: '↻', 'n/a': '–' };

function headline(r: DodResult): string {
  const counted = r.items.filter((i) => i.state !== 'n/a');
  const passed = counted.filter((i) => i.state === 'pass').length;
  const na = r.items.length - counted.length;
  // Every item is listed below, so say where the others went: `DONE, 4/4 items (3 n/a)`.
  return `Definition of done for ${oneLine(r.branch)} (base ${oneLine(r.base)}, merge base ${r.mergeBase.slice(0, 7)}): ${r.done ? 'DONE' : 'NOT DONE'}, ${passed}/${counted.length} item${counted.length === 1 ? '' : 's'}${na > 0 ? ` (${na} n/a)` : ''}`;
}

export function formatDodTable(r: DodResult): string {
  const lines = [headline(r), ''];
  for (const i of r.items) {
    lines.push(`${MARK[i.state]} ${i.state.padEnd(7)} ${oneLine(i.title)} (${i.id})`);
    for (const e of i.evidence.slice(0, 8)) lines.push(`            ${e.file ? `${oneLine(e.file)}${e.line ? `:${e.line}` : ''}  ` : ''}${e.file && e.text === e.file ? '' : oneLine(e.text)}`.trimEnd());
    if (i.evidence.length > 8) lines.push(`            … ${i.evidence.length - 8} more (see --format json)`);
  }
  return lines.join('\n') + '\n';
}

export function formatDodJson(r: DodResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

/**
 * A checklist for a pull-request comment. Evidence links are blob permalinks when the remote and commit
 * are known (`links`), else relative to the repository. Branch names go in code spans with a long
 * enough fence, every other workspace text through `markdownText`.
 */
export function formatDodMarkdown(r: DodResult, links: LinkBase | null = null): string {
  const lines = [`## Definition of done: ${r.done ? '✅ done' : '❌ not done'}`, '', `Branch ${codeSpan(r.branch)} against ${codeSpan(r.base)} (merge base \`${r.mergeBase.slice(0, 7)}\`, head \`${r.head.slice(0, 7)}\`).`, ''];
  for (const i of r.items) {
    lines.push(`- [${i.state === 'pass' || i.state === 'n/a' ? 'x' : ' '}] **${markdownText(i.title)}**: ${i.state}`);
    for (const e of i.evidence.slice(0, 10)) {
      const where = e.file ? `[${markdownText(e.file)}${e.line ? `:${e.line}` : ''}](${links?.blob ?? ''}${encodePath(e.file)}${e.line ? `#L${e.line}` : ''}) ` : '';
      lines.push(`  - ${where}${e.file && e.text === e.file ? '' : markdownText(e.text)}`);
    }
    if (i.evidence.length > 10) lines.push(`  - … and ${i.evidence.length - 10} more`);
  }
  return lines.join('\n') + '\n';
}

/** SARIF: one result per failing, pending or stale item, located at its first file evidence when any. */
export function formatDodSarif(r: DodResult, root: string): string {
  const results: Sarif.Result[] = r.items.filter((i) => i.state === 'fail' || i.state === 'pending' || i.state === 'stale').map((i) => {
    const at = i.evidence.find((e) => e.file);
    return {
      ruleId: `dod/${i.id}`,
      level: i.state === 'fail' ? 'error' : 'warning',
      message: { text: `${i.title}: ${i.state}. ${i.evidence.map((e) => e.text).slice(0, 3).join('; ')}` },
      ...(at ? { locations: [{ physicalLocation: { artifactLocation: { uri: encodePath(at.file!), uriBaseId: '%SRCROOT%' }, region: { startLine: at.line ?? 1 } } }] } : {}),
      partialFingerprints: { 'debtLedgerDod/v1': `${i.id}:${i.state}` },
    };
  });
  const log: Sarif.Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Debt Ledger DoD', version: TOOL_VERSION, rules: r.items.map((i) => ({ id: `dod/${i.id}`, shortDescription: { text: i.title } })) } },
      originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
