import * as path from 'node:path';
import { evaluateFailOn, parseFailOn, type FailCondition } from '../core/ledger/failOn';
import { scanWorkspace } from '../core/scan/scanner';
import { branchLedger } from '../core/dod/branchLedger';
import { branchFacts, GitFactsError } from '../core/git/branchFacts';
import { BASELINE_FILE, compareWithBaseline, readBaseline } from '../core/intel/baseline';
import { enrichLedgerCached, startHeadProbe } from '../core/intel/enrichSnapshot';
import { writeCommitGraph } from '../core/git/commitGraph';
import { localToday } from '../core/ledger/ids';
import { unknownSelectors } from '../core/ledger/failOnCheck';
import { headBlobPrefix } from '../core/git/remoteLinks';
import { didYouMean } from '../core/text/didYouMean';
import { formatterNamed, FORMATS } from './formatters';
import type { FormatContext } from './formatters/formatter';
import { sourceReader, suggestionsFor } from './sourceFacts';
import { gitProblem, loadCliConfig, writeOutput } from './cliConfig';
import { parseShard, type Shard } from '../core/scan/shard';
import { EXIT, UsageError, type CliIo } from './io';
import { resolveForCli } from './ticketsSupport';
import { parseSelection, selectItems, selectPackage } from './scopeOptions';
import { workspaceLayout } from '../core/scope/placement';
import { defaultCacheFile } from './cachePaths';

export interface ScanArgs {
  /** `--scope source,test` or `all`. */
  scope?: string | undefined;
  /** `--package <name>`. */
  package?: string | undefined;
  sort?: string | undefined;
  writeCommitGraph?: boolean;
  blame?: boolean;
  newSince?: string | undefined;
  baseline?: string | undefined;
  dir: string | undefined;
  format: string | undefined;
  config: string | undefined;
  failOn: string | undefined;
  output: string | undefined;
  cache: boolean;
  git: boolean;
  /** Markdown rows / annotations per level at most. */
  maxItems?: string | undefined;
  /** Ask the trackers for ticket state (`--tickets`; implied by `--fail-on closed-ticket`). */
  tickets?: boolean;
  /** `i/n`: only that slice of the files (see core/scan/shard.ts). */
  shard?: string | undefined;
}

const SORTS = ['file', 'interest', 'age'];

export { defaultCacheFile } from './cachePaths';

