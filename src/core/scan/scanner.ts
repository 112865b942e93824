import * as path from 'node:path';
import { decodeText, inspectFile, readFileTransient, readInspected, type ReadResult } from '../fs/safeFs';
import { joinNormal } from '../fs/joinPath';
import { effectiveExcludes, type DebtLedgerConfig } from '../config/config';
import { findingsToItems, localToday, toLedgerItems } from '../ledger/ids';
import { emptyScanStats, type LedgerItem, type ScanResult, type SkippedFile } from '../model';
import { linkResilience } from '../resilience/link';
import type { ResilienceSummary } from '../resilience/model';
import { resiliencePass } from './resiliencePass';
import { discoverFiles } from './discovery';
import type { GitListingOutputs } from '../git/gitFiles';
import { compileExcludes, hasExtension } from './pathFilter';
import { SCRIPT_FALLBACK } from '../languages/registry';
import { scanEntries } from '../languages/scanEntries';
import { prepareScriptLexer } from '../languages/jsLexer';
import { contentHash, ScanCache, type CacheEntry } from './scanCache';
import { inShard, type Shard } from './shard';
import { TOOL_VERSION } from '../version';
import { fingerprint, fingerprintDigest, readSnapshotChanges, snapshotFileFor, snapshotKey, writeSnapshot } from './ledgerSnapshot';
import { MAX_PATCHED_FILES, patchSnapshot } from './snapshotPatch';
import { startTrail, stopTrail, type ReadTrail, type Sig } from '../fs/readTrail';
import { loadOwnerDirectory } from '../intel/ownerDirectory';
import { createPlacement, type Placement } from '../scope/placement';
import { createFolderScanner, createTextScanner, isStackOverflow, scanText, scanTextWith, TOO_DEEP, type ParseAnswer, type ParseRequest, type TextScan, type TextScanner } from './textScan';
import { CompilerWorker, WORKER_MIN_FILES } from './compilerWorker';
import { PostponedParses } from './postponedParse';
export { computeInstanceTimeoutFix, computeResilienceFixes, createFolderScanner, createTextScanner, isCompilerLoaded, scanText, setParserLoader, type TextScan, type TextScanner } from './textScan';

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
  /**
   * Only this slice of the files (see `inShard`): their markers, and the resilience findings located in
   * them. Resilience links across files, so every shard still analyses every file that may make a call
   * (markers of other slices are never parsed); the union of all shards equals the whole scan.
   */
  shard?: Shard;
  /** Called with each file's markers and suppressions as soon as they are known (the editor streams them into its view). */
  onFileItems?: (file: string, items: LedgerItem[]) => void;
  /** The git listing's answers, when the caller started them already (see `startGitListing`). */
  gitListing?: Promise<GitListingOutputs>;
  /** A stat pass taken before this call (the CLI's warm path): used instead of a new one when its file list is the listing's. */
  prestat?: { files: readonly string[]; sizes: readonly number[]; mtimes: readonly number[]; statAt: number; walked?: { files: readonly string[]; skipped: readonly { file: string; reason: string }[] }; gitListed?: boolean; seen?: ReadonlyMap<string, Sig> };
  /**
   * Parse on a worker thread, overlapping the marker scan (compilerWorker.ts). Default: in-process, unless
   * DEBT_LEDGER_COMPILER_WORKER=1 and 200+ files are listed (opt-in until measured on an idle machine: docs/languages.md).
   */
  compilerWorker?: boolean;
  /**
   * Files of this many characters or more, outside `resilience.scopes`, are analysed only when a reported
   * finding can depend on them (default DEFER_RESILIENCE_FROM; Infinity: every file that could make a call
   * is analysed). The findings are the same either way: test/unit/deferredResilience.test.ts compares them.
   */
  deferResilienceFrom?: number;
  /** Called with the stat pass (taken before any file is read) and how files were listed: the CLI's warm path records them. */
  onWarmProof?: (proof: { source: 'git' | 'walk'; files: readonly string[]; sizes: readonly number[]; mtimes: readonly number[]; statAt: number; walked?: { files: readonly string[]; skipped: readonly { file: string; reason: string }[]; dirs: readonly string[]; side: readonly string[] } }) => void;
}


