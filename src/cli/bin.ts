import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { cacheDir } from './cachePaths';
import { requireWithCodeCache, saveCodeCaches } from '../core/fs/codeCache';
import { runWarmCli, type MainModule } from './warm/warmCli';
import { formatWarmTrace, markPhase, startWarmTrace } from './warm/warmTrace';

if (process.env.DEBT_LEDGER_TRACE_WARM) startWarmTrace();

// The process edge (dist/cli.js): small on purpose. A re-run whose inputs are unchanged is answered from
// the stored output (cli/warm); anything else loads the CLI bundle (dist/cliMain.js), and the compiler
// when a file needs parsing, both through a V8 code cache. Everything else is testable through runCli.
const bundled = path.join(__dirname, 'cliMain.js');
const isBundle = existsSync(bundled);
const codeDir = process.env.DEBT_LEDGER_NO_CODE_CACHE ? null : cacheDir(process.env);

function loadMain(): MainModule {
  if (!isBundle) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled (unbundled) runs: the module itself
    return require('./mainEntry') as MainModule;
  }
  const main = requireWithCodeCache(bundled, codeDir) as MainModule & { setParserLoader(load: () => unknown): void };
  main.setParserLoader(() => requireWithCodeCache(path.join(__dirname, 'parser.js'), codeDir));
  return main;
}

void runWarmCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  columns: process.stdout.columns ?? 120,
}, { loadMain, ...(process.env.DEBT_LEDGER_TRACE_WARM ? { onOutcome: (o: string) => process.stderr.write(`debt-ledger: warm path: ${o}\n`) } : {}), bundles: isBundle ? [__filename, bundled, path.join(__dirname, 'parser.js')] : [__filename] }).then((code) => {
  process.exitCode = code;
  saveCodeCaches();
  markPhase('code caches');
  if (process.env.DEBT_LEDGER_TRACE_WARM) process.stderr.write(formatWarmTrace());
});