/** `debt-ledger scan`: prints the ledger; exit 1 when `--fail-on` trips. */
export async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  const format = args.format ?? 'table';
  const formatter = formatterNamed(format);
  if (!formatter) throw new UsageError(`unknown --format "${format}"${didYouMean(format, FORMATS)} (expected ${FORMATS.join(', ')})`);
  const maxItems = args.maxItems === undefined ? undefined : Number(args.maxItems);
  if (maxItems !== undefined && (!Number.isInteger(maxItems) || maxItems < 0)) throw new UsageError('--max-items takes a whole number (0 or more)');
  const failOn: FailCondition[] = [];
  if (args.failOn !== undefined) {
    try {
      failOn.push(...parseFailOn(args.failOn));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  const selection = parseSelection(args.scope, args.package);
  let shard: Shard | undefined;
  try {
    shard = args.shard !== undefined ? parseShard(args.shard) : undefined;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  const sort = args.sort ?? 'file';
  if (!SORTS.includes(sort)) throw new UsageError(`unknown --sort "${sort}"${didYouMean(sort, SORTS)} (expected ${SORTS.join(', ')})`);
  const unknown = unknownSelectors(failOn, config);
  if (unknown.length > 0) throw new UsageError(unknown.join('\n'));
  // The enrichment's key asks git for HEAD: started now, answered while the scan runs.
  const enrich = args.git && args.blame !== false;
  const headProbe = enrich && args.cache ? startHeadProbe(root) : undefined;
  const result = await scanWorkspace({
    root,
    config: config,
    useGit: args.git,
    cacheFile: args.cache ? defaultCacheFile(root, io.env) : null,
    ...(shard ? { shard } : {}),
    ...(io.warm?.onScanProof ? { onWarmProof: io.warm.onScanProof } : {}),
    ...(io.warm?.gitListing && args.git ? { gitListing: io.warm.gitListing } : {}),
    ...(io.warm?.prestat ? { prestat: io.warm.prestat } : {}),
  });
  if (args.writeCommitGraph && result.listedWith === 'git') await writeCommitGraph(root);
  if (enrich && result.listedWith === 'git') {
    const cacheFile = args.cache ? defaultCacheFile(root, io.env) : null;
    await enrichLedgerCached(result.items, { root, config: config, today: localToday(), useGit: true, blameCacheFile: cacheFile?.replace(/\.json$/, '.blame.json') ?? null,
      snapshotFile: cacheFile?.replace(/\.json$/, '.enriched.json') ?? null, fingerprint: result.fingerprint, changedFiles: result.changedFiles, headProbe });
  }
  let newIds: ReadonlySet<string> | undefined;
  if (args.newSince) {
    // The hints name dod's --base; here the ref came from --new-since.
    const facts = await branchFacts(root, { base: args.newSince, includeUncommitted: true }).catch((err: unknown) => gitProblem(err instanceof GitFactsError ? new GitFactsError(`--new-since: ${err.message}`, err.hint.replace(/--base\b/g, '--new-since')) : err));
    const added = new Set((await branchLedger(root, config, facts, { current: result.listedWith === 'git' ? result : undefined })).added.map((i) => i.id));
    result.items = result.items.filter((i) => added.has(i.id));
    newIds = added;
  }
  let baselineNote: { fresh: number; size: number; file: string } | null = null;
  if (args.baseline !== undefined) {
    const file = path.resolve(root, args.baseline || BASELINE_FILE);
    const baseline = await readBaseline(file, args.baseline ? undefined : root).catch((err: Error) => {
      throw new UsageError(err.message);
    });
    if (!baseline) throw new UsageError(`no baseline at ${path.relative(io.cwd, file) || file}: create it with debt-ledger baseline update`);
    const { fresh, gone } = compareWithBaseline(result.items, baseline);
    if (gone.length > 0) io.stderr(`debt-ledger: ${gone.length} baseline item(s) no longer exist; run debt-ledger baseline update to prune them\n`);
    baselineNote = { fresh: fresh.length, size: Object.keys(baseline.items).length, file: path.relative(io.cwd, file) || file };
    result.items = fresh;
  }
  if (args.tickets || failOn.some((c) => c.selector.toLowerCase() === 'closed-ticket')) await resolveForCli(result.items, root, config, io, { git: args.git, cache: args.cache });
  result.items = selectPackage(result.items, selection.pkg, workspaceLayout(root).packages);
  const { listed, ranked, counted } = selectItems(result.items, selection);
  // Ranking by interest lists what the ranking is about: source unless --scope says otherwise.
  const hidden = sort === 'interest' ? listed.length - ranked.length : 0;
  result.items = sort === 'interest' ? ranked : listed;
  if (sort === 'interest') result.items.sort((a, b) => b.interest - a.interest || a.file.localeCompare(b.file) || a.line - b.line);
  if (sort === 'age') result.items.sort((a, b) => (a.introduced?.date ?? '9999').localeCompare(b.introduced?.date ?? '9999') || a.file.localeCompare(b.file) || a.line - b.line);
  const color = io.isTTY && !io.env.NO_COLOR && !args.output;
  // Cut long texts to the terminal only; piped output stays whole for grep and friends.
  const ctx: FormatContext = {
    color,
    width: io.isTTY && !args.output ? io.columns : Number.POSITIVE_INFINITY,
    sort: sort as 'file' | 'interest' | 'age',
    ...(newIds ? { newIds } : {}),
    ...(maxItems !== undefined ? { maxItems } : {}),
    ranked,
    counted: sort === 'interest' ? ranked : counted,
    hidden,
    ...(baselineNote && baselineNote.fresh === 0 ? { emptyMessage: `The baseline holds: no items outside ${baselineNote.file} (${baselineNote.size} in it).` } : {}),
  };
  if (formatter.name === 'markdown' && args.git && result.listedWith === 'git') ctx.links = await headBlobPrefix(root).then((blob) => (blob ? { blob } : null));
  if (formatter.needs?.sourceText || formatter.needs?.suggestions) {
    const reader = sourceReader(root, config.maxFileSize);
    ctx.lineText = reader.line;
    if (formatter.needs.suggestions) ctx.suggestions = suggestionsFor(result.items, reader, config.resilience.timeoutMs);
  }
  const text = formatter.format(result, ctx);
  if (args.output) await writeOutput(io, args.output, text);
  else io.stdout(text);
  if (baselineNote && failOn.length === 0) {
    // The baseline is the gate: say it in its own words, not as a --fail-on count.
    if (baselineNote.fresh > 0) io.stderr(`debt-ledger: ${baselineNote.fresh} item${baselineNote.fresh === 1 ? '' : 's'} not in the baseline (${baselineNote.file} holds ${baselineNote.size}); pay ${baselineNote.fresh === 1 ? 'it' : 'them'} down, or accept with debt-ledger baseline update --allow-growth --reason "why"\n`);
    else io.stderr(`debt-ledger: the baseline holds: no items outside ${baselineNote.file} (${baselineNote.size} in it)\n`);
    return baselineNote.fresh > 0 ? EXIT.failed : EXIT.ok;
  }
  if (baselineNote) io.stderr(`debt-ledger: ${baselineNote.fresh} item${baselineNote.fresh === 1 ? '' : 's'} not in the baseline (${baselineNote.file} holds ${baselineNote.size})\n`);
  const tripped = evaluateFailOn(failOn, sort === 'interest' ? ranked : counted, { closedGraceDays: config.tickets.closedGraceDays });
  for (const t of tripped) io.stderr(`debt-ledger: --fail-on ${t.condition.source} tripped (${t.count} item${t.count === 1 ? '' : 's'})\n`);
  return tripped.length > 0 ? EXIT.failed : EXIT.ok;
}
