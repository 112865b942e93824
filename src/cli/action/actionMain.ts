import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { evaluateDod } from '../../core/dod/evaluateDod';
import type { DodResult } from '../../core/dod/model';
import { branchLedger } from '../../core/dod/branchLedger';
import { branchFacts } from '../../core/git/branchFacts';
import { headBlobPrefix } from '../../core/git/remoteLinks';
import { enrichLedger } from '../../core/intel/enrich';
import { ensureCommitGraphFor } from '../../core/git/commitGraph';
import { evaluateFailOn, parseFailOn } from '../../core/ledger/failOn';
import { unknownSelectors } from '../../core/ledger/failOnCheck';
import { localToday } from '../../core/ledger/ids';
import { scanWorkspace } from '../../core/scan/scanner';
import { gitProblem, loadCliConfig } from '../cliConfig';
import { workflowCommand } from '../escape/workflowCommand';
import { formatterNamed } from '../formatters';
import { formatDodMarkdown } from '../formatters/dodFormatters';
import type { FormatContext } from '../formatters/formatter';
import { formatGithub } from '../formatters/githubFormatter';
import { DEFAULT_MARKDOWN_BUDGET, formatMarkdown } from '../formatters/markdownFormatter';
import { EXIT, UsageError, type CliIo } from '../io';
import { sourceReader, suggestionsFor } from '../sourceFacts';
import { readInputs } from './actionInputs';
import { appendFileIfSet, fitSummary, outputBlock, readPullRequest } from './githubEnv';

/** The first line of the PR comment: a sticky-comment step finds its own comment by it. */
export const COMMENT_MARKER = '<!-- debt-ledger:pr-comment -->';

const EXTENSION: Record<string, string> = { sarif: 'sarif', markdown: 'md', gitlab: 'gitlab.json', rdjson: 'rdjson', json: 'json', compact: 'txt' };

/**
 * The GitHub Action: `dod` and `scan` against the pull request's merge base (base sha from the event
 * payload), a job summary, annotations for what is new, report files and step outputs. Exit 1 when the
 * Definition of Done is not met or `fail-on` trips, 2 for usage, configuration or git problems.
 */
export async function runAction(io: CliIo): Promise<number> {
  try {
    return await run(io);
  } catch (err) {
    const e = err as Error;
    const usage = err instanceof UsageError;
    io.stdout(`${workflowCommand('error', { title: 'Debt Ledger' }, usage ? e.message : `unexpected error: ${e.stack ?? e.message}`)}\n`);
    return EXIT.usage;
  }
}

