import type * as Crypto from 'node:crypto';
import type { Hash } from 'node:crypto';
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { readFileSafeSync, replaceCacheFileSync } from './safeFs';

/**
 * A V8 code cache for the CLI's big bundles (Node 20 has no `module.enableCompileCache`): a bundle is
 * compiled through `vm.Script` with the bytes V8 produced last time (`cachedData`), so its functions are
 * not parsed and compiled again. The cache lives in the tool's own cache folder (`<XDG_CACHE_HOME or
 * ~/.cache>/debt-ledger/code/`), one file per bundle, named by the bundle's size and mtime and Node's
 * V8 version. Each file starts with a sha1 of the bytes after it: a truncated or damaged file fails that
 * check and is rebuilt; V8 itself refuses data for another source or V8 build (`cachedDataRejected`).
 * The data is written when the process ends (so it holds the functions this run compiled), temp file +
 * rename, and only when there was none or it was refused. Any problem only costs the cache, never the run.
 */
const MAGIC = 'DLCC1';
// Loaded when a bundle is (the warm path that replays an output never needs it).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load, see above
const sha1 = (): Hash => (require('node:crypto') as typeof Crypto).createHash('sha1');
const MAX_CACHE = 64 * 1024 * 1024;

interface Loaded {
  script: vm.Script;
  file: string | null;
  /** The cache needs (re)writing at exit. */
  stale: boolean;
}

const loaded: Loaded[] = [];
export const codeCacheStats = { hits: 0, misses: 0, rejected: 0, damaged: 0, written: 0 };

/** The cache file of a bundle: null when the bundle cannot be stat'ed. */
export function codeCacheFile(cacheDir: string, bundle: string): string | null {
  const st = statSync(bundle, { throwIfNoEntry: false });
  if (!st) return null;
  const id = `${path.basename(bundle, '.js')}-${st.size}-${Math.round(st.mtimeMs)}-${process.versions.v8}-${process.arch}`;
  return path.join(cacheDir, 'code', `${id.replace(/[^\w.-]/g, '_')}.bin`);
}

function readCache(file: string): Buffer | undefined {
  const read = readFileSafeSync(file, { maxBytes: MAX_CACHE });
  if (!read.ok) return undefined;
  const bytes = read.bytes;
  const head = MAGIC.length + 40;
  if (bytes.length <= head || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    codeCacheStats.damaged++;
    return undefined;
  }
  const data = bytes.subarray(head);
  if (sha1().update(data).digest('hex') !== bytes.toString('latin1', MAGIC.length, head)) {
    codeCacheStats.damaged++;
    return undefined;
  }
  return data;
}

/**
 * `require(bundle)` for a CommonJS bundle, compiled with its code cache when one is valid. `cacheDir`
 * null: no cache (compiled as Node would). Returns the module's exports.
 */
export function requireWithCodeCache(bundle: string, cacheDir: string | null): unknown {
  const source = readFileSafeSync(bundle, { maxBytes: 256 * 1024 * 1024 });
  if (!source.ok) throw new Error(`cannot load ${bundle}: ${source.reason}`);
  const file = cacheDir ? codeCacheFile(cacheDir, bundle) : null;
  const cachedData = file ? readCache(file) : undefined;
  // The same wrapper Node puts around a CommonJS module.
  const wrapped = `(function (exports, require, module, __filename, __dirname) { ${source.bytes.toString('utf8').replace(/^#!.*/, '')}\n})`;
  const script = new vm.Script(wrapped, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  if (cachedData && !script.cachedDataRejected) codeCacheStats.hits++;
  else if (cachedData) codeCacheStats.rejected++;
  else codeCacheStats.misses++;
  loaded.push({ script, file, stale: file !== null && (!cachedData || script.cachedDataRejected === true) });
  const mod = { exports: {} as unknown, filename: bundle, id: bundle, loaded: false };
  const fn = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: typeof mod, f: string, d: string) => void;
  fn.call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, path.dirname(bundle));
  mod.loaded = true;
  return mod.exports;
}

/** Writes the code caches that were missing or refused (call once, when the work is done). */
export function saveCodeCaches(): void {
  for (const entry of loaded) {
    if (!entry.stale || !entry.file) continue;
    entry.stale = false;
    try {
      const data = entry.script.createCachedData();
      if (data.length === 0 || data.length > MAX_CACHE) continue;
      if (!replaceCacheFileSync(entry.file, Buffer.concat([Buffer.from(MAGIC + sha1().update(data).digest('hex'), 'latin1'), data]), { createDir: true, exclusive: true })) continue;
      codeCacheStats.written++;
      // Caches of other builds of the same bundle are dead weight.
      const own = path.basename(entry.file);
      const prefix = own.slice(0, own.indexOf('-') + 1);
      for (const name of readdirSync(path.dirname(entry.file))) if (name !== own && name.startsWith(prefix) && name.endsWith('.bin')) unlinkSync(path.join(path.dirname(entry.file), name));
    } catch {
      // Only costs the cache next time.
    }
  }
}
