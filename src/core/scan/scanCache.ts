import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
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
}

interface CacheFile {
  version: number;
  key: string;
  files: Record<string, CacheEntry>;
}

const CACHE_VERSION = 2;

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
    try {
      const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<CacheFile>;
      if (parsed.version === CACHE_VERSION && parsed.key === key && parsed.files && typeof parsed.files === 'object') {
        return new ScanCache(file, key, parsed.files);
      }
    } catch {
      // missing or unreadable: start empty
    }
    return new ScanCache(file, key, {});
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
    if (this.previous[rel] !== entry) this.dirty = true;
    this.next[rel] = entry;
  }

  /** Writes the entries set during this run (files no longer present drop out). Atomic via rename. */
  async save(): Promise<void> {
    if (!this.file) return;
    if (!this.dirty && Object.keys(this.next).length === Object.keys(this.previous).length) return;
    const data: CacheFile = { version: CACHE_VERSION, key: this.key, files: this.next };
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, JSON.stringify(data));
      await fs.rename(tmp, this.file);
    } catch {
      // A cache that cannot be written only costs speed next time.
    }
  }
}
