// `npm run bench [-- <folder>] [--runs N]`: how fast the ledger scan is, side by side with
//   - ripgrep with a TODO regex over the same files (Todo Tree's method: fast, but blind to syntax), and
//   - a plain ts.createSourceFile parse of every file (the floor for any AST-based scan).
// Default corpus: pinned npm packages that ship TypeScript/JavaScript sources, installed (no scripts)
// into .bench/corpus (gitignored). Any folder can be given instead. Runs are paired and interleaved;
// medians are printed. Each measurement runs in its own process so peak RSS is its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(repo, '.bench');
const CORPUS = ['rxjs@7.8.2', 'effect@3.12.0', 'zod@3.24.1', 'lodash@4.17.21', 'date-fns@4.1.0', 'axios@1.7.9'];

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 5;
const folderArg = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');

function sh(cmd, argv, opts = {}) {
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], ...opts });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// 1. Corpus
let root;
if (folderArg) {
  root = path.resolve(folderArg);
} else {
  root = path.join(benchDir, 'corpus');
  const marker = path.join(root, `.installed-${CORPUS.join(',').replace(/[@/]/g, '_')}`);
  if (!existsSync(marker)) {
    console.log(`installing the corpus (${CORPUS.join(', ')}) into .bench/corpus ...`);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    writeFileSync(path.join(root, 'package.json'), '{ "private": true }\n');
    sh('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', ...CORPUS], { cwd: root });
    writeFileSync(marker, '');
  }
}
mkdirSync(benchDir, { recursive: true });
// The corpus is a node_modules tree: scan it whole (dist folders included), but not nested node_modules.
const configFile = path.join(benchDir, 'bench.debtledger.json');
writeFileSync(configFile, JSON.stringify(folderArg ? {} : { defaultExcludes: false, exclude: ['node_modules/.package-lock.json', 'node_modules/*/node_modules', '.git'] }));

