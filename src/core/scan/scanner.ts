import { readFileSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { effectiveExcludes, type DebtLedgerConfig } from '../config/config';
import { findingsToItems, localToday, toLedgerItems } from '../ledger/ids';
import { emptyScanStats, type LedgerItem, type RawItem, type ScanResult, type SkippedFile } from '../model';
import type * as Parser from './parser';
import { linkResilience } from '../resilience/link';
import type { ResilienceSummary } from '../resilience/model';
import { resolveRelative } from '../resilience/moduleResolver';
import { discoverFiles } from './discovery';
import { compileExcludes, hasExtension } from './pathFilter';
import { createMarkerMatcher, parseMarkers, type MarkerMatcher } from './markerParser';
import { createPrefilter } from './prefilter';
import { contentHash, ScanCache, type CacheEntry } from './scanCache';

export interface ScanOptions {
  /** Folder to scan (made absolute). */
  root: string;
  config: DebtLedgerConfig;
  /** List files with git when the root is a work tree (default true). False in untrusted workspaces. */
  useGit?: boolean;
  /** Where to keep the content cache; null or absent for none. */
  cacheFile?: string | null;
  /** `YYYY-MM-DD` that `overdue` is judged against; default the local date. */
  today?: string;
  signal?: AbortSignal;
  /** Called now and then with files done and total. */
  onProgress?: (done: number, total: number) => void;
  /** Texts that replace what is on disk (unsaved editor buffers), by relative POSIX path. */
  overrides?: ReadonlyMap<string, string>;
  /** Called with each file's markers and suppressions as soon as they are known (the editor streams them into its view). */
  onFileItems?: (file: string, items: LedgerItem[]) => void;
}

let parser: typeof Parser | undefined;
/** The compiler (several MB) loads on the first parse, not when the scanner module loads. */
function loadParser(): typeof Parser {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
  parser ??= require('./parser') as typeof Parser;
  return parser;
}

/** Quick fixes for a resilience finding (loads the compiler on first use). See `resilienceFixes`. */
export function computeResilienceFixes(...args: Parameters<typeof Parser.resilienceFixes>): ReturnType<typeof Parser.resilienceFixes> {
  return loadParser().resilienceFixes(...args);
}

/** The fix at an instance's creation site (loads the compiler on first use). See `instanceTimeoutFix`. */
export function computeInstanceTimeoutFix(...args: Parameters<typeof Parser.instanceTimeoutFix>): ReturnType<typeof Parser.instanceTimeoutFix> {
  return loadParser().instanceTimeoutFix(...args);
}

/** Whether the compiler has been loaded in this process (activation must not load it). */
export function isCompilerLoaded(): boolean {
  return parser !== undefined;
}

/**
 * What a file needs before it can make or wrap an outbound call itself: a call of a fetch-like function,
 * or a client/retry/breaker module named in an import or require. A superset, for the prefilter; files
 * that only use a project's client module are caught by the second pass.
 */
const NETWORK_WORDS = /\bfetch\w*\s*[(<!]|['"`](?:node:)?(?:https?|http2|undici|axios|got|ky|p-retry|async-retry|axios-retry|opossum|cockatiel)['"`]/;
/** Relative import/require specifiers, for finding files that use a project's client modules. */
const RELATIVE_IMPORT = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** Compiled per-configuration state for scanning single texts. */
export interface TextScanner {
  matcher: MarkerMatcher;
  mayContain: (text: string) => boolean;
  resilience: boolean;
}

export function createTextScanner(config: DebtLedgerConfig): TextScanner {
  return { matcher: createMarkerMatcher(config.tags, config.suppressions), mayContain: createPrefilter(config.tags, config.suppressions), resilience: config.resilience.enabled };
}

/** What one file's text yields. `summary` is null when the file cannot take part in resilience analysis. */
export interface TextScan {
  items: RawItem[];
  parsed: boolean;
  summary: ResilienceSummary | null;
  /** Relative modules the file imports (kept when it has no summary, for the second pass). */
  imports: string[];
}

/**
 * Raw items and the resilience summary of one file's text, from a single parse. `forceResilience`
 * analyses a file the network prefilter let through (it imports a project client module).
 */
export function scanText(scanner: TextScanner, fileName: string, text: string, forceResilience = false): TextScan {
  const markers = scanner.mayContain(text);
  const resilience = scanner.resilience && (forceResilience || NETWORK_WORDS.test(text));
  // Only the resilience second pass reads these: not needed when analysed now, or when resilience is off.
  const imports = resilience || !scanner.resilience ? [] : [...text.matchAll(RELATIVE_IMPORT)].map((m) => m[1]!);
  if (!markers && !resilience) return { items: [], parsed: false, summary: null, imports };
  const parsed = loadParser().parseFile(fileName, text, resilience);
  const summary = parsed.resilience && isRelevant(parsed.resilience) ? parsed.resilience : null;
  return { items: markers ? parseMarkers(text, parsed.comments, scanner.matcher) : [], parsed: true, summary, imports: summary || !resilience ? imports : [] };
}

/** A summary worth keeping: it makes, wraps, configures or re-exports something the link phase needs. */
function isRelevant(s: ResilienceSummary): boolean {
  return s.calls.length + s.instances.length + s.policies.length + s.defaults.length + s.functionUses.length + s.exportAll.length > 0 || s.exports.some((e) => 'specifier' in e);
}

/** Whether a file (POSIX path relative to the root) is one the configuration scans. */
export function isScannedPath(config: DebtLedgerConfig, relPath: string): boolean {
  return hasExtension(relPath, new Set(config.extensions.map((e) => e.toLowerCase()))) && !compileExcludes(effectiveExcludes(config))(relPath);
}

/**
 * Scans one file on disk (no cache): the editor's answer to a save, create or rename.
 * Returns its items, or the reason it was skipped.
 */
export function scanOneFile(root: string, relPath: string, config: DebtLedgerConfig, today = localToday()): { items: LedgerItem[]; summary: ResilienceSummary | null } | { reason: string } {
  const outcome = scanFile(path.join(root, relPath), relPath, config, createTextScanner(config), ScanCache.none(), emptyScanStats(), true);
  return 'reason' in outcome ? outcome : { items: toLedgerItems(relPath, outcome.items, today), summary: outcome.summary };
}

/** Ledger items (markers and suppressions) of one file's text, with ids and overdue flags. */
export function scanFileText(config: DebtLedgerConfig, relPath: string, text: string, today = localToday()): LedgerItem[] {
  return toLedgerItems(relPath, scanText(createTextScanner(config), relPath, text).items, today);
}

/** One file's markers and resilience summary, for the editor's incremental updates. */
export function scanFileTextFull(config: DebtLedgerConfig, relPath: string, text: string, today = localToday()): { items: LedgerItem[]; summary: ResilienceSummary | null } {
  const scan = scanText(createTextScanner(config), relPath, text, true);
  return { items: toLedgerItems(relPath, scan.items, today), summary: scan.summary };
}

function hasNulByte(bytes: Buffer): boolean {
  return bytes.subarray(0, 8000).includes(0);
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** A cache key for everything besides file content that changes per-file results. */
function cacheKey(config: DebtLedgerConfig): string {
  return JSON.stringify({ engine: 2, tags: config.tags, suppressions: config.suppressions, resilience: config.resilience.enabled });
}

/**
 * Scans a folder for debt items. Lists files itself (see `discoverFiles`), skips binary and oversized
 * files with a note, parses only files whose text may hold a marker, and reuses cached results for
 * unchanged files. A file that cannot be read is reported in `skipped`, never fatal.
 */
export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const root = path.resolve(options.root);
  const { config } = options;
  const today = options.today ?? localToday();
  const discovered = await discoverFiles({
    root,
    extensions: config.extensions,
    excludes: effectiveExcludes(config),
    useGit: options.useGit ?? true,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const cache = await ScanCache.open(options.cacheFile ?? null, cacheKey(config));
  const scanner = createTextScanner(config);
  const items: LedgerItem[] = [];
  const skipped: SkippedFile[] = [];
  const summaries = new Map<string, ResilienceSummary>();
  const pendingImports = new Map<string, string[]>();
  const stats = { ...emptyScanStats(), filesListed: discovered.files.length };
  let lastYield = performance.now();
  for (const [n, rel] of discovered.files.entries()) {
    if (performance.now() - lastYield > 25) {
      // Let cancellation, progress and (in the editor) other work through.
      options.onProgress?.(n, discovered.files.length);
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      lastYield = performance.now();
    }
    const override = options.overrides?.get(rel);
    const entry = override !== undefined ? scanText(scanner, rel, override) : scanFile(path.join(root, rel), rel, config, scanner, cache, stats);
    if ('reason' in entry) {
      skipped.push({ file: rel, reason: entry.reason });
      continue;
    }
    stats.filesScanned++;
    const fileItems = toLedgerItems(rel, entry.items, today);
    items.push(...fileItems);
    if (fileItems.length > 0) options.onFileItems?.(rel, fileItems);
    if (entry.summary) summaries.set(rel, entry.summary);
    else if (entry.imports.length > 0) pendingImports.set(rel, entry.imports);
  }
  if (config.resilience.enabled) {
    // Second pass, to a fixed point: files the network prefilter skipped but that import a project module
    // making or wrapping calls (`api.get()` on an imported axios instance) are analysed too, and so are
    // files importing those in turn.
    const known = new Set(discovered.files);
    // A provider exports something a caller's coverage depends on: an instance, a policy, a function that
    // makes a call, or a re-export of a provider. Only importers of providers need analysing.
    const isProvider = (rel: string, depth = 0): boolean => {
      const sum = summaries.get(rel);
      if (!sum || depth > 8) return false;
      if (sum.instances.length > 0 || sum.policies.length > 0 || sum.defaults.length > 0) return true;
      if (sum.calls.some((c) => c.enclosingExported && c.client.kind !== 'import')) return true;
      const reexported = [...sum.exportAll, ...sum.exports.flatMap((e) => ('specifier' in e ? [e.specifier] : []))];
      return reexported.some((spec) => {
        const target = resolveRelative(rel, spec, known);
        return target !== null && isProvider(target, depth + 1);
      });
    };
    // Resolving every relative import of thousands of files is the cost of a cached run: first reject
    // specifiers whose last segment cannot name a summarised file (its stem, or its folder for index files).
    const stem = (p: string): string => p.slice(p.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
    const stems = new Set<string>();
    const addStems = (): void => {
      for (const f of summaries.keys()) {
        stems.add(stem(f));
        if (stem(f) === 'index') stems.add(stem(f.slice(0, f.lastIndexOf('/'))));
      }
    };
    const importsSummarised = (rel: string, specifiers: string[]): boolean =>
      specifiers.some((spec) => {
        if (!stems.has(stem(spec.replace(/\/+$/, ''))) && !/^\.\.?\/?$/.test(spec)) return false;
        const target = resolveRelative(rel, spec, known);
        return target !== null && isProvider(target);
      });
    for (let changed = true; changed;) {
      changed = false;
      addStems();
      for (const [rel, specifiers] of pendingImports) {
        if (!importsSummarised(rel, specifiers)) continue;
        pendingImports.delete(rel);
        const override = options.overrides?.get(rel);
        const entry = override !== undefined ? scanText(scanner, rel, override, true) : scanFile(path.join(root, rel), rel, config, scanner, cache, stats, true);
        if ('summary' in entry && entry.summary) {
          summaries.set(rel, entry.summary);
          changed = true;
        }
      }
    }
    items.push(...findingsToItems(linkResilience(summaries, config.resilience)));
  }
  await cache.save();
  if (discovered.gitNote && (options.useGit ?? true)) skipped.unshift({ file: '.', reason: `listed without git (${discovered.gitNote}); .gitignore files were honoured` });
  stats.durationMs = Math.round(performance.now() - started);
  options.onProgress?.(discovered.files.length, discovered.files.length);
  return { root, items, skipped, stats, summaries, listedWith: discovered.source };
}

type FileOutcome = Pick<TextScan, 'items' | 'summary' | 'imports'> | { reason: string };

/**
 * Synchronous on purpose: the caller yields every 25 ms, and for thousands of small files a promise
 * round-trip through the thread pool per open/stat/read/close cost more than half the scan (measured:
 * 3.5 s idle of 6.7 s on 10,164 files).
 */
function scanFile(
  abs: string,
  rel: string,
  config: DebtLedgerConfig,
  scanner: TextScanner,
  cache: ScanCache,
  stats: ScanResult['stats'],
  forceResilience = false,
): FileOutcome {
  let stat: Stats;
  try {
    stat = statSync(abs);
  } catch (err) {
    // Listed by git but deleted in the work tree: not an error, just gone.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { items: [], summary: null, imports: [] };
    return { reason: `cannot read: ${(err as Error).message}` };
  }
  if (!stat.isFile()) return { reason: 'not a regular file' };
  if (stat.size > config.maxFileSize) return { reason: `larger than the ${formatBytes(config.maxFileSize)} limit (${formatBytes(stat.size)})` };
  const fromStat = cache.byStat(rel, stat.size, stat.mtimeMs);
  if (fromStat && (!forceResilience || fromStat.analysed)) return reuse(rel, fromStat, cache, stats);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    return { reason: `cannot read: ${(err as Error).message}` };
  }
  stats.bytesRead += bytes.length;
  const hash = contentHash(bytes);
  const fromHash = cache.byHash(rel, hash);
  if (fromHash && (!forceResilience || fromHash.analysed)) return reuse(rel, { ...fromHash, size: stat.size, mtimeMs: stat.mtimeMs }, cache, stats);
  const entry: CacheEntry = { size: stat.size, mtimeMs: stat.mtimeMs, hash };
  if (hasNulByte(bytes)) {
    entry.skipped = 'binary content';
    cache.set(rel, entry);
    return { reason: entry.skipped };
  }
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const found = scanText(scanner, rel, text, forceResilience);
  if (found.parsed) stats.filesParsed++;
  else stats.filesPrefiltered++;
  if (found.items.length > 0) entry.items = found.items;
  if (found.summary) entry.summary = found.summary;
  if (found.parsed && scanner.resilience && (forceResilience || found.summary)) entry.analysed = true;
  if (found.imports.length > 0) entry.imports = found.imports;
  cache.set(rel, entry);
  return found;
}

function reuse(rel: string, entry: CacheEntry, cache: ScanCache, stats: ScanResult['stats']): FileOutcome {
  cache.set(rel, entry);
  stats.filesFromCache++;
  return entry.skipped ? { reason: entry.skipped } : { items: entry.items ?? [], summary: entry.summary ?? null, imports: entry.imports ?? [] };
}
