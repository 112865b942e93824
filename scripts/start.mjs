// `npm start [-- <dir>] [-- scan options]`: builds, then prints the ledger of <dir>
// (default: the bundled sample workspace, examples/sample-service).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = (args) => spawnSync(process.execPath, args, { stdio: 'inherit', cwd: process.cwd() }).status ?? 1;

const built = run([path.join(repo, 'scripts/build.mjs')]);
if (built !== 0) process.exit(built);

const args = process.argv.slice(2);
const valueFlags = new Set(['-f', '--format', '-c', '--config', '--fail-on', '-o', '--output']);
const hasDir = args.some((a, i) => !a.startsWith('-') && !valueFlags.has(args[i - 1]) && a !== 'scan');
const scanArgs = args[0] === 'scan' ? args.slice(1) : args;
const target = hasDir ? [] : [path.join(repo, 'examples/sample-service')];
process.exitCode = run([path.join(repo, 'dist/cli.js'), 'scan', ...target, ...scanArgs]);