// 2. Build what the measurements load: compiled modules for in-process runs, bundles for the CLI row
sh(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', repo]);
sh(process.execPath, [path.join(repo, 'scripts/build.mjs'), '--production']);

// 3. The file list every method gets
const { discoverFiles } = require(path.join(repo, 'out/src/core/scan/discovery.js'));
const { loadConfig } = require(path.join(repo, 'out/src/core/config/loadConfig.js'));
const { effectiveExcludes } = require(path.join(repo, 'out/src/core/config/config.js'));
const { config } = await loadConfig(root, configFile);
const maxSize = config.maxFileSize;
const found = (await discoverFiles({ root, extensions: config.extensions, excludes: effectiveExcludes(config), useGit: true })).files
  .filter((f) => statSync(path.join(root, f)).size <= maxSize);
const bytes = found.reduce((n, f) => n + statSync(path.join(root, f)).size, 0);
const fileList = path.join(benchDir, 'files.txt');
writeFileSync(fileList, found.join('\n'));

// 4. ripgrep
let rg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
if (!rg && process.getuid?.() === 0) {
  spawnSync('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ripgrep >/dev/null'], { stdio: 'inherit' });
  rg = spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
}
function runRipgrep() {
  const started = performance.now();
  let hits = 0;
  // Same files, passed in chunks that fit a command line.
  for (let i = 0; i < found.length; i += 2000) {
    const r = spawnSync('rg', ['--no-config', '-c', '-i', '-w', 'TODO|FIXME|HACK|XXX|BUG|DEBT', '--', ...found.slice(i, i + 2000)], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    for (const line of r.stdout.split('\n')) hits += Number(line.slice(line.lastIndexOf(':') + 1)) || 0;
  }
  return { ms: performance.now() - started, items: hits };
}
function child(mode, cache) {
  const r = spawnSync(process.execPath, [path.join(repo, 'scripts/bench-child.mjs'), mode, root, fileList, cache ?? ''], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

/** The bundled CLI as a user runs it (node start-up, bundle load, cache in XDG_CACHE_HOME). */
function cliRun() {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(repo, 'dist/cli.js'), 'scan', root, '--config', configFile, '--format', 'json', '--output', path.join(benchDir, 'cli-out.json')],
    { encoding: 'utf8', env: { ...process.env, XDG_CACHE_HOME: path.join(benchDir, 'xdg') } });
  if (r.status !== 0) throw new Error(`cli failed:\n${r.stderr}`);
  return { ms: performance.now() - started };
}

console.log(`corpus: ${root}`);
console.log(`files: ${found.length}, bytes: ${(bytes / 1024 / 1024).toFixed(1)} MiB, runs: ${runs} (medians)\n`);
const cacheFile = path.join(benchDir, 'cache.json');
const samples = { rg: [], parse: [], ledger: [], cached: [], cli: [] };
let last = {};
for (let i = 0; i < runs; i++) {
  if (rg) samples.rg.push(runRipgrep());
  samples.parse.push(child('parse'));
  samples.ledger.push((last = child('ledger')));
  rmSync(cacheFile, { force: true });
  child('ledger-cached', cacheFile); // fill
  samples.cached.push(child('ledger-cached', cacheFile));
  cliRun(); // fill the CLI's own cache
  samples.cli.push(cliRun());
}
const m = (k, f = 'ms') => median(samples[k].map((s) => s[f]));
const rows = [
  ['ripgrep TODO regex (no syntax awareness)', rg ? m('rg') : NaN, NaN, rg ? `${median(samples.rg.map((s) => s.items))} regex hits` : 'rg not installed'],
  ['ts.createSourceFile of every file', m('parse'), m('parse', 'maxRssMb'), `${found.length} files parsed`],
  ['debt-ledger full scan (no cache)', m('ledger'), m('ledger', 'maxRssMb'), `${last.items} items; ${last.parsed} parsed, ${last.prefiltered} prefiltered`],
  ['debt-ledger re-run, nothing changed (cache)', m('cached'), m('cached', 'maxRssMb'), `${samples.cached.at(-1).fromCache} files from cache, in-process`],
  ['  same, as a CLI process (node start-up incl.)', m('cli'), NaN, 'node dist/cli.js scan, bundled'],
];
const pad = (s, n) => String(s).padEnd(n);
console.log(`${pad('method', 46)}${pad('wall ms', 10)}${pad('files/s', 10)}${pad('peak RSS', 11)}notes`);
for (const [name, ms, rss, note] of rows) {
  const fps = Number.isNaN(ms) ? '-' : Math.round(found.length / (ms / 1000));
  console.log(`${pad(name, 46)}${pad(Number.isNaN(ms) ? '-' : ms.toFixed(0), 10)}${pad(fps, 10)}${pad(Number.isNaN(rss) ? '-' : `${rss.toFixed(0)} MB`, 11)}${note}`);
}
console.log('\nratios (median wall time):');
console.log(`  full scan / plain parse:   ${(m('ledger') / m('parse')).toFixed(2)}x   (target <= 1.5x)`);
if (rg) console.log(`  full scan / ripgrep:       ${(m('ledger') / m('rg')).toFixed(1)}x`);
console.log(`  cached re-run:             ${(m('cached') / 1000).toFixed(2)} s in-process, ${(m('cli') / 1000).toFixed(2)} s as a CLI process   (target < 0.3 s)`);
console.log(`  peak RSS full scan:        ${m('ledger', 'maxRssMb').toFixed(0)} MB   (target < 300 MB)`);
(await import('./bench/languages.mjs')).benchLanguages({ root, files: found, benchDir, configFile, runs: Math.max(3, runs) });
(await import('./bench/compilerWorker.mjs')).benchCompilerWorker({ root, files: found, benchDir, configFile, runs: Math.max(3, runs) });

// Age and trend need history: this project's own repository (or --history <git folder>).
const historyAt = args.indexOf('--history');
const history = historyAt >= 0 ? path.resolve(args[historyAt + 1]) : repo;
const commits = sh('git', ['rev-list', '--count', 'HEAD'], { cwd: history }).trim();
const blameCache = path.join(benchDir, 'blame.json');
const trendCache = path.join(benchDir, 'trend.json');
const hist = { cold: [], warm: [], trendCold: [], trendWarm: [] };
let blameInfo = {};
for (let i = 0; i < runs; i++) {
  rmSync(blameCache, { force: true });
  hist.cold.push((blameInfo = child2('blame', history, blameCache)));
  hist.warm.push(child2('blame', history, blameCache));
  rmSync(trendCache, { force: true });
  hist.trendCold.push(child2('trend', history, trendCache));
  hist.trendWarm.push(child2('trend', history, trendCache));
}
function child2(mode, root2, cache) {
  const r = spawnSync(process.execPath, [path.join(repo, 'scripts/bench-child.mjs'), mode, root2, fileList, cache], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const mh = (k, f = 'ms') => median(hist[k].map((s) => s[f]));
console.log(`\nwith history: ${history} (${commits} commits), ${blameInfo.items} items in ${blameInfo.files} files`);
console.log(`${pad('scan + blame/ownership/interest, blame cold', 46)}${pad(mh('cold').toFixed(0), 10)}${pad('', 10)}${pad(`${mh('cold', 'maxRssMb').toFixed(0)} MB`, 11)}${blameInfo.blamed} files blamed`);
console.log(`${pad('  same, warm (blame cached by blob id)', 46)}${pad(mh('warm').toFixed(0), 10)}${pad('', 10)}${pad(`${mh('warm', 'maxRssMb').toFixed(0)} MB`, 11)}${hist.warm.at(-1).fromCache} files from the blame cache`);
console.log(`${pad('trend, 12 points over a year, cold', 46)}${pad(mh('trendCold').toFixed(0), 10)}${pad('', 10)}${pad(`${mh('trendCold', 'maxRssMb').toFixed(0)} MB`, 11)}${hist.trendCold.at(-1).points} points`);
console.log(`${pad('  same, warm (cached per commit)', 46)}${pad(mh('trendWarm').toFixed(0), 10)}${pad('', 10)}${pad(`${mh('trendWarm', 'maxRssMb').toFixed(0)} MB`, 11)}`);

await (await import('./bench/scale.mjs')).runScaleBench({ repo, benchDir, runs, corpus: folderArg ? null : root, corpusConfig: folderArg ? null : configFile });
