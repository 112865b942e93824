// `npm start [-- <dir>] [-- scan options]`: builds, then prints the ledger of <dir> (default: the bundled
// sample workspace, examples/sample-service). For the sample it also shows the Definition of Done: a
// throwaway git repository is made from the sample (a nested .git cannot be committed), a feature branch
// with a realistic change is committed on it, and `debt-ledger dod` is printed for that branch.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as esbuild from 'esbuild';
import { makeSampleRepo } from './sample-repo.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', cwd: process.cwd() }).status ?? 1;

const built = run([path.join(repo, 'scripts/build.mjs')]);
if (built !== 0) process.exit(built);

const args = process.argv.slice(2);
// Parse with the CLI's own option table (src/cli/options.ts), so every valued option (--sort interest,
// --new-since HEAD~3...) is known: bundled in memory, nothing written.
const bundled = await esbuild.build({ entryPoints: [path.join(repo, 'src/cli/options.ts')], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'silent' });
const { CLI_OPTIONS } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);
const { positionals } = parseArgs({ args, options: CLI_OPTIONS, allowPositionals: true, strict: false });
const hasDir = positionals.some((p) => p !== 'scan');
const scanArgs = args[0] === 'scan' ? args.slice(1) : args;
const sample = path.join(repo, 'examples/sample-service');
const cli = path.join(repo, 'dist/cli.js');
process.exitCode = run([cli, 'scan', ...(hasDir ? [] : [sample]), ...scanArgs]);

if (!hasDir && args.length === 0) {
  const tmp = await makeSampleRepo();
  try {
    console.log(`\n--- Definition of Done of a feature branch (throwaway repository ${tmp}):\n`);
    const status = run([cli, 'dod', tmp]);
    console.log(`(debt-ledger dod exited ${status}: ${status === 0 ? 'done' : status === 1 ? 'not done yet' : 'error'})`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