async function run(io: CliIo): Promise<number> {
  const inputs = readInputs(io.env);
  const failOn = inputs.failOn ? (() => { try { return parseFailOn(inputs.failOn); } catch (err) { throw new UsageError((err as Error).message); } })() : [];
  const { root, config } = await loadCliConfig(io, inputs.workingDirectory, inputs.config ?? undefined);
  const unknown = unknownSelectors(failOn, config);
  if (unknown.length > 0) throw new UsageError(unknown.join('\n'));
  const pr = await readPullRequest(io.env.GITHUB_EVENT_PATH);
  // The base sha from the event is exact even when the base branch moved after the PR was opened.
  const base = inputs.base ?? pr.baseSha ?? (pr.baseRef ? `origin/${pr.baseRef}` : null);

  const result = await scanWorkspace({ root, config, useGit: true, cacheFile: null });
  if (inputs.blame && result.listedWith === 'git') {
    // A fresh CI clone has no commit-graph: with enough files to blame, one pays for itself (see commitGraph.ts).
    await ensureCommitGraphFor(root, new Set(result.items.map((i) => i.file)).size);
    await enrichLedger(result.items, { root, config, today: localToday(), useGit: true, blameCacheFile: null });
  }
  const facts = await branchFacts(root, { base: base ?? config.definitionOfDone?.base ?? null, includeUncommitted: false }).catch(gitProblem);
  const added = (await branchLedger(root, config, facts, { current: result })).added;
  const newIds = new Set(added.map((i) => i.id));
  const newItems = result.items.filter((i) => newIds.has(i.id));
  const dod: DodResult | null = inputs.dod && config.definitionOfDone
    ? await evaluateDod({ root, config, base: base ?? null, includeUncommitted: false, allowCommands: true, requireSignoffs: inputs.requireSignoffs }).catch(gitProblem)
    : null;

  const blob = await headBlobPrefix(root);
  const links = blob ? { blob } : null;
  const ctx: FormatContext = { color: false, width: Number.POSITIVE_INFINITY, newIds, links, automationId: `debt-ledger/${(io.env.GITHUB_WORKFLOW ?? 'ci').replace(/[^\w.-]+/g, '-')}/`, ...(inputs.maxItems !== null ? { maxItems: inputs.maxItems } : {}) };
  const dodMd = dod ? formatDodMarkdown(dod, links) : '';
  const scanMd = formatMarkdown(result, { ...ctx, budget: DEFAULT_MARKDOWN_BUDGET - dodMd.length - COMMENT_MARKER.length - 2 });
  const markdown = `${COMMENT_MARKER}\n${dodMd}${dodMd ? '\n' : ''}${scanMd}`;

  // Report files.
  const outDir = path.resolve(io.cwd, inputs.outputDir);
  await fs.mkdir(outDir, { recursive: true });
  const files: Record<string, string> = {};
  for (const name of inputs.formats) {
    const file = path.join(outDir, `debt-ledger.${EXTENSION[name]}`);
    let text: string;
    if (name === 'markdown') text = markdown;
    else {
      const formatter = formatterNamed(name)!;
      const fctx: FormatContext = { ...ctx };
      if (formatter.needs?.sourceText || formatter.needs?.suggestions) {
        const reader = sourceReader(root, config.maxFileSize);
        fctx.lineText = reader.line;
        if (formatter.needs.suggestions) fctx.suggestions = suggestionsFor(result.items, reader, config.resilience.timeoutMs);
      }
      text = formatter.format(result, fctx);
    }
    await fs.writeFile(file, text);
    files[name] = file;
  }

  // Annotations: what the branch adds (or everything), most important first, within GitHub's caps.
  if (inputs.annotate !== 'none') {
    const annotated = inputs.annotate === 'new' ? { ...result, items: newItems } : result;
    io.stdout(formatGithub(annotated, { newIds, ...(inputs.maxAnnotations !== null ? { maxItems: inputs.maxAnnotations } : {}) }));
  }
  await appendFileIfSet(io.env.GITHUB_STEP_SUMMARY, fitSummary(`${markdown}\n`));

  const scope = inputs.failOnScope === 'new' ? newItems : result.items;
  const tripped = evaluateFailOn(failOn, scope);
  for (const t of tripped) io.stdout(`${workflowCommand('error', { title: 'Debt Ledger fail-on' }, `fail-on ${t.condition.source} tripped: ${t.count} ${inputs.failOnScope === 'new' ? 'new ' : ''}item${t.count === 1 ? '' : 's'}`)}\n`);
  if (dod && !dod.done) io.stdout(`${workflowCommand('error', { title: 'Definition of Done' }, `not done: ${dod.items.filter((i) => i.state === 'fail' || i.state === 'pending' || i.state === 'stale').map((i) => `${i.title} (${i.state})`).join('; ')}`)}\n`);

  await appendFileIfSet(io.env.GITHUB_OUTPUT, outputBlock({
    done: dod ? dod.done : 'n/a',
    items: result.items.length,
    'new-items': newItems.length,
    overdue: result.items.filter((i) => i.overdue).length,
    'resilience-gaps': result.items.filter((i) => i.kind === 'resilience').length,
    'merge-base': facts.mergeBase,
    'fail-on-tripped': tripped.map((t) => t.condition.source).join(','),
    'comment-marker': COMMENT_MARKER,
    ...Object.fromEntries(Object.entries(files).map(([name, file]) => [name, file])),
  }));
  return tripped.length > 0 || (dod !== null && !dod.done) ? EXIT.failed : EXIT.ok;
}
