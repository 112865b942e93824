import * as path from 'node:path';
import { loadConfig } from '../core/config/loadConfig';
import { formatConfigErrors } from '../core/config/resolveConfig';
import { BASELINE_FILE, BaselineError, updateBaseline } from '../core/intel/baseline';
import { scanWorkspace } from '../core/scan/scanner';
import { EXIT, UsageError, type CliIo } from './io';

/** `debt-ledger baseline update`: writes the baseline; refuses growth without --allow-growth and a reason. */
export async function runBaselineUpdate(args: { dir?: string; config?: string; file?: string; allowGrowth: boolean; reason: string | null; git: boolean }, io: CliIo): Promise<number> {
  const root = path.resolve(io.cwd, args.dir ?? '.');
  const loaded = await loadConfig(root, args.config && path.resolve(io.cwd, args.config));
  if (loaded.errors.length > 0) throw new UsageError(`invalid configuration:\n${formatConfigErrors(loaded.errors, '.debtledger.json')}`);
  if (args.allowGrowth && !args.reason) throw new UsageError('--allow-growth needs --reason "why the baseline may grow"');
  const result = await scanWorkspace({ root, config: loaded.config, useGit: args.git });
  const file = path.resolve(root, args.file || BASELINE_FILE);
  try {
    const { added, pruned } = await updateBaseline(file, result.items, { allowGrowth: args.allowGrowth, reason: args.reason });
    for (const id of pruned) io.stdout(`pruned ${id} (no longer in the code)\n`);
    io.stdout(`baseline ${path.relative(io.cwd, file) || file}: ${result.items.length} items (${added} added, ${pruned.length} pruned)\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof BaselineError) {
      io.stderr(`debt-ledger: ${err.message}\n`);
      return EXIT.failed;
    }
    throw err;
  }
}