/** Whether a file (POSIX path relative to the root) is one the configuration scans. */
export function isScannedPath(config: DebtLedgerConfig, relPath: string): boolean {
  return hasExtension(relPath, new Set(scanEntries(config).map((e) => e.toLowerCase()))) && !compileExcludes(effectiveExcludes(config))(relPath);
}

/**
 * Scans one file on disk (no cache): the editor's answer to a save, create or rename.
 * Returns its items, or the reason it was skipped.
 */
export function scanOneFile(root: string, relPath: string, config: DebtLedgerConfig, today = localToday()): { items: LedgerItem[]; summary: ResilienceSummary | null; note?: string } | { reason: string } {
  const outcome = scanFile(path.resolve(root), relPath, config, createFolderScanner(root, config), ScanCache.none(), emptyScanStats(), true);
  return 'reason' in outcome ? outcome : { items: placed(createPlacement(root, config), relPath, toLedgerItems(relPath, outcome.items, today), outcome.generated), summary: outcome.summary, ...(outcome.note ? { note: outcome.note } : {}) };
}

function placed(placement: Placement, file: string, items: LedgerItem[], generated: boolean | undefined): LedgerItem[] {
  placement.place(file, items, generated ?? false);
  return items;
}

/** Ledger items (markers and suppressions) of one file's text, with ids and overdue flags. */
export function scanFileText(config: DebtLedgerConfig, relPath: string, text: string, today = localToday(), root: string | null = null): LedgerItem[] {
  const scan = scanText(createFolderScanner(root, config), relPath, text);
  return placed(createPlacement(root, config), relPath, toLedgerItems(relPath, scan.items, today), scan.generated);
}

/** One file's markers and resilience summary, for the editor's incremental updates. */
export function scanFileTextFull(config: DebtLedgerConfig, relPath: string, text: string, today = localToday(), root: string | null = null): { items: LedgerItem[]; summary: ResilienceSummary | null; note?: string } {
  const scan = scanText(createFolderScanner(root, config), relPath, text, true);
  return { items: placed(createPlacement(root, config), relPath, toLedgerItems(relPath, scan.items, today), scan.generated), summary: scan.summary, ...(scan.note ? { note: scan.note } : {}) };
}

/** A cache key for everything besides file content that changes per-file results. */
function cacheKey(config: DebtLedgerConfig, owners: string): string {
  return JSON.stringify({ engine: 5, tool: TOOL_VERSION, tags: config.tags, suppressions: config.suppressions, owners, resilience: config.resilience.enabled, languages: config.languages, markdownTasks: config.markdownTasks });
}

/**
 * Scans a folder for debt items. Lists files itself (see `discoverFiles`), skips binary and oversized
 * files with a note, parses only files whose text may hold a marker, and reuses cached results for
 * unchanged files. A file that cannot be read is reported in `skipped`, never fatal.
 */
export async function scanWorkspace(options: ScanOptions): Promise<ScanResult> {
  // What the scan reads besides the listed files, for the ledger snapshot's checks (only with a snapshot).
  const trail = options.cacheFile && !options.overrides?.size ? startTrail() : null;
  try {
    return await scanFolder(options, trail);
  } finally {
    if (trail) stopTrail(trail);
  }
}

