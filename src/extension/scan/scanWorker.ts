// The scanner (dist/scanWorker.js), a process of its own (or a worker thread): runs full scans and single-file
// parses off the extension host's event loop and heap, so loading the compiler (~2 s on a busy 2-core
// machine) and parsing never block the editor.
// Imports core only: no vscode.
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { requireWithCodeCache, saveCodeCaches } from '../../core/fs/codeCache';
import { isCompilerLoaded, scanFileTextFull, scanOneFile, scanWorkspace, setParserLoader } from '../../core/scan/scanner';
import type * as ParserModule from '../../core/scan/parser';
import type { LedgerItem } from '../../core/model';
import type { FileScan, FromWorker, ToWorker } from './scanProtocol';
import { LinkState } from './linkState';
import { enrichLedger } from '../../core/intel/enrich';
import { ENRICHED_FIELDS, type EnrichedFields, type ScannerUsage } from './scanProtocol';

// In a worker thread: its port. In the scanner process (scanChannel.ts): the IPC channel to the host, and
// the process ends with the host (its channel closes).
const port: { postMessage(m: FromWorker): void; on(event: 'message', handler: (m: ToWorker) => void): void } | null = parentPort ??
  (process.send ? { postMessage: (m) => process.send!(m), on: (_event, handler) => void process.on('message', handler) } : null);
if (!parentPort && process.send) process.on('disconnect', () => process.exit(0));
// The compiler bundle (dist/parser.js) through a V8 code cache in the extension's global storage, as the
// CLI loads it: compiling its 3.6 MB again on every start of the scanner cost ~270 ms of CPU.
const codeCacheDir = process.env.DEBTLEDGER_CODE_CACHE;
const parserBundle = path.join(__dirname, 'parser.js');
if (codeCacheDir && existsSync(parserBundle) && path.basename(__filename) === 'scanWorker.js') setParserLoader(() => requireWithCodeCache(parserBundle, codeCacheDir) as typeof ParserModule);
/** Writes the code cache once the compiler has been used (it then holds the functions that ran). */
const saveCompilerCache = (): void => {
  if (codeCacheDir && isCompilerLoaded()) saveCodeCaches();
};
const running = new Map<number, AbortController>();
const links = new LinkState();
// A process of its own reports its CPU time with every message (one getrusage call), so the host can add the
// scanner's cost to its own; a worker thread's process.cpuUsage() would be the host's.
const usage = (): ScannerUsage | undefined => {
  if (parentPort || !process.send) return undefined;
  const cpu = process.cpuUsage();
  return { cpuMs: (cpu.user + cpu.system) / 1000, rssMb: Math.round(process.memoryUsage.rss() / 2 ** 20) };
};
const post = (m: FromWorker): void => {
  const u = usage();
  port?.postMessage(u ? { ...m, usage: u } : m);
};

port?.on('message', (m: ToWorker) => {
  if (m.op === 'cancel') {
    for (const c of running.values()) c.abort();
    return;
  }
  if (m.op === 'usage') {
    post({ id: m.id, type: 'usage' });
    return;
  }
  if (m.op === 'forget') {
    links.forget(m.root, m.file);
    return;
  }
  if (m.op === 'enrich') {
    // Blame, churn and authors: git processes and their output parsed here, not in the extension host.
    enrichLedger(m.items, { ...m.options, onProgress: (done, total) => post({ id: m.id, type: 'progress', done, total }) }).then(
      (stats) => post({ id: m.id, type: 'enriched', stats, fields: m.items.map((i) => Object.fromEntries(ENRICHED_FIELDS.map((k) => [k, i[k]])) as EnrichedFields) }),
      (err: unknown) => post({ id: m.id, type: 'error', message: (err as Error).message, aborted: false }));
    return;
  }
  if (m.op === 'text' || m.op === 'file') {
    try {
      const result: FileScan = m.op === 'text' ? scanFileTextFull(m.config, m.file, m.text, m.today, m.root) : scanOneFile(m.root, m.file, m.config, m.today);
      // As the host's index does: a deleted file loses its summary, a file skipped for another reason keeps it.
      const summary = 'summary' in result ? result.summary : /ENOENT|no such file/.test(result.reason) ? null : undefined;
      const resilience = m.root === null || summary === undefined ? undefined : links.update(m.root, m.file, summary, m.config);
      post({ id: m.id, type: 'file', result: resilience ? { ...result, resilience } : result });
      saveCompilerCache();
    } catch (err) {
      post({ id: m.id, type: 'error', message: (err as Error).message, aborted: false });
    }
    return;
  }
  const abort = new AbortController();
  running.set(m.id, abort);
  let batch: [string, LedgerItem[]][] = [];
  let lastPost = performance.now();
  const flush = (): void => {
    if (batch.length === 0) return;
    post({ id: m.id, type: 'items', batch });
    batch = [];
    lastPost = performance.now();
  };
  scanWorkspace({
    root: m.root, config: m.config, useGit: m.useGit, cacheFile: m.cacheFile, overrides: m.overrides, signal: abort.signal,
    onProgress: (done, total) => post({ id: m.id, type: 'progress', done, total }),
    ...(m.stream ? { onFileItems: (file: string, items: LedgerItem[]) => {
      batch.push([file, items]);
      if (performance.now() - lastPost > 100) flush();
    } } : {}),
  }).then((result) => {
    flush();
    links.reset(m.root, result.summaries);
    post({ id: m.id, type: 'scanned', result });
    saveCompilerCache();
  }, (err: unknown) => post({ id: m.id, type: 'error', message: (err as Error).message, aborted: abort.signal.aborted })).finally(() => running.delete(m.id));
});
