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
