import { createHash } from 'node:crypto';
import { isRecord, readOwnedJson, writeOwnedJson } from '../fs/ownedFiles';
import type { RawItem } from '../model';
import type { ResilienceSummary } from '../resilience/model';

/** What the cache remembers of one file. */
export interface CacheEntry {
  size: number;
  mtimeMs: number;
  /** sha1 of the bytes. */
  hash: string;
  items?: RawItem[];
  /** Set when the file was skipped (binary), so the reason survives a cached run. */
  skipped?: string;
  /** The per-file resilience summary, when the file was analysed. */
  summary?: ResilienceSummary;
  /** The file went through resilience analysis (even if it yielded no summary worth keeping). */
  analysed?: boolean;
  /** Relative imports of a file without a summary (for the second pass). */
  imports?: string[];
  /** Why the parser failed on the file (its items then came from a comment scan). */
  note?: string;
  /** The file's text says it is generated: a generated-file header or a source-map reference (scope `generated`). */
  generated?: boolean;
  /** The file could make a call; its analysis was deferred (out of the reported scopes), `imports` lists every specifier. */
  deferred?: boolean;
}

interface CacheFile {
  version: number;
  key: string;
  files: Record<string, CacheEntry>;
}

const CACHE_VERSION = 2;

function isCacheEntry(v: unknown): v is CacheEntry {
  if (!isRecord(v) || typeof v.size !== 'number' || typeof v.mtimeMs !== 'number' || typeof v.hash !== 'string') return false;
  if (v.items !== undefined && !(Array.isArray(v.items) && v.items.every((i) => isRecord(i) && typeof i.kind === 'string' && typeof i.tag === 'string' && Number.isInteger(i.line) && Number.isInteger(i.column) && typeof i.text === 'string'))) return false;
  if (v.skipped !== undefined && typeof v.skipped !== 'string') return false;
  if (v.note !== undefined && typeof v.note !== 'string') return false;
  if (v.summary !== undefined && !isRecord(v.summary)) return false;
  return v.imports === undefined || (Array.isArray(v.imports) && v.imports.every((i) => typeof i === 'string'));
}

function isCacheFile(v: unknown): v is CacheFile {
  return isRecord(v) && typeof v.version === 'number' && typeof v.key === 'string' && isRecord(v.files) && Object.values(v.files).every(isCacheEntry);
}

/** sha1 of bytes, hex. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * A per-root content cache. An entry is reused without reading the file when size and mtime match, and
 * after reading when the content hash matches. `key` covers everything that changes results (tool
 * version, configuration), so a different key starts empty. A damaged cache file is ignored, never fatal.
 */
export class ScanCache {
  private readonly next: Record<string, CacheEntry> = {};
  /** True once an entry differs from the file read at open, or the set of files changed. */
  private dirty = false;
  /** Set when the cache file was damaged and discarded. */
  note: string | null = null;

  private constructor(
    private readonly file: string | null,
    private readonly key: string,
    private readonly previous: Record<string, CacheEntry>,
  ) {}

  /** Whether entries outlive the scan (a cache file); without one, content hashes are not worth computing. */
  get persistent(): boolean {
    return this.file !== null;
  }

  /** A cache that remembers nothing (single-file scans). */
  static none(): ScanCache {
    return new ScanCache(null, '', {});
  }

  static async open(file: string | null, key: string): Promise<ScanCache> {
    if (!file) return new ScanCache(null, key, {});
    // Read through safeFs (regular file, capped) and checked entry by entry: a cache with the right JSON
    // but wrong types (hand-edited, another version) is discarded and rebuilt, never trusted.
    const read = await readOwnedJson(file, isCacheFile, 'the scan cache');
    const cache = new ScanCache(file, key, read.value && read.value.version === CACHE_VERSION && read.value.key === key ? read.value.files : {});
    cache.note = read.note;
    return cache;
  }

  /** The previous entry when size and mtime still match. */
  byStat(rel: string, size: number, mtimeMs: number): CacheEntry | undefined {
    const e = this.previous[rel];
    return e && e.size === size && e.mtimeMs === mtimeMs ? e : undefined;
  }

  /** The previous entry when the content hash still matches. */
  byHash(rel: string, hash: string): CacheEntry | undefined {
    const e = this.previous[rel];
    return e && e.hash === hash ? e : undefined;
  }

  set(rel: string, entry: CacheEntry): void {
    // Without a file nothing is saved: keeping 10,000 entries alive only cost the scan (~20 ms and the heap).
    if (this.file === null) return;
    if (this.previous[rel] !== entry) this.dirty = true;
    this.next[rel] = entry;
  }

  /** Writes the entries set during this run (files no longer present drop out). Atomic via rename. */
  async save(): Promise<void> {
    if (!this.file) return;
    if (!this.dirty && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    const data: CacheFile = { version: CACHE_VERSION, key: this.key, files: this.next };
    try {
      await writeOwnedJson(this.file, data);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
