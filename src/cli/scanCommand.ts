import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatConfigErrors } from '../core/config/resolveConfig';
import { loadConfig } from '../core/config/loadConfig';
import { evaluateFailOn, parseFailOn, type FailCondition } from '../core/ledger/failOn';
import { scanWorkspace } from '../core/scan/scanner';
import { formatResult, isFormat, FORMATS, type Format } from './formatters';
import { EXIT, UsageError, type CliIo } from './io';

export interface ScanArgs {
  dir: string | undefined;
  format: string | undefined;
  config: string | undefined;
  failOn: string | undefined;
  output: string | undefined;
  cache: boolean;
  git: boolean;
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
  const root = path.resolve(io.cwd, args.dir ?? '.');
  const stat = await fs.stat(root).catch(() => null);
  if (!stat?.isDirectory()) throw new UsageError(`${args.dir ?? root} is not a folder`);
  const loaded = await loadConfig(root, args.config && path.resolve(io.cwd, args.config));
  if (loaded.errors.length > 0) {
    const source = loaded.file ? path.relative(io.cwd, loaded.file) || loaded.file : '.debtledger.json';
    throw new UsageError(`invalid configuration:\n${formatConfigErrors(loaded.errors, source)}`);
  }
  const result = await scanWorkspace({
    root,
    config: loaded.config,
    useGit: args.git,
    cacheFile: args.cache ? defaultCacheFile(root, io.env) : null,
  });
  const color = io.isTTY && !io.env.NO_COLOR && !args.output;
  // Cut long texts to the terminal only; piped output stays whole for grep and friends.
  const text = formatResult(result, format, { color, width: io.isTTY && !args.output ? io.columns : Number.POSITIVE_INFINITY });
  if (args.output) await fs.writeFile(path.resolve(io.cwd, args.output), text);
  else io.stdout(text);
  const tripped = evaluateFailOn(failOn, result.items);
  for (const t of tripped) io.stderr(`debt-ledger: --fail-on ${t.condition.source} tripped (${t.count} item${t.count === 1 ? '' : 's'})\n`);
  return tripped.length > 0 ? EXIT.failed : EXIT.ok;
}