async function scanFolder(options: ScanOptions, trail: ReadTrail | null): Promise<ScanResult> {
  const startedAt = Date.now();
  const started = performance.now();
  const root = path.resolve(options.root);
  const { config } = options;
  const today = options.today ?? localToday();
  // Without a cache every file is read: the TS/JS lexer is optimised while the folder is listed (see prepareScriptLexer).
  if (!options.cacheFile) prepareScriptLexer();
  const discovered = await discoverFiles({
    root,
    extensions: scanEntries(config),
    excludes: effectiveExcludes(config),
    useGit: options.useGit ?? true,
    submodules: config.submodules,
    ...(options.gitListing ? { gitListing: options.gitListing } : {}),
    ...(options.prestat?.walked ? { walked: options.prestat.walked } : {}),
    ...(options.prestat?.gitListed ? { gitListed: options.prestat.files } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const directory = loadOwnerDirectory(root, config.owners);
  // The warm path: nothing changed since the last scan with this cache -> its result, without re-linking.
  const snapshot = options.cacheFile && !options.overrides?.size ? snapshotFileFor(options.cacheFile) : null;
  const fp = snapshot ? (sameFiles(options.prestat?.files, discovered.files) ? { ...options.prestat!, files: discovered.files, sizes: [...options.prestat!.sizes], mtimes: [...options.prestat!.mtimes] } : fingerprint(root, discovered.files)) : null;
  if (fp) options.onWarmProof?.({ source: discovered.source, ...fp, ...(discovered.source === 'walk' ? { walked: { files: discovered.files, skipped: discovered.skipped ?? [], dirs: [], side: [] } } : {}) });
  const shard = options.shard && options.shard.count > 1 ? options.shard : undefined;
  const snapKey = snapshotKey({ tool: TOOL_VERSION, engine: cacheKey(config, directory.fingerprint), config, today, root, source: discovered.source, gitNote: discovered.gitNote, useGit: options.useGit ?? true, shard });
  const prior = snapshot && fp ? await readSnapshotChanges(snapshot, snapKey, fp, shard ? 0 : MAX_PATCHED_FILES, options.prestat?.seen) : null;
  // A few files changed and none can reach another file's result: the snapshot with those files scanned again.
  // One scanner and one placement for the patched files (each compiles matchers or reads manifests).
  let patchScanner: TextScanner | null = null;
  let placement: ReturnType<typeof createPlacement> | null = null;
  const patched = prior && fp && snapshot && prior.changed.length > 0 ? patchSnapshot(prior.result, fp, prior.changed, (rel) => scanFile(root, rel, config, (patchScanner ??= createTextScanner(config, directory)), ScanCache.none(), emptyScanStats()), (rel, raw, generated) => placed((placement ??= createPlacement(root, config)), rel, toLedgerItems(rel, raw, today), generated), config.resilience.enabled) : null;
  // A patch is cheap to redo: the snapshot is rewritten only once several files differ from it.
  if (patched && snapshot && fp && trail && prior!.changed.length > 8) {
    // A patch reads less than a scan: what the snapshot rested on still counts.
    const read = stopTrail(trail);
    await writeSnapshot(snapshot, snapKey, fp, patched, { files: [...read.files, ...prior!.side], dirs: [...read.dirs, ...prior!.dirs], startedAt });
  }
  const warm = prior?.changed.length === 0 ? prior.result : patched;
  if (warm && fp) {
    const stats = { ...emptyScanStats(), filesListed: discovered.files.length, filesScanned: warm.stats.filesScanned, filesFromCache: warm.stats.filesScanned - (patched ? prior!.changed.length : 0), durationMs: Math.round(performance.now() - started) };
    options.onProgress?.(discovered.files.length, discovered.files.length);
    return { root, items: warm.items, skipped: warm.skipped, stats, summaries: new Map(warm.summaries), listedWith: discovered.source, fingerprint: fingerprintDigest(fp), ...(patched ? { changedFiles: prior!.changed.map((i) => fp.files[i]!) } : {}) };
  }
  // Another slice's files are cached without their markers: a sharded run keeps its own cache entries.
  const key = cacheKey(config, directory.fingerprint);
  const cache = await ScanCache.open(options.cacheFile ?? null, shard ? `${key}/${shard.index}/${shard.count}` : key);
  const scanner = createTextScanner(config, directory);
  // The compiler on a worker thread, started by the first file that needs it (compilerWorker.ts).
  let worker: CompilerWorker | null = null;
  const onWorker = options.compilerWorker ?? (process.env.DEBT_LEDGER_COMPILER_WORKER === '1' && discovered.files.length >= WORKER_MIN_FILES);
  // Without a worker, parses wait for the end of the first pass unless items stream (postponedParse.ts).
  const postponed = !onWorker && !options.onFileItems ? new PostponedParses() : null;
  const parse = onWorker ? (request: ParseRequest): Promise<ParseAnswer> => (worker ??= new CompilerWorker()).parse(request) : postponed?.parse;
  try {
    return await scanFiles(options, { root, config, today, discovered, shard, cache, scanner, parse, firstPassDone: () => postponed?.finish(), snapshot, fp, trail, snapKey, startedAt, started });
  } finally {
    (worker as CompilerWorker | null)?.close();
  }
}

interface ScanContext {
  root: string;
  config: DebtLedgerConfig;
  today: string;
  discovered: Awaited<ReturnType<typeof discoverFiles>>;
  shard: Shard | undefined;
  cache: ScanCache;
  scanner: TextScanner;
  parse: ((request: ParseRequest) => Promise<ParseAnswer>) | undefined;
  /** Called once every listed file went through the first pass (held parses run then). */
  firstPassDone: () => void;
  snapshot: ReturnType<typeof snapshotFileFor> | null;
  fp: ReturnType<typeof fingerprint> | null;
  trail: ReadTrail | null;
  snapKey: string;
  startedAt: number;
  started: number;
}

/**
 * The size from which a file outside the reported scopes waits for proof that it is needed: bundles and
 * built copies (axios's four dist bundles, 96-144 KB, held 1.15 s of the bench corpus's 1.27 s of parse and
 * analysis). Below it, parsing a file costs less than proving it unneeded through the import graph.
 */
export const DEFER_RESILIENCE_FROM = 64 * 1024;

async function scanFiles(options: ScanOptions, { root, config, today, discovered, shard, cache, scanner: folderScanner, parse, firstPassDone, snapshot, fp, trail, snapKey, startedAt, started }: ScanContext): Promise<ScanResult> {
  const placement = createPlacement(root, config, true);
  // Files whose findings the report leaves out (tests, generated copies... by default) are analysed only
  // when a reported finding can depend on them: see the second pass.
  const reported = new Set(config.resilience.scopes);
  const outOfScope = (rel: string, generatedText: boolean): boolean => !reported.has(placement.resolver.scopeOf(rel, generatedText));
  const minChars = options.deferResilienceFrom ?? DEFER_RESILIENCE_FROM;
  const scanner: TextScanner = Number.isFinite(minChars) ? { ...folderScanner, deferResilience: { minChars, outOfScope } } : folderScanner;
  const resilienceOnly: TextScanner = { ...scanner, mayContain: () => false, mayContainBytes: () => false };
  const items: LedgerItem[] = [];
  const skipped: SkippedFile[] = [];
  const summaries = new Map<string, ResilienceSummary>();
  const pendingImports = new Map<string, string[]>();
  // Files that could make a call, outside the reported scopes: every import specifier, and whether their text says they are generated.
  const deferred = new Map<string, { imports: string[]; generated: boolean }>();
  const stats = { ...emptyScanStats(), filesListed: discovered.files.length };
  skipped.push(...(discovered.skipped ?? []));
  // A file's outcome is taken in listing order: one whose parse is on the worker holds back those after it.
  const take = (rel: string, mine: boolean, entry: FileOutcome): void => {
    if ('reason' in entry) {
      if (mine) skipped.push({ file: rel, reason: entry.reason });
      return;
    }
    if (entry.note) skipped.push({ file: rel, reason: entry.note });
    stats.filesScanned++;
    // A file without items and without a generated header needs no placement: its scope, when a
    // resilience finding asks, is decided by path alone (`Placement.scopeOf`), the same answer.
    if (mine && (entry.items.length > 0 || entry.generated === true)) {
      const fileItems = toLedgerItems(rel, entry.items, today);
      placement.place(rel, fileItems, entry.generated ?? false);
      items.push(...fileItems);
      if (fileItems.length > 0) options.onFileItems?.(rel, fileItems);
    }
    if (entry.summary) summaries.set(rel, entry.summary);
    else if (entry.deferred) deferred.set(rel, { imports: entry.imports, generated: entry.generated ?? false });
    else if (entry.imports.length > 0) pendingImports.set(rel, entry.imports);
  };
  const waiting: { rel: string; mine: boolean; outcome: Promise<FileOutcome>; done?: FileOutcome }[] = [];
  const drain = (): void => {
    while (waiting[0]?.done) {
      const w = waiting.shift()!;
      take(w.rel, w.mine, w.done!);
    }
  };
  let lastYield = performance.now();
  for (const [n, rel] of discovered.files.entries()) {
    if (performance.now() - lastYield > 25) {
      drain();
      // Let cancellation, progress and (in the editor) other work through.
      options.onProgress?.(n, discovered.files.length);
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      lastYield = performance.now();
    }
    const mine = inShard(rel, shard);
    if (!mine && !config.resilience.enabled) continue;
    const override = options.overrides?.get(rel);
    const outcome = override !== undefined ? scanTextGuarded(mine ? scanner : resilienceOnly, rel, override, false, parse) : scanFile(root, rel, config, mine ? scanner : resilienceOnly, cache, stats, false, parse);
    if (outcome instanceof Promise) {
      const w: (typeof waiting)[number] = { rel, mine, outcome };
      void outcome.then((done) => (w.done = done));
      waiting.push(w);
    } else if (waiting.length > 0) waiting.push({ rel, mine, outcome: Promise.resolve(outcome), done: outcome });
    else take(rel, mine, outcome);
  }
  firstPassDone();
  for (const w of waiting) take(w.rel, w.mine, await w.outcome);
  if (config.resilience.enabled) {
    const analyse = async (rel: string): Promise<ResilienceSummary | null> => {
      const override = options.overrides?.get(rel);
      const entry = await (override !== undefined ? scanTextGuarded(scanner, rel, override, true, parse) : scanFile(root, rel, config, scanner, cache, stats, true, parse));
      return 'summary' in entry ? entry.summary : null;
    };
    const pass = await resiliencePass({ root, files: discovered.files, summaries, pendingImports, deferred, analyseFile: analyse, placement, reported, outOfScope });
    stats.filesDeferred = pass.deferred;
    items.push(...placement.resilienceItems(findingsToItems(linkResilience(summaries, config.resilience)).filter((i) => inShard(i.file, shard))));
  }
  await cache.save();
  if (cache.note) skipped.unshift({ file: '.', reason: cache.note });
  if (discovered.gitNote && (options.useGit ?? true)) skipped.unshift({ file: '.', reason: `listed without git (${discovered.gitNote}); .gitignore files were honoured` });
  if (snapshot && fp && trail) await writeSnapshot(snapshot, snapKey, fp, { items, skipped, summaries: [...summaries], stats: { filesScanned: stats.filesScanned } }, { ...stopTrail(trail), startedAt });
  stats.durationMs = Math.round(performance.now() - started);
  options.onProgress?.(discovered.files.length, discovered.files.length);
  return { root, items, skipped, stats, summaries, listedWith: discovered.source, ...(fp ? { fingerprint: fingerprintDigest(fp) } : {}) };
}

function sameFiles(a: readonly string[] | undefined, b: readonly string[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

type FileOutcome = Pick<TextScan, 'items' | 'summary' | 'imports' | 'note' | 'generated' | 'deferred'> | { reason: string };

/**
 * Synchronous on purpose: the caller yields every 25 ms, and for thousands of small files a promise
 * round-trip through the thread pool per open/stat/read/close cost more than half the scan (measured:
 * 3.5 s idle of 6.7 s on 10,164 files).
 */
function scanFile(root: string, rel: string, config: DebtLedgerConfig, scanner: TextScanner, cache: ScanCache, stats: ScanResult['stats'], forceResilience?: boolean): FileOutcome;
function scanFile(root: string, rel: string, config: DebtLedgerConfig, scanner: TextScanner, cache: ScanCache, stats: ScanResult['stats'], forceResilience: boolean, parse: ((request: ParseRequest) => Promise<ParseAnswer>) | undefined): FileOutcome | Promise<FileOutcome>;
function scanFile(
  root: string,
  rel: string,
  config: DebtLedgerConfig,
  scanner: TextScanner,
  cache: ScanCache,
  stats: ScanResult['stats'],
  forceResilience = false,
  parse?: (request: ParseRequest) => Promise<ParseAnswer>,
): FileOutcome | Promise<FileOutcome> {
  try {
    const outcome = scanFileUnguarded(root, rel, config, scanner, cache, stats, forceResilience, parse);
    return outcome instanceof Promise ? outcome.catch((err: unknown) => ({ reason: failureReason(err) })) : outcome;
  } catch (err) {
    // Per-file isolation: whatever goes wrong in one file is that file's skip reason, never the scan's end.
    return { reason: failureReason(err) };
  }
}

/** `scanText` for an unsaved buffer, with the same per-file isolation as a file on disk. */
function scanTextGuarded(scanner: TextScanner, rel: string, text: string, forceResilience = false, parse?: (request: ParseRequest) => Promise<ParseAnswer>): FileOutcome | Promise<FileOutcome> {
  try {
    const outcome = parse ? scanTextWith(scanner, rel, text, forceResilience, parse) : scanText(scanner, rel, text, forceResilience);
    return outcome instanceof Promise ? outcome.catch((err: unknown) => ({ reason: failureReason(err) })) : outcome;
  } catch (err) {
    return { reason: failureReason(err) };
  }
}

function failureReason(err: unknown): string {
  return isStackOverflow(err) ? TOO_DEEP : `cannot scan: ${(err as Error).message.split('\n')[0]}`;
}

function scanFileUnguarded(
  root: string,
  rel: string,
  config: DebtLedgerConfig,
  scanner: TextScanner,
  cache: ScanCache,
  stats: ScanResult['stats'],
  forceResilience: boolean,
  parse?: (request: ParseRequest) => Promise<ParseAnswer>,
): FileOutcome | Promise<FileOutcome> {
  // Regular files only (never a FIFO or a device), inside the root, capped: see core/fs/safeFs.
  const abs = joinNormal(root, rel);
  let read: ReadResult;
  // Size and mtime for the cache entry: the lstat's when there is one, as before.
  let seen: { size: number; mtimeMs: number } | null = null;
  if (cache.persistent) {
    const inspected = inspectFile(abs, { maxBytes: config.maxFileSize, root });
    if (!inspected.ok) {
      // Listed by git but deleted in the work tree: not an error, just gone.
      return inspected.refusal === 'missing' ? { items: [], summary: null, imports: [] } : { reason: inspected.reason };
    }
    const fromStat = cache.byStat(rel, inspected.size, inspected.mtimeMs);
    if (fromStat && (!forceResilience || fromStat.analysed)) return reuse(rel, fromStat, cache, stats);
    read = readInspected(inspected, config.maxFileSize);
    seen = inspected;
  } else {
    // No cache to answer from the stat alone: one open first, the same refusals (see readFileOpenFirst);
    // into a reused buffer, as nothing below keeps the bytes (they are tested and decoded at once).
    read = readFileTransient(abs, { maxBytes: config.maxFileSize, root });
  }
  if (!read.ok) return read.refusal === 'missing' ? { items: [], summary: null, imports: [] } : { reason: read.reason };
  seen ??= read;
  const bytes = read.bytes;
  stats.bytesRead += bytes.length;
  // sha1 of every file costs ~10% of an uncached marker scan: only worth it when the cache is kept.
  const hash = cache.persistent ? contentHash(bytes) : '';
  const fromHash = cache.byHash(rel, hash);
  if (fromHash && (!forceResilience || fromHash.analysed)) return reuse(rel, { ...fromHash, size: seen.size, mtimeMs: seen.mtimeMs }, cache, stats);
  const entry: CacheEntry = { size: seen.size, mtimeMs: seen.mtimeMs, hash };
  // The prefilter on the raw bytes first (most files fail it, and need no decoding); UTF-16 is decoded first.
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  let found: TextScan | Promise<TextScan>;
  const prefilter = utf16 ? 'not run' : prefilterBytes(scanner, rel, bytes, forceResilience);
  if (prefilter === 'fails') found = { items: [], parsed: false, summary: null, imports: [] };
  else {
    const text = decodeText(bytes);
    if (text === null) {
      entry.skipped = 'binary content';
      cache.set(rel, entry);
      return { reason: entry.skipped };
    }
    found = parse ? scanTextWith(scanner, rel, text, forceResilience, parse, prefilter === 'passes') : scanText(scanner, rel, text, forceResilience, prefilter === 'passes');
  }
  return found instanceof Promise ? found.then((f) => recordScan(rel, scanner, cache, stats, entry, f, forceResilience)) : recordScan(rel, scanner, cache, stats, entry, found, forceResilience);
}

/** A scanned file's outcome into the stats and its cache entry. */
function recordScan(rel: string, scanner: TextScanner, cache: ScanCache, stats: ScanResult['stats'], entry: CacheEntry, found: TextScan, forceResilience: boolean): FileOutcome {
  if (found.parsed) stats.filesParsed++;
  else stats.filesPrefiltered++;
  if (found.items.length > 0) entry.items = found.items;
  if (found.summary) entry.summary = found.summary;
  if (found.parsed && scanner.resilience && (forceResilience || found.summary)) entry.analysed = true;
  if (found.imports.length > 0) entry.imports = found.imports;
  if (found.note) entry.note = found.note;
  if (found.generated) entry.generated = true;
  if (found.deferred) entry.deferred = true;
  cache.set(rel, entry);
  return found;
}

/**
 * The prefilter on the raw bytes, before any UTF-8 decoding (most files fail it). Read as Latin-1, every
 * ASCII character is itself and every other byte is a non-word character, as every non-ASCII character
 * is for the patterns (ASCII tags and directives), so the answer is the same as on the decoded text
 * (the strict test too: it keeps any non-ASCII character after a tag, and one before is not a word
 * character either way); `scanText` is told, and does not test the decoded text again. Files that can
 * take part in resilience analysis are decoded as before (their imports are needed): 'not run'.
 */
function prefilterBytes(scanner: TextScanner, rel: string, bytes: Buffer, forceResilience: boolean): 'passes' | 'fails' | 'not run' {
  const frontEnd = scanner.languages.frontEndFor(rel) ?? SCRIPT_FALLBACK;
  if ((scanner.resilience && frontEnd.embedsScript) || forceResilience || (scanner.markdownTasks && frontEnd.taskItems)) return 'not run';
  return scanner.mayContainBytes(bytes, frontEnd) ? 'passes' : 'fails';
}

function reuse(rel: string, entry: CacheEntry, cache: ScanCache, stats: ScanResult['stats']): FileOutcome {
  cache.set(rel, entry);
  stats.filesFromCache++;
  if (entry.skipped) return { reason: entry.skipped };
  return { items: entry.items ?? [], summary: entry.summary ?? null, imports: entry.imports ?? [], ...(entry.note ? { note: entry.note } : {}), generated: entry.generated ?? false, ...(entry.deferred ? { deferred: true } : {}) };
}
