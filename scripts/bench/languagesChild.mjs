// One measured run in a fresh process (peak RSS its own). Usage:
//   node scripts/bench/languagesChild.mjs <leasot|markers|full|full-nocache|parse> <root> <fileList> <configFile>
// Prints one JSON line: { ms, maxRssMb, items, files }.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
const [mode, root, fileList, configFile] = process.argv.slice(2);
const started = performance.now();
const out = {};
const files = readFileSync(fileList, 'utf8').split('\n').filter(Boolean);

if (mode === 'leasot') {
  // leasot: a regex per language, the method of the regex-based TODO tools. Same files, same tags;
  // files whose extension it does not support are counted and skipped.
  const leasot = await import('leasot');
  let items = 0;
  let unsupported = 0;
  for (const rel of files) {
    const extension = path.extname(rel) || path.basename(rel);
    if (!leasot.isExtensionSupported(extension)) {
      unsupported++;
      continue;
    }
    const text = readFileSync(path.join(root, rel), 'utf8');
    items += (await leasot.parse(text, { extension, filename: rel, customTags: ['HACK', 'XXX', 'BUG', 'DEBT'] })).length;
  }
  Object.assign(out, { items, files: files.length - unsupported, unsupported });
} else if (mode === 'parse') {
  // A plain ts.createSourceFile of every file (the floor of an AST-per-file scan).
  const { ts } = require('ts-morph');
  for (const rel of files) ts.createSourceFile(rel, readFileSync(path.join(root, rel), 'utf8'), ts.ScriptTarget.Latest, false);
  out.files = files.length;
} else {
  // This project on exactly this file list: marker-only (resilience off) or the full scan.
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
  const { scanWorkspace, setParserLoader } = require(path.join(repo, 'out/src/core/scan/scanner.js'));
  // The compiler as the CLI and the editor's scan process load it: the bundle dist/parser.js through its V8
  // code cache (filled by an earlier run). `full-nocache` compiles the bundle as a first run does.
  const { requireWithCodeCache } = require(path.join(repo, 'out/src/core/fs/codeCache.js'));
  const codeDir = mode === 'full-nocache' ? null : path.join(path.dirname(fileList), 'code-cache');
  setParserLoader(() => requireWithCodeCache(path.join(repo, 'dist/parser.js'), codeDir));
  const { loadConfig } = require(path.join(repo, 'out/src/core/config/loadConfig.js'));
  const { config } = await loadConfig(root, configFile);
  config.resilience.enabled = mode !== 'markers';
  const listed = new Set(files);
  const result = await scanWorkspace({ root, config, useGit: true, cacheFile: null });
  const items = result.items.filter((i) => listed.has(i.file) || i.kind === 'resilience');
  Object.assign(out, { items: items.filter((i) => i.kind !== 'resilience').length, gaps: items.filter((i) => i.kind === 'resilience').length, files: result.stats.filesScanned, parsed: result.stats.filesParsed, deferred: result.stats.filesDeferred ?? 0 });
  const { saveCodeCaches } = require(path.join(repo, 'out/src/core/fs/codeCache.js'));
  saveCodeCaches();
}
out.ms = performance.now() - started;
// CPU time (user + system) too: on a shared machine wall time also measures the neighbours.
const cpu = process.cpuUsage();
out.cpuMs = (cpu.user + cpu.system) / 1000;
out.maxRssMb = process.resourceUsage().maxRSS / 1024;
console.log(JSON.stringify(out));
