// One measured scale-bench run in a fresh process (so peak RSS is its own). Prints one JSON line.
// Usage: node scripts/bench/scale-child.mjs <mode> <root> [arg]
//   scan        first scan of a folder as the extension does it (core scanWorkspace with a cache file = arg)
//   blame       blame `arg` sampled files with items: {walk|chain}:<count>
//   trend       trend with `arg` points over 6 years, no cache
//   owners      cached scan + enrich without git (team from the folder's CODEOWNERS, if any); arg = cache file
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../out/src/core');
const [mode, root, arg] = process.argv.slice(2);
const { defaultConfig } = require(`${out}/config/config.js`);
const { scanWorkspace } = require(`${out}/scan/scanner.js`);
const started = performance.now();
const res = {};
if (mode === 'scan') {
  const r = await scanWorkspace({ root, config: defaultConfig(), useGit: true, cacheFile: arg || null });
  Object.assign(res, { items: r.items.length, files: r.stats.filesScanned, parsed: r.stats.filesParsed });
} else if (mode === 'blame') {
  const { Blamer } = require(`${out}/git/blame.js`);
  const [how, count] = arg.split(':');
  const r = await scanWorkspace({ root, config: defaultConfig(), useGit: true });
  const wanted = new Map();
  for (const i of r.items) wanted.set(i.file, [...(wanted.get(i.file) ?? []), i.line]);
  const all = [...wanted];
  const n = Math.min(Number(count) || all.length, all.length);
  // An even spread over the files with items, the same files every run.
  const sample = new Map(Array.from({ length: n }, (_, k) => all[Math.floor((k * all.length) / n)]));
  const t = performance.now();
  const blamer = new Blamer(root, null, how === 'chain');
  await blamer.blame(sample);
  Object.assign(res, { blameMs: performance.now() - t, historyMs: blamer.historyMs, blamed: blamer.blamed, withItems: all.length });
} else if (mode === 'trend') {
  const { trend } = require(`${out}/intel/trend.js`);
  const points = await trend(root, defaultConfig(), { sinceMs: 6 * 365 * 86_400_000, points: Number(arg), cacheFile: null });
  Object.assign(res, { points: points.length, last: points.at(-1) });
} else if (mode === 'owners') {
  const { enrichLedger } = require(`${out}/intel/enrich.js`);
  const config = defaultConfig();
  const r = await scanWorkspace({ root, config, useGit: true, cacheFile: arg || null });
  await enrichLedger(r.items, { root, config, today: '2026-01-01', useGit: false, blameCacheFile: null });
  Object.assign(res, { items: r.items.length, teams: new Set(r.items.map((i) => i.team)).size });
} else throw new Error(`unknown mode ${mode}`);
res.ms = performance.now() - started;
res.maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(res));
