import { defaultBranch, GitFactsError } from '../core/git/branchFacts';
import { GitNotFoundError } from '../core/git/gitGuards';
import { parseSince, trend, type TrendPoint } from '../core/intel/trend';
import { csvCell } from './formatters/csvFormatter';
import { loadCliConfig } from './cliConfig';
import { EXIT, UsageError, type CliIo } from './io';
import { didYouMean } from '../core/text/didYouMean';
import { defaultCacheFile } from './scanCommand';

export function formatTrend(points: readonly TrendPoint[], format: string): string {
  if (format === 'json') return JSON.stringify({ version: 1, points }, null, 2) + '\n';
  if (format === 'csv') return ['commit,date,marker,suppression,resilience', ...points.map((p) => [p.commit, p.date, p.marker, p.suppression, p.resilience].map(csvCell).join(','))].join('\r\n') + '\r\n';
  const rows = points.map((p) => `${p.date.slice(0, 10)}  ${p.commit.slice(0, 7)}  ${String(p.marker).padStart(7)}  ${String(p.suppression).padStart(11)}  ${String(p.resilience).padStart(10)}`);
  return [`date        commit    markers  suppressions  resilience`, ...rows].join('\n') + '\n';
}

/** `debt-ledger trend`: debt per kind at evenly spaced commits of the current branch's history. */
export async function runTrend(args: { dir?: string; config?: string; since?: string; points?: string; format?: string; ref?: string }, io: CliIo): Promise<number> {
  const format = args.format ?? 'table';
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`unknown --format "${format}" for trend${didYouMean(format, ['table', 'json', 'csv'])} (expected table, json, csv)`);
  const points = Number(args.points ?? 12);
  if (!Number.isInteger(points) || points < 1 || points > 500) throw new UsageError('--points takes a whole number from 1 to 500');
  let sinceMs: number;
  try {
    sinceMs = parseSince(args.since ?? '6.months');
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  // The main branch's history by default (origin's default, main, master), else the current branch.
  const ref = args.ref ?? (await defaultBranch(root)) ?? 'HEAD';
  const result = await trend(root, config, { sinceMs, points, ref, cacheFile: defaultCacheFile(root, io.env).replace(/\.json$/, '.trend.json'), onNote: (t) => io.stderr(`debt-ledger: ${t}\n`) }).catch((err: Error) => {
    if (err instanceof GitFactsError || err instanceof GitNotFoundError) throw err;
    throw new UsageError(err.message.startsWith('--ref') ? err.message : `trend needs a git repository with history: ${err.message.split('\n')[0]}`);
  });
  io.stdout(formatTrend(result, format));
  return EXIT.ok;
}
