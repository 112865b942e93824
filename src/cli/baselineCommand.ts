import * as path from 'node:path';
import { BASELINE_FILE, BaselineError, updateBaseline } from '../core/intel/baseline';
import { scanWorkspace } from '../core/scan/scanner';
import { loadCliConfig } from './cliConfig';
import { EXIT, UsageError, type CliIo } from './io';

/** `debt-ledger baseline update`: writes the baseline; refuses growth without --allow-growth and a reason. */
export async function runBaselineUpdate(args: { dir?: string; config?: string; file?: string; allowGrowth: boolean; reason: string | null; git: boolean }, io: CliIo): Promise<number> {
  const { root, config } = await loadCliConfig(io, args.dir, args.config);
  if (args.allowGrowth && !args.reason) throw new UsageError('--allow-growth needs --reason "why the baseline may grow"');
  const result = await scanWorkspace({ root, config, useGit: args.git });
  const file = path.resolve(root, args.file || BASELINE_FILE);
  try {
    const { added, pruned } = await updateBaseline(file, result.items, { allowGrowth: args.allowGrowth, reason: args.reason, ...(args.file ? {} : { root }) });
    for (const id of pruned) io.stdout(`pruned ${id} (no longer in the code)\n`);
    io.stdout(`baseline ${path.relative(io.cwd, file) || file}: ${result.items.length} items (${added} added, ${pruned.length} pruned)\n`);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof BaselineError) {
      io.stderr(`debt-ledger: ${err.message}\n`);
      return err.kind === 'growth' ? EXIT.failed : EXIT.usage;
    }
    throw err;
  }
}
