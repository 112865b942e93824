import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { evaluateFailOn, parseFailOn, type FailCondition } from '../core/ledger/failOn';
import { scanWorkspace } from '../core/scan/scanner';
import { branchLedger } from '../core/dod/branchLedger';
import { branchFacts } from '../core/git/branchFacts';
import { BASELINE_FILE, compareWithBaseline, readBaseline } from '../core/intel/baseline';
import { enrichLedgerCached } from '../core/intel/enrichSnapshot';
import { writeCommitGraph } from '../core/git/commitGraph';
import { localToday } from '../core/ledger/ids';
import { parseShard, type Shard } from '../core/scan/shard';
import { formatResult, isFormat, FORMATS, type Format } from './formatters';
import { gitProblem, loadCliConfig } from './cliConfig';
import { EXIT, UsageError, type CliIo } from './io';

export interface ScanArgs {
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
  /** `i/n`: only that slice of the files (see core/scan/shard.ts). */
  shard?: string | undefined;
}

/** Where the CLI keeps its content cache for a root: the user's cache folder, one file per root. */
export function defaultCacheFile(root: string, env: CliIo['env']): string {
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'debt-ledger', `${createHash('sha1').update(root).digest('hex').slice(0, 16)}.json`);
}

/** `debt-ledger scan`: prints the ledger; exit 1 when `--fail-on` trips. */
export async function runScan(args: ScanArgs, io: CliIo): Promise<number> {
  const format: Format = (args.format ?? 'table') as Format;
  if (!isFormat(format)) throw new UsageError(`unknown --format "${args.format}" (expected ${FORMATS.join(', ')})`);
  const failOn: FailCondition[] = [];
  if (args.failOn !== undefined) {
    try {
      failOn.push(...parseFailOn(args.failOn));
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
  }
  let shard: Shard | undefined;
  try {
    shard = args.shard !== undefined ? parseShard(args.shard) : undefined;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  const sort = args.sort ?? 'file';
  if (!['file', 'interest', 'age'].includes(sort)) throw new UsageError(`unknown --sort "${sort}" (expected file, interest, age)`);
  const result = await scanWorkspace({
    root,
    config: config,
    useGit: args.git,
    cacheFile: args.cache ? defaultCacheFile(root, io.env) : null,
    ...(shard ? { shard } : {}),
  });
  if (args.writeCommitGraph && result.listedWith === 'git') await writeCommitGraph(root);
  if (args.git && args.blame !== false && result.listedWith === 'git') {
    const cacheFile = args.cache ? defaultCacheFile(root, io.env) : null;
    await enrichLedgerCached(result.items, { root, config: config, today: localToday(), useGit: true, blameCacheFile: cacheFile?.replace(/\.json$/, '.blame.json') ?? null,
      snapshotFile: cacheFile?.replace(/\.json$/, '.enriched.json') ?? null, fingerprint: result.fingerprint });
  }
  if (args.newSince) {
    const facts = await branchFacts(root, { base: args.newSince, includeUncommitted: true }).catch(gitProblem);
    const added = new Set((await branchLedger(root, config, facts, { current: result.listedWith === 'git' ? result : undefined })).added.map((i) => i.id));
    result.items = result.items.filter((i) => added.has(i.id));
  }
  if (args.baseline !== undefined) {
    const file = path.resolve(root, args.baseline || BASELINE_FILE);
    const baseline = await readBaseline(file).catch((err: Error) => {
      throw new UsageError(err.message);
    });
    if (!baseline) throw new UsageError(`no baseline at ${path.relative(io.cwd, file) || file}: create it with debt-ledger baseline update`);
    const { fresh, gone } = compareWithBaseline(result.items, baseline);
    if (gone.length > 0) io.stderr(`debt-ledger: ${gone.length} baseline item(s) no longer exist; run debt-ledger baseline update to prune them\n`);
    io.stderr(`debt-ledger: ${fresh.length} item(s) not in the baseline (${Object.keys(baseline.items).length} in it)\n`);
    result.items = fresh;
  }
  if (sort === 'interest') result.items.sort((a, b) => b.interest - a.interest || a.file.localeCompare(b.file) || a.line - b.line);
  if (sort === 'age') result.items.sort((a, b) => (a.introduced?.date ?? '9999').localeCompare(b.introduced?.date ?? '9999') || a.file.localeCompare(b.file) || a.line - b.line);
  const color = io.isTTY && !io.env.NO_COLOR && !args.output;
  // Cut long texts to the terminal only; piped output stays whole for grep and friends.
  const text = formatResult(result, format, { color, width: io.isTTY && !args.output ? io.columns : Number.POSITIVE_INFINITY, sort: sort as 'file' | 'interest' | 'age' });
  if (args.output) await fs.writeFile(path.resolve(io.cwd, args.output), text);
  else io.stdout(text);
  const tripped = evaluateFailOn(args.baseline !== undefined && failOn.length === 0 ? parseFailOn('count') : failOn, result.items);
  for (const t of tripped) io.stderr(`debt-ledger: --fail-on ${t.condition.source} tripped (${t.count} item${t.count === 1 ? '' : 's'})\n`);
  return tripped.length > 0 ? EXIT.failed : EXIT.ok;
}
