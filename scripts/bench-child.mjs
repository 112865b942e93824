// One measured run in a fresh process, so peak RSS belongs to that run alone.
// Usage: node scripts/bench-child.mjs <ledger|ledger-cached|parse> <root> <fileList> [cacheFile]
// Prints one JSON line: { ms, maxRssMb, items?, files? }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const [mode, root, fileList, cacheFile] = process.argv.slice(2);
const started = performance.now();
const out = {};

if (mode === 'parse') {
  // The baseline: a plain parse of every file with the compiler ts-morph ships, tree dropped each time.
  const { ts } = require('ts-morph');
  const files = readFileSync(fileList, 'utf8').split('\n').filter(Boolean);
  for (const rel of files) {
    const text = readFileSync(path.join(root, rel), 'utf8');
    ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, false);
  }
  out.files = files.length;
} else if (mode === 'blame') {
  // Full scan plus age, ownership and interest: git blame of every file with items (cacheFile holds blame).
  const { scanWorkspace } = require('../out/src/core/scan/scanner.js');
  const { enrichLedger } = require('../out/src/core/intel/enrich.js');
  const { defaultConfig } = require('../out/src/core/config/config.js');
  const config = defaultConfig();
  const result = await scanWorkspace({ root, config, useGit: true });
  const stats = await enrichLedger(result.items, { root, config, today: new Date().toISOString().slice(0, 10), useGit: true, blameCacheFile: cacheFile });
  Object.assign(out, { items: result.items.length, files: new Set(result.items.map((i) => i.file)).size, blamed: stats.blamed, fromCache: stats.fromCache });
} else if (mode === 'trend') {
  const { trend } = require('../out/src/core/intel/trend.js');
  const { defaultConfig } = require('../out/src/core/config/config.js');
  const points = await trend(root, defaultConfig(), { sinceMs: 365 * 86_400_000, points: 12, cacheFile: cacheFile || null });
  Object.assign(out, { points: points.length, last: points.at(-1) });
} else {
  const { scanWorkspace } = require('../out/src/core/scan/scanner.js');
  const { loadConfig } = require('../out/src/core/config/loadConfig.js');
  const { config } = await loadConfig(root, path.join(path.dirname(fileList), 'bench.debtledger.json'));
  const result = await scanWorkspace({ root, config, useGit: true, cacheFile: mode === 'ledger-cached' ? cacheFile : null });
  Object.assign(out, { items: result.items.length, files: result.stats.filesScanned, parsed: result.stats.filesParsed, prefiltered: result.stats.filesPrefiltered, fromCache: result.stats.filesFromCache });
}
out.ms = performance.now() - started;
out.maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(out));
