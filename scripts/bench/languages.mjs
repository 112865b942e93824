// Bench rows for every-language scanning (issue 12): leasot (regex per language), ripgrep, a plain
// ts.createSourceFile parse, and this project's marker-only and full scans, on the same file list,
// medians of `runs`, each run in its own process. Called from scripts/bench.mjs with one line.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function child(mode, root, fileList, configFile) {
  const r = spawnSync(process.execPath, [path.join(here, 'languagesChild.mjs'), mode, root, fileList, configFile], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${mode} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function ripgrep(root, files) {
  const started = performance.now();
  let hits = 0;
  for (let i = 0; i < files.length; i += 2000) {
    const r = spawnSync('rg', ['--no-config', '-c', '-i', '-w', 'TODO|FIXME|HACK|XXX|BUG|DEBT', '--', ...files.slice(i, i + 2000)], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.error) return null;
    for (const line of r.stdout.split('\n')) hits += Number(line.slice(line.lastIndexOf(':') + 1)) || 0;
  }
  return { ms: performance.now() - started, items: hits };
}

/** CPU time (user + system, ms) of this process's waited-for children so far: /proc/self/stat cutime + cstime (Linux). */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10; // clock ticks of 10 ms
  } catch {
    return NaN;
  }
}

/** The bundled CLI as users run it, cold (`--no-cache`): node start-up, bundle and compiler load included. */
function cliCold(root, configFile, out) {
  const cpu0 = childrenCpuMs();
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(here, '../../dist/cli.js'), 'scan', root, '--config', configFile, '--no-cache', '--format', 'json', '--output', out], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli failed:\n${r.stderr}`);
  return { ms: performance.now() - started, cpuMs: childrenCpuMs() - cpu0 };
}

/**
 * @param {{ root: string, files: string[], benchDir: string, configFile: string, runs: number }} o
 */
export function benchLanguages({ root, files, benchDir, configFile, runs }) {
  const fileList = path.join(benchDir, 'languages-files.txt');
  writeFileSync(fileList, files.join('\n'));
  const byExt = new Map();
  for (const f of files) {
    const ext = path.extname(f) || path.basename(f);
    byExt.set(ext, (byExt.get(ext) ?? 0) + 1);
  }
  const mix = [...byExt].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([e, n]) => `${e} ${n}`).join(', ');
  const samples = { leasot: [], rg: [], parse: [], markers: [], full: [], fullNoCache: [], cliMarkers: [], cliFull: [] };
  // The compiler's code cache for the in-process rows, filled once (the CLI fills its own the same way).
  child('full', root, fileList, configFile);
  // The marker-only CLI row reads the same configuration with resilience off.
  const markersConfig = path.join(benchDir, 'languages-markers.debtledger.json');
  writeFileSync(markersConfig, JSON.stringify({ ...JSON.parse(readFileSync(configFile, 'utf8')), resilience: { enabled: false } }));
  for (let i = 0; i < runs; i++) {
    // Interleaved, so drift on a shared machine hits every method alike.
    samples.leasot.push(child('leasot', root, fileList, configFile));
    const rg = ripgrep(root, files);
    if (rg) samples.rg.push(rg);
    samples.parse.push(child('parse', root, fileList, configFile));
    samples.markers.push(child('markers', root, fileList, configFile));
    samples.full.push(child('full', root, fileList, configFile));
    samples.fullNoCache.push(child('full-nocache', root, fileList, configFile));
    samples.cliMarkers.push(cliCold(root, markersConfig, path.join(benchDir, 'languages-cli.json')));
    samples.cliFull.push(cliCold(root, configFile, path.join(benchDir, 'languages-cli.json')));
  }
  const m = (k, f = 'ms') => (samples[k].length ? median(samples[k].map((s) => s[f])) : NaN);
  const last = (k) => samples[k].at(-1) ?? {};
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`\nevery language, same ${files.length} files (${mix}), medians of ${runs}:`);
  console.log(`${pad('method', 46)}${pad('wall ms', 10)}${pad('cpu ms', 10)}${pad('peak RSS', 11)}notes`);
  const rows = [
    ['leasot (regex per language)', m('leasot'), m('leasot', 'cpuMs'), m('leasot', 'maxRssMb'), `${last('leasot').items} items; ${last('leasot').unsupported} files of unsupported types skipped`],
    ['ripgrep TODO regex (no syntax)', m('rg'), NaN, NaN, samples.rg.length ? `${last('rg').items} regex hits` : 'rg not installed'],
    ['ts.createSourceFile of every file', m('parse'), m('parse', 'cpuMs'), m('parse', 'maxRssMb'), `${files.length} files`],
    ['debt-ledger marker-only (resilience off)', m('markers'), m('markers', 'cpuMs'), m('markers', 'maxRssMb'), `${last('markers').items} items; ${last('markers').parsed} files lexed or parsed`],
    ['debt-ledger full scan (markers + resilience)', m('full'), m('full', 'cpuMs'), m('full', 'maxRssMb'), `${last('full').items} items, ${last('full').gaps} resilience gaps; ${last('full').deferred} big files out of the reported scopes not analysed`],
    ['  the same, compiler without its code cache', m('fullNoCache'), m('fullNoCache', 'cpuMs'), m('fullNoCache', 'maxRssMb'), 'a first run: dist/parser.js compiled from source'],
    ['  marker-only, as the CLI (cold, --no-cache)', m('cliMarkers'), m('cliMarkers', 'cpuMs'), NaN, 'node dist/cli.js scan: discovery, bundle load, JSON output'],
    ['  full scan, as the CLI (cold, --no-cache)', m('cliFull'), m('cliFull', 'cpuMs'), NaN, 'the same, with dist/parser.js loaded'],
  ];
  const num = (v) => (Number.isNaN(v) ? '-' : v.toFixed(0));
  for (const [name, ms, cpu, rss, note] of rows) console.log(`${pad(name, 46)}${pad(num(ms), 10)}${pad(num(cpu), 10)}${pad(Number.isNaN(rss) ? '-' : `${rss.toFixed(0)} MB`, 11)}${note}`);
  console.log('ratios (median wall time):');
  console.log(`  marker-only / leasot:  ${(m('markers') / m('leasot')).toFixed(2)}x wall, ${(m('markers', 'cpuMs') / m('leasot', 'cpuMs')).toFixed(2)}x cpu   (target <= 1.0x)`);
  console.log(`  full scan / leasot:    ${(m('full') / m('leasot')).toFixed(2)}x wall, ${(m('full', 'cpuMs') / m('leasot', 'cpuMs')).toFixed(2)}x cpu   (target <= 2.0x)`);
  console.log(`  the same, as the CLI:  marker-only ${(m('cliMarkers') / m('leasot')).toFixed(2)}x wall, ${(m('cliMarkers', 'cpuMs') / m('leasot', 'cpuMs')).toFixed(2)}x cpu; full ${(m('cliFull') / m('leasot')).toFixed(2)}x wall, ${(m('cliFull', 'cpuMs') / m('leasot', 'cpuMs')).toFixed(2)}x cpu`);
  console.log(`  peak RSS full scan:    ${m('full', 'maxRssMb').toFixed(0)} MB   (target <= 250 MB)`);
  if (samples.rg.length) console.log(`  marker-only / ripgrep: ${(m('markers') / m('rg')).toFixed(1)}x`);
}
