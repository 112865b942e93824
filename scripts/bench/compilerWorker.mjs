// Bench rows for the opt-in compiler worker (src/core/scan/compilerWorker.ts, DEBT_LEDGER_COMPILER_WORKER=1):
// the full scan with its parses in-process and on a worker thread, in-process and as the cold CLI, beside
// leasot on the same files, medians of `runs`, interleaved. Wall, CPU (user + system of every thread) and,
// in-process, the main thread's own CPU (the part the worker cannot overlap). Called from scripts/bench.mjs.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** CPU (ms) of this process's waited-for children so far (Linux /proc), as in languages.mjs. */
function childrenCpuMs() {
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(f[13]) + Number(f[14])) * 10;
  } catch {
    return NaN;
  }
}

/** One in-process run (languagesChild.mjs) with the main thread's CPU read from /proc before it exits. */
const PROBE = `
const { readFileSync } = require('node:fs');
process.on('exit', () => {
  try {
    const f = readFileSync('/proc/self/task/' + process.pid + '/stat', 'utf8').replace(/^.*\\) /, '').split(' ');
    process.stderr.write('main-thread-cpu ' + (Number(f[11]) + Number(f[12])) * 10 + '\\n');
  } catch {}
});`;

function inProcess(mode, root, fileList, configFile, worker, probe) {
  const env = { ...process.env, DEBT_LEDGER_COMPILER_WORKER: worker ? '1' : '0' };
  const r = spawnSync(process.execPath, ['--require', probe, path.join(here, 'languagesChild.mjs'), mode, root, fileList, configFile], { encoding: 'utf8', env, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop());
  out.mainCpuMs = Number(/main-thread-cpu (\d+)/.exec(r.stderr)?.[1] ?? NaN);
  return out;
}

function cli(root, configFile, out, worker) {
  const cpu0 = childrenCpuMs();
  const started = performance.now();
  const env = { ...process.env, DEBT_LEDGER_COMPILER_WORKER: worker ? '1' : '0' };
  const r = spawnSync(process.execPath, [path.join(here, '../../dist/cli.js'), 'scan', root, '--config', configFile, '--no-cache', '--format', 'json', '--output', out], { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`cli failed:\n${r.stderr}`);
  return { ms: performance.now() - started, cpuMs: childrenCpuMs() - cpu0 };
}

/** @param {{ root: string, files: string[], benchDir: string, configFile: string, runs: number }} o */
export function benchCompilerWorker({ root, files, benchDir, configFile, runs }) {
  const fileList = path.join(benchDir, 'worker-files.txt');
  writeFileSync(fileList, files.join('\n'));
  const probe = path.join(benchDir, 'main-thread-cpu.cjs');
  writeFileSync(probe, PROBE);
  const out = path.join(benchDir, 'worker-cli.json');
  const s = { leasot: [], full: [], fullWorker: [], cli: [], cliWorker: [] };
  for (let i = 0; i < runs; i++) {
    s.leasot.push(inProcess('leasot', root, fileList, configFile, false, probe));
    s.full.push(inProcess('full', root, fileList, configFile, false, probe));
    s.fullWorker.push(inProcess('full', root, fileList, configFile, true, probe));
    s.cli.push(cli(root, configFile, out, false));
    s.cliWorker.push(cli(root, configFile, out, true));
  }
  const m = (k, f = 'ms') => median(s[k].map((x) => x[f]));
  const num = (v) => (Number.isNaN(v) ? '-' : v.toFixed(0));
  const pad = (v, n) => String(v).padEnd(n);
  console.log(`\nfull scan, compiler in-process vs on a worker thread (DEBT_LEDGER_COMPILER_WORKER=1), same ${files.length} files, medians of ${runs}:`);
  console.log(`${pad('method', 46)}${pad('wall ms', 10)}${pad('cpu ms', 10)}${pad('main cpu', 10)}${pad('peak RSS', 11)}notes`);
  const rows = [
    ['leasot (regex per language)', 'leasot', ''],
    ['full scan, compiler in-process', 'full', `${s.full.at(-1).items} items, ${s.full.at(-1).gaps} gaps`],
    ['full scan, compiler on a worker', 'fullWorker', `${s.fullWorker.at(-1).items} items, ${s.fullWorker.at(-1).gaps} gaps`],
    ['  as the CLI (cold), in-process', 'cli', ''],
    ['  as the CLI (cold), on a worker', 'cliWorker', 'the worker loads parser.js without the code cache'],
  ];
  for (const [name, k, note] of rows) console.log(`${pad(name, 46)}${pad(num(m(k)), 10)}${pad(num(m(k, 'cpuMs')), 10)}${pad(num(m(k, 'mainCpuMs') ?? NaN), 10)}${pad(s[k][0].maxRssMb ? `${m(k, 'maxRssMb').toFixed(0)} MB` : '-', 11)}${note}`);
  const ratio = (k) => `${(m(k) / m('leasot')).toFixed(2)}x wall, ${(m(k, 'cpuMs') / m('leasot', 'cpuMs')).toFixed(2)}x cpu`;
  console.log(`  full / leasot: in-process ${ratio('full')}; worker ${ratio('fullWorker')}   (target <= 2.0x)`);
  console.log(`  CLI full / leasot: in-process ${ratio('cli')}; worker ${ratio('cliWorker')}`);
}
